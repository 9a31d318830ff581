package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.ToLongBiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WireBufferTest {

    /** Every read, its width, and what the JDK makes of the same bytes. */
    enum Read {
        U8(1, WireBuffer::u8, (b, o) -> b.get(o) & 0xFF),
        I8(1, WireBuffer::i8, ByteBuffer::get),
        U16BE(2, WireBuffer::u16be, (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getShort(o) & 0xFFFF),
        U16LE(2, WireBuffer::u16le, (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getShort(o) & 0xFFFF),
        I16BE(2, WireBuffer::i16be, (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getShort(o)),
        I16LE(2, WireBuffer::i16le, (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getShort(o)),
        U24BE(3, WireBuffer::u24be, (b, o) -> ((b.get(o) & 0xFF) << 16) | ((b.get(o + 1) & 0xFF) << 8) | (b.get(o + 2) & 0xFF)),
        U24LE(3, WireBuffer::u24le, (b, o) -> ((b.get(o + 2) & 0xFF) << 16) | ((b.get(o + 1) & 0xFF) << 8) | (b.get(o) & 0xFF)),
        I24BE(3, WireBuffer::i24be, (b, o) -> (b.get(o) << 16) | ((b.get(o + 1) & 0xFF) << 8) | (b.get(o + 2) & 0xFF)),
        I24LE(3, WireBuffer::i24le, (b, o) -> (b.get(o + 2) << 16) | ((b.get(o + 1) & 0xFF) << 8) | (b.get(o) & 0xFF)),
        U32BE(4, WireBuffer::u32be, (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getInt(o) & 0xFFFF_FFFFL),
        U32LE(4, WireBuffer::u32le, (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getInt(o) & 0xFFFF_FFFFL),
        I32BE(4, WireBuffer::i32be, (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getInt(o)),
        I32LE(4, WireBuffer::i32le, (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getInt(o)),
        U64BE(8, WireBuffer::u64be, (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getLong(o)),
        U64LE(8, WireBuffer::u64le, (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getLong(o)),
        I64BE(8, WireBuffer::i64be, (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getLong(o)),
        I64LE(8, WireBuffer::i64le, (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getLong(o)),
        F32BE(4, (w, o) -> Float.floatToRawIntBits(w.f32be(o)), (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getInt(o)),
        F32LE(4, (w, o) -> Float.floatToRawIntBits(w.f32le(o)), (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getInt(o)),
        F64BE(8, (w, o) -> Double.doubleToRawLongBits(w.f64be(o)), (b, o) -> b.order(ByteOrder.BIG_ENDIAN).getLong(o)),
        F64LE(8, (w, o) -> Double.doubleToRawLongBits(w.f64le(o)), (b, o) -> b.order(ByteOrder.LITTLE_ENDIAN).getLong(o));

        final int width;
        final ToLongBiFunction<WireBuffer, Integer> read;
        final ToLongBiFunction<ByteBuffer, Integer> reference;

        Read(int width, ToLongBiFunction<WireBuffer, Integer> read, ToLongBiFunction<ByteBuffer, Integer> reference) {
            this.width = width;
            this.read = read;
            this.reference = reference;
        }
    }

    @Property
    void everyReadAgreesWithTheJdkOnEveryStorage(@ForAll byte[] data) {
        ByteBuffer jdk = ByteBuffer.wrap(data);
        for (WireBuffer buffer : Storage.all(data)) {
            assertEquals(data.length, buffer.length());
            for (Read read : Read.values()) {
                for (int offset = 0; offset + read.width <= data.length; offset++) {
                    assertEquals(read.reference.applyAsLong(jdk, offset), read.read.applyAsLong(buffer, offset),
                            read + " at " + offset);
                }
            }
        }
    }

    @Test
    void boundaryValuesOfEveryWidthInBothOrders() {
        long[] patterns = {0L, 1L, -1L, 0x7FL, 0x80L, 0xFFL, 0x7FFFL, 0x8000L, 0xFFFFL, 0x7F_FFFFL, 0x80_0000L,
            0xFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long pattern : patterns) {
            byte[] be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(pattern).array();
            byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(pattern).array();
            WireBuffer big = WireBuffer.of(be);
            WireBuffer little = WireBuffer.of(le);
            assertEquals(pattern & 0xFF, little.u8(0));
            assertEquals((byte) pattern, little.i8(0));
            assertEquals(pattern & 0xFFFF, big.u16be(6));
            assertEquals(pattern & 0xFFFF, little.u16le(0));
            assertEquals((short) pattern, big.i16be(6));
            assertEquals((short) pattern, little.i16le(0));
            assertEquals(pattern & 0xFF_FFFF, big.u24be(5));
            assertEquals(pattern & 0xFF_FFFF, little.u24le(0));
            assertEquals((int) (pattern << 40 >> 40), big.i24be(5));
            assertEquals((int) (pattern << 40 >> 40), little.i24le(0));
            assertEquals(pattern & 0xFFFF_FFFFL, big.u32be(4));
            assertEquals(pattern & 0xFFFF_FFFFL, little.u32le(0));
            assertEquals((int) pattern, big.i32be(4));
            assertEquals((int) pattern, little.i32le(0));
            assertEquals(pattern, big.u64be(0));
            assertEquals(pattern, little.u64le(0));
            assertEquals(pattern, big.i64be(0));
            assertEquals(pattern, little.i64le(0));
        }
    }

    @Test
    void floatsKeepSpecialValues() {
        byte[] bytes = ByteBuffer.allocate(12).putFloat(Float.NaN).putDouble(Double.NEGATIVE_INFINITY).array();
        WireBuffer buffer = WireBuffer.of(bytes);
        assertTrue(Float.isNaN(buffer.f32be(0)));
        assertEquals(Double.NEGATIVE_INFINITY, buffer.f64be(4));
        byte[] little = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(-0.0f).array();
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(WireBuffer.of(little).f32le(0)));
    }

    @Test
    void everyReadPastTheRegionFailsWithTheOffsetOfTheRead() {
        for (int length = 0; length <= 10; length++) {
            for (WireBuffer buffer : Storage.all(new byte[length])) {
                for (Read read : Read.values()) {
                    for (int offset = -2; offset <= length + 2; offset++) {
                        boolean fits = offset >= 0 && offset + read.width <= length;
                        try {
                            read.read.applyAsLong(buffer, offset);
                            assertTrue(fits, read + " at " + offset + " of " + length + " should fail");
                        } catch (CodecException e) {
                            assertFalse(fits, read + " at " + offset + " of " + length + ": " + e.getMessage());
                            assertEquals(offset, e.offset(), read + " at " + offset + " of " + length);
                        } catch (RuntimeException e) {
                            fail(read + " at " + offset + " of " + length + " threw " + e);
                        }
                    }
                }
            }
        }
    }

    @Test
    void slicesReportOffsetsInTheOuterRegion() {
        WireBuffer frame = WireBuffer.of(new byte[20]);
        WireBuffer field = frame.slice(10, 4, new WireBuffer());
        WireBuffer inner = field.slice(2, 2, new WireBuffer());
        assertEquals(12, inner.origin());
        CodecException e = assertThrows(CodecException.class, () -> inner.i32be(0));
        assertEquals(12, e.offset());
        assertEquals("needs 4 bytes but only 2 remain at offset 12", e.getMessage());
        CodecException outside = assertThrows(CodecException.class, () -> frame.slice(18, 4, new WireBuffer()));
        assertEquals(18, outside.offset());
    }

    @Test
    void hugeAndNegativeRangesFailWithoutOverflow() {
        WireBuffer buffer = WireBuffer.of(new byte[8]);
        assertThrows(CodecException.class, () -> buffer.checkRange(4, Integer.MAX_VALUE));
        assertThrows(CodecException.class, () -> buffer.checkRange(Integer.MAX_VALUE, 4));
        assertThrows(CodecException.class, () -> buffer.checkRange(2, -1));
        assertThrows(CodecException.class, () -> buffer.toByteArray(0, Integer.MAX_VALUE));
    }

    @Test
    void searchingCopyingAndComparingOnEveryStorage() {
        byte[] data = {'a', 'b', 0, 'c', 'd'};
        for (WireBuffer buffer : Storage.all(data)) {
            assertEquals(2, buffer.indexOf((byte) 0, 0, 5));
            assertEquals(-1, buffer.indexOf((byte) 0, 3, 5));
            assertEquals(-1, buffer.indexOf((byte) 'a', 1, 1));
            assertThrows(CodecException.class, () -> buffer.indexOf((byte) 0, 3, 6));
            assertArrayEquals(new byte[] {'c', 'd'}, buffer.toByteArray(3, 2));
            assertTrue(buffer.contentEquals(0, 2, new byte[] {'x', 'a', 'b'}, 1));
            assertFalse(buffer.contentEquals(0, 2, new byte[] {'a', 'c'}, 0));
            assertFalse(buffer.contentEquals(0, 2, new byte[] {'a'}, 0));
        }
    }

    @Test
    void wrappingRejectsRegionsOutsideTheArray() {
        assertThrows(IllegalArgumentException.class, () -> WireBuffer.of(new byte[4], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> WireBuffer.of(new byte[4], -1, 1));
    }

    @Test
    void wrappingNeverMovesTheCallersBuffer() {
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        direct.position(2).limit(6);
        WireBuffer buffer = WireBuffer.of(direct);
        buffer.i32be(0);
        assertEquals(2, direct.position());
        assertEquals(6, direct.limit());
        assertEquals(4, buffer.length());
    }
}
