package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WireWriterTest {

    /** Writes one value of every width and order, and the same through the JDK for comparison. */
    private static void writeAll(WireWriter out, long v) {
        out.put8((int) v);
        out.put16be((int) v);
        out.put16le((int) v);
        out.put24be((int) v);
        out.put24le((int) v);
        out.put32be((int) v);
        out.put32le((int) v);
        out.put64be(v);
        out.put64le(v);
        out.putF32be(Float.intBitsToFloat((int) v));
        out.putF32le(Float.intBitsToFloat((int) v));
        out.putF64be(Double.longBitsToDouble(v));
        out.putF64le(Double.longBitsToDouble(v));
    }

    private static byte[] expected(long v) {
        ByteBuffer jdk = ByteBuffer.allocate(1 + 2 + 2 + 3 + 3 + 4 + 4 + 8 + 8 + 4 + 4 + 8 + 8);
        jdk.put((byte) v);
        jdk.order(ByteOrder.BIG_ENDIAN).putShort((short) v);
        jdk.order(ByteOrder.LITTLE_ENDIAN).putShort((short) v);
        jdk.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
        jdk.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        jdk.order(ByteOrder.BIG_ENDIAN).putInt((int) v);
        jdk.order(ByteOrder.LITTLE_ENDIAN).putInt((int) v);
        jdk.order(ByteOrder.BIG_ENDIAN).putLong(v);
        jdk.order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        jdk.order(ByteOrder.BIG_ENDIAN).putInt((int) v);
        jdk.order(ByteOrder.LITTLE_ENDIAN).putInt((int) v);
        jdk.order(ByteOrder.BIG_ENDIAN).putLong(v);
        jdk.order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        return jdk.array();
    }

    @Property
    void everyWidthAndOrderMatchesTheJdkInEveryKindOfTarget(@ForAll long value) {
        byte[] expected = expected(value);

        WireWriter growable = WireWriter.growable(1, 1024);
        writeAll(growable, value);
        assertArrayEquals(expected, growable.toByteArray());

        byte[] array = new byte[expected.length + 4];
        WireWriter fixed = WireWriter.into(array, 2, expected.length);
        writeAll(fixed, value);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(array, 2, 2 + expected.length));

        ByteBuffer direct = ByteBuffer.allocateDirect(expected.length + 4);
        direct.position(3);
        WireWriter intoDirect = WireWriter.into(direct);
        writeAll(intoDirect, value);
        assertEquals(3, direct.position(), "the caller's position is not moved");
        assertArrayEquals(expected, intoDirect.toByteArray());
        byte[] back = new byte[expected.length];
        direct.get(3, back);
        assertArrayEquals(expected, back);
    }

    @Test
    void backPatchingALengthSlot() {
        WireWriter out = WireWriter.growable();
        out.put8('Q');
        int slot = out.reserve(4);
        out.putBytes(new byte[] {'a', 'b', 'c', 0});
        out.patch32be(slot, out.position() - slot);
        assertArrayEquals(new byte[] {'Q', 0, 0, 0, 8, 'a', 'b', 'c', 0}, out.toByteArray());
        assertThrows(IllegalArgumentException.class, () -> out.patch32be(out.position() - 2, 0),
                "a patch may not reach beyond what was written");
        assertThrows(IllegalArgumentException.class, () -> out.patch8(-1, 0));
    }

    @Test
    void everyPatchWidth() {
        WireWriter out = WireWriter.into(ByteBuffer.allocateDirect(32));
        out.reserve(32);
        out.patch8(0, 0xAB);
        out.patch16be(1, 0x0102);
        out.patch16le(3, 0x0102);
        out.patch24be(5, 0x010203);
        out.patch24le(8, 0x010203);
        out.patch32be(11, 0x01020304);
        out.patch32le(15, 0x01020304);
        out.patch64le(19, 0x0102030405060708L);
        out.patch64be(24, 0x0102030405060708L);
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xAB, 1, 2, 2, 1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1, 8, 7, 6, 5, 4,
            1, 2, 3, 4, 5, 6, 7, 8}, bytes);
    }

    @Test
    void aFixedTargetRefusesToOverflowAndNamesThePosition() {
        WireWriter out = WireWriter.into(new byte[5], 0, 5);
        out.put32be(1);
        CodecException e = assertThrows(CodecException.class, () -> out.put16le(2));
        assertEquals(4, e.offset());
        assertEquals("needs 2 bytes but only 1 remain at offset 4", e.getMessage());
        assertEquals(4, out.position(), "nothing was written by the failed call");
    }

    @Test
    void aGrowableWriterGrowsUpToItsMaximumOnly() {
        WireWriter out = WireWriter.growable(0, 10);
        out.putBytes(new byte[10]);
        CodecException e = assertThrows(CodecException.class, () -> out.put8(1));
        assertEquals(10, e.offset());
        assertThrows(CodecException.class, () -> WireWriter.growable(4, 100).putZeros(101));
    }

    @Test
    void copyingFromABufferViewAndReadingBack() {
        WireBuffer source = WireBuffer.of(new byte[] {9, 8, 7, 6});
        for (WireWriter out : new WireWriter[] {WireWriter.growable(), WireWriter.into(ByteBuffer.allocateDirect(8))}) {
            out.putBytes(source, 1, 3);
            WireBuffer written = out.written(new WireBuffer());
            assertEquals(3, written.length());
            assertEquals(0x080706, written.u24be(0));
            assertEquals(7, out.u8At(1));
            out.truncate(1);
            assertArrayEquals(new byte[] {8}, out.toByteArray());
            out.reset();
            assertEquals(0, out.position());
        }
        assertThrows(CodecException.class, () -> WireWriter.growable().putBytes(source, 2, 3));
    }

    @Test
    void fixedWritersAreReusableAndGrowableOnesOwnTheirArray() {
        WireWriter out = WireWriter.into(new byte[2], 0, 2);
        out.put16be(1);
        out.wrap(new byte[4], 0, 4).put32be(7);
        assertEquals(4, out.position());
        assertThrows(IllegalStateException.class, () -> WireWriter.growable().wrap(new byte[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> WireWriter.into(ByteBuffer.allocate(4).asReadOnlyBuffer()));
    }
}
