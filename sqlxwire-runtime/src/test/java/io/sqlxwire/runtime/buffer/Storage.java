package io.sqlxwire.runtime.buffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** The same bytes behind every kind of storage a WireBuffer accepts, each starting mid-array. */
final class Storage {

    private static final int PAD = 3;

    private Storage() {
    }

    static List<WireBuffer> all(byte[] data) {
        byte[] padded = new byte[data.length + 2 * PAD];
        System.arraycopy(data, 0, padded, PAD, data.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).order(ByteOrder.LITTLE_ENDIAN);
        direct.put(padded).position(PAD).limit(PAD + data.length);
        return List.of(
                WireBuffer.of(padded, PAD, data.length),
                WireBuffer.of(ByteBuffer.wrap(padded, PAD, data.length)),
                WireBuffer.of(ByteBuffer.wrap(padded).position(PAD).slice().limit(data.length)),
                WireBuffer.of(ByteBuffer.wrap(padded).asReadOnlyBuffer().position(PAD).limit(PAD + data.length)),
                WireBuffer.of(direct));
    }
}
