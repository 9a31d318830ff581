package io.sqlxwire.it;

import io.sqlxwire.it.ping.Ping;

/**
 * Hand-written, next to the generated sources: check and apply must leave it alone. It uses a
 * generated record, so the last build's compile proves the applied sources are complete.
 */
final class HandWritten {
    static long sequenceOf(Ping ping) {
        return ping.sequence();
    }
}
