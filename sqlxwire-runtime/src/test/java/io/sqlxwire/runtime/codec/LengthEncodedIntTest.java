package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LengthEncodedIntTest {

    private static byte[] hex(int... bytes) {
        byte[] result = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            result[i] = (byte) bytes[i];
        }
        return result;
    }

    private static byte[] encode(long value) {
        WireWriter out = WireWriter.growable();
        LengthEncodedInt.write(out, value);
        return out.toByteArray();
    }

    @Test
    void everyFormAtItsBoundaries() {
        assertArrayEquals(hex(0x00), encode(0));
        assertArrayEquals(hex(0xFA), encode(250));
        assertArrayEquals(hex(0xFC, 0xFB, 0x00), encode(251));
        assertArrayEquals(hex(0xFC, 0xFF, 0xFF), encode(0xFFFF));
        assertArrayEquals(hex(0xFD, 0x00, 0x00, 0x01), encode(0x1_0000));
        assertArrayEquals(hex(0xFD, 0xFF, 0xFF, 0xFF), encode(0xFF_FFFF));
        assertArrayEquals(hex(0xFE, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0), encode(0x100_0000));
        assertArrayEquals(hex(0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F), encode(Long.MAX_VALUE));
        assertArrayEquals(hex(0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), encode(-1L));
        long[] values = {0, 250, 251, 0xFFFF, 0x1_0000, 0xFF_FFFF, 0x100_0000, Long.MAX_VALUE, Long.MIN_VALUE, -1};
        int[] widths = {1, 1, 3, 3, 4, 4, 9, 9, 9, 9};
        for (int i = 0; i < values.length; i++) {
            WireBuffer buffer = WireBuffer.of(encode(values[i]));
            assertEquals(widths[i], LengthEncodedInt.width(buffer, 0));
            assertEquals(widths[i], LengthEncodedInt.encodedWidth(values[i]));
            assertEquals(values[i], LengthEncodedInt.read(buffer, 0));
            assertFalse(LengthEncodedInt.isNull(buffer, 0));
            assertTrue(LengthEncodedInt.isCanonical(buffer, 0));
        }
    }

    @Property
    void roundTripAtAnOffset(@ForAll long value) {
        WireWriter out = WireWriter.growable();
        out.put16be(0xABCD);
        LengthEncodedInt.write(out, value);
        WireBuffer buffer = WireBuffer.of(out.toByteArray());
        assertEquals(value, LengthEncodedInt.read(buffer, 2));
        assertEquals(buffer.length() - 2, LengthEncodedInt.width(buffer, 2));
    }

    @Test
    void nullMarker() {
        WireWriter out = WireWriter.growable();
        LengthEncodedInt.writeNull(out);
        WireBuffer buffer = WireBuffer.of(out.toByteArray());
        assertTrue(LengthEncodedInt.isNull(buffer, 0));
        assertEquals(1, LengthEncodedInt.width(buffer, 0));
        assertTrue(LengthEncodedInt.isCanonical(buffer, 0));
        CodecException e = assertThrows(CodecException.class, () -> LengthEncodedInt.read(buffer, 0));
        assertEquals("unexpected NULL length-encoded integer at offset 0", e.getMessage());
    }

    @Test
    void errPacketMarkerIsNotAnInteger() {
        WireBuffer buffer = WireBuffer.of(hex(0x01, 0xFF, 0x00, 0x00));
        CodecException e = assertThrows(CodecException.class, () -> LengthEncodedInt.read(buffer, 1));
        assertEquals(1, e.offset());
    }

    @Test
    void longerThanNeededFormsAreAcceptedButNotCanonical() {
        WireBuffer buffer = WireBuffer.of(hex(0xFC, 0x05, 0x00, 0xFD, 0xFF, 0x00, 0x00, 0xFE, 1, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(5, LengthEncodedInt.read(buffer, 0));
        assertFalse(LengthEncodedInt.isCanonical(buffer, 0));
        assertEquals(0xFF, LengthEncodedInt.read(buffer, 3));
        assertFalse(LengthEncodedInt.isCanonical(buffer, 3));
        assertEquals(1, LengthEncodedInt.read(buffer, 7));
        assertFalse(LengthEncodedInt.isCanonical(buffer, 7));
    }

    @Test
    void lengthsMustFitAnInt() {
        WireBuffer small = WireBuffer.of(hex(0xFD, 0x10, 0x00, 0x00));
        assertEquals(16, LengthEncodedInt.readLength(small, 0));
        WireBuffer huge = WireBuffer.of(encode(1L << 31));
        CodecException e = assertThrows(CodecException.class, () -> LengthEncodedInt.readLength(huge, 0));
        assertEquals("length 2147483648 is too large at offset 0", e.getMessage());
        assertThrows(CodecException.class, () -> LengthEncodedInt.readLength(WireBuffer.of(encode(-1)), 0));
    }

    @Test
    void truncationAtEveryPositionOfEveryFormReportsTheIntegersStart() {
        for (long value : new long[] {7, 300, 70_000, 1L << 40}) {
            byte[] whole = encode(value);
            for (int cut = 0; cut < whole.length; cut++) {
                byte[] prefix = new byte[2 + cut];
                System.arraycopy(whole, 0, prefix, 2, cut);
                WireBuffer buffer = WireBuffer.of(prefix);
                try {
                    LengthEncodedInt.read(buffer, 2);
                    fail("read from " + cut + " of " + whole.length + " bytes: " + Arrays.toString(prefix));
                } catch (CodecException e) {
                    assertEquals(2, e.offset(), e.getMessage());
                }
            }
        }
    }
}
