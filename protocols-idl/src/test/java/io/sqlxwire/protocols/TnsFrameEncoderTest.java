package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.protocols.tns.TnsPacketFrameEncoder;
import io.sqlxwire.protocols.tns.TnsPacketFraming;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The TNS packet length is a header {@code let} choosing between two forms by the packet checksum:
 * 16-bit length + checksum 0 or 4, or one 32-bit length split over both fields. The frame encoder
 * writes the form the caller's checksum selects, and the generated framing reads the same size back.
 */
class TnsFrameEncoderTest {

    private static byte[] frame(int packetChecksum, int bodyLength) {
        WireWriter out = WireWriter.growable();
        TnsPacketFrameEncoder frame = new TnsPacketFrameEncoder().wrap(out)
                .packetChecksum(packetChecksum).type(6).flags(0).headerChecksum(0);
        frame.body();
        out.putZeros(bodyLength);
        frame.finish();
        return out.toByteArray();
    }

    @Test
    void shortFormWritesA16BitLengthAndKeepsTheChecksum() {
        byte[] bytes = frame(4, 3);
        assertArrayEquals(HexFormat.of().parseHex("000b000406000000"), java.util.Arrays.copyOf(bytes, 8));
        assertEquals(3L, TnsPacketFraming.INSTANCE.bodyLength(WireBuffer.of(bytes)));
        assertEquals(11L, TnsPacketFraming.INSTANCE.frameLength(WireBuffer.of(bytes)));
    }

    @Test
    void longFormSplitsA32BitLengthOverBothFields() {
        int body = 0x10000 + 0x20 - 8; // 65568 bytes in all: more than 16 bits can hold
        byte[] bytes = frame(1, body);
        assertArrayEquals(HexFormat.of().parseHex("0001002006000000"), java.util.Arrays.copyOf(bytes, 8));
        assertEquals(body, TnsPacketFraming.INSTANCE.bodyLength(WireBuffer.of(bytes)));
    }

    @Test
    void refusesWhatTheChosenFormCannotHold() {
        assertThrows(CodecException.class, () -> frame(0, 0x10000), "a short-form length above 65535");
        // In the long form, low 16 bits of 0 or 4 would read back as the short form.
        assertThrows(CodecException.class, () -> frame(1, 0x20000 - 8));
    }
}
