package io.sqlxwire.it;

import io.sqlxwire.runtime.buffer.WireBuffer;

/** Hand-written code next to the generated sources, on the same runtime. */
public final class Application {
    private Application() {}

    public static String describe(WireBuffer buffer) {
        return String.valueOf(buffer);
    }
}
