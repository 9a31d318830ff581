package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BitmapTest {

    @Test
    void mysqlBinaryRowNullBitmapHasOffsetTwo() {
        // MySQL binary protocol: (column_count + 7 + 2) / 8 bytes; column 0 is bit 2 of byte 0.
        assertEquals(1, Bitmap.byteLength(6, 2));
        assertEquals(2, Bitmap.byteLength(7, 2));
        assertEquals(0, Bitmap.byteLength(0, 0));
        WireWriter out = WireWriter.growable();
        out.put8(0x00);
        int bitmap = Bitmap.reserve(out, 7, 2);
        Bitmap.set(out, bitmap, 2, 0);
        Bitmap.set(out, bitmap, 2, 6);
        assertArrayEquals(new byte[] {0x00, 0x04, 0x01}, out.toByteArray());
        WireBuffer row = WireBuffer.of(out.toByteArray());
        for (int column = 0; column < 7; column++) {
            assertEquals(column == 0 || column == 6, Bitmap.isSet(row, 1, 2, column), "column " + column);
        }
        CodecException e = assertThrows(CodecException.class, () -> Bitmap.isSet(row, 1, 2, 14));
        assertEquals(3, e.offset());
    }

    @Property
    void setThenReadBack(@ForAll boolean[] bits, @ForAll @IntRange(max = 7) int offset) {
        WireWriter out = WireWriter.growable();
        int at = Bitmap.reserve(out, bits.length, offset);
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                Bitmap.set(out, at, offset, i);
            }
        }
        WireBuffer buffer = WireBuffer.of(out.toByteArray());
        assertEquals(Bitmap.byteLength(bits.length, offset), buffer.length());
        for (int i = 0; i < bits.length; i++) {
            assertEquals(bits[i], Bitmap.isSet(buffer, 0, offset, i));
        }
    }
}
