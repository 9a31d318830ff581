package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ZlibTest {

    private static final byte[] TEXT = "select 1; select 1; select 1; select 1; select 1;".getBytes(StandardCharsets.US_ASCII);

    @Test
    void inflatesAStoredBlockWrittenByHand() {
        // zlib header 78 01, one final stored block of 3 bytes (len 0003, nlen fffc), Adler-32 of "abc".
        byte[] stream = HexFormat.of().parseHex("7801" + "01" + "0300" + "fcff" + "616263" + "024d0127");
        WireBuffer plain = new ZlibInflater(100).inflate(WireBuffer.of(stream), 0, stream.length, 3, 0);
        assertEquals("abc", new String(plain.toByteArray(0, 3), StandardCharsets.US_ASCII));
    }

    @Test
    void roundTripThroughTheDeflaterInPlace() {
        WireWriter out = WireWriter.growable();
        out.put8(0xAA);
        out.putBytes(TEXT);
        assertTrue(new ZlibDeflater().compressInPlace(out, 1));
        byte[] wire = out.toByteArray();
        assertEquals(0xAA, wire[0] & 0xFF);
        assertTrue(wire.length - 1 < TEXT.length);
        WireBuffer plain = new ZlibInflater(1000).inflate(WireBuffer.of(wire), 1, wire.length - 1, TEXT.length, 0);
        assertArrayEquals(TEXT, plain.toByteArray(0, plain.length()));
        WireBuffer unknown = new ZlibInflater(1000).inflate(WireBuffer.of(wire), 1, wire.length - 1, -1, 0);
        assertArrayEquals(TEXT, unknown.toByteArray(0, unknown.length()));
    }

    @Test
    void incompressibleBytesAreLeftAsTheyAre() {
        WireWriter out = WireWriter.growable();
        out.putBytes(new byte[] {1, 2, 3});
        assertFalse(new ZlibDeflater().compressInPlace(out, 0));
        assertArrayEquals(new byte[] {1, 2, 3}, out.toByteArray());
    }

    @Test
    void badDataWrongSizesAndTrailingBytesAreCodecErrors() {
        byte[] packed = ZlibDeflater.compress(TEXT, 0, TEXT.length);
        ZlibInflater inflater = new ZlibInflater(1000);
        WireBuffer wire = WireBuffer.of(packed);
        CodecException longer = assertThrows(CodecException.class,
                () -> inflater.inflate(wire, 0, packed.length, TEXT.length - 1, 100));
        assertTrue(longer.getMessage().contains("more than the " + (TEXT.length - 1)), longer.getMessage());
        CodecException shorter = assertThrows(CodecException.class,
                () -> inflater.inflate(wire, 0, packed.length, TEXT.length + 1, 100));
        assertTrue(shorter.getMessage().contains("not the " + (TEXT.length + 1)), shorter.getMessage());
        CodecException truncated = assertThrows(CodecException.class,
                () -> inflater.inflate(wire, 0, packed.length - 3, TEXT.length, 100));
        assertTrue(truncated.getMessage().contains("ends before"), truncated.getMessage());
        byte[] garbage = packed.clone();
        garbage[0] = 0x12; // not a zlib header
        CodecException bad = assertThrows(CodecException.class,
                () -> inflater.inflate(WireBuffer.of(garbage), 0, garbage.length, TEXT.length, 100));
        assertTrue(bad.getMessage().startsWith("bad zlib data"), bad.getMessage());
        // noticed once the 2-byte header has been read: the offset is within it or just after it
        assertTrue(bad.offset() >= 100 && bad.offset() <= 102, "offset " + bad.offset());
        byte[] trailing = java.util.Arrays.copyOf(packed, packed.length + 2);
        CodecException after = assertThrows(CodecException.class,
                () -> inflater.inflate(WireBuffer.of(trailing), 0, trailing.length, TEXT.length, 100));
        assertTrue(after.getMessage().contains("after the end"), after.getMessage());
        assertEquals(100 + packed.length, after.offset());
        // and it still works afterwards
        assertEquals(TEXT.length, inflater.inflate(wire, 0, packed.length, TEXT.length, 0).length());
    }

    @Test
    void aBombStopsAtTheLimit() {
        byte[] zeros = new byte[1 << 20];
        byte[] packed = ZlibDeflater.compress(zeros, 0, zeros.length);
        ZlibInflater inflater = new ZlibInflater(4096);
        CodecException e = assertThrows(CodecException.class,
                () -> inflater.inflate(WireBuffer.of(packed), 0, packed.length, -1, 0));
        assertTrue(e.getMessage().contains("limit of 4096"), e.getMessage());
        assertTrue(inflater.capacity() <= 4096);
        assertThrows(CodecException.class, () -> inflater.inflate(WireBuffer.of(packed), 0, packed.length, zeros.length, 0));
    }
}
