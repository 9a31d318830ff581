package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;

/**
 * Bitmaps with a bit offset, least significant bit first: MySQL's binary-row NULL bitmap
 * reserves its first two bits (offset 2), so column {@code i} is bit {@code i + 2}.
 */
public final class Bitmap {

    private Bitmap() {
    }

    /** Bytes a bitmap of {@code count} entries after {@code bitOffset} unused bits occupies. */
    public static int byteLength(int count, int bitOffset) {
        if (count < 0 || bitOffset < 0) {
            throw new IllegalArgumentException("negative bitmap size");
        }
        return (int) (((long) count + bitOffset + 7) / 8);
    }

    /** Whether entry {@code index} of the bitmap starting at {@code bitmapOffset} is set. */
    public static boolean isSet(WireBuffer buffer, int bitmapOffset, int bitOffset, int index) {
        int bit = bitOffset + index;
        return (buffer.u8(bitmapOffset + (bit >>> 3)) & (1 << (bit & 7))) != 0;
    }

    /** Reserves a zeroed bitmap for {@code count} entries and returns its position. */
    public static int reserve(WireWriter out, int count, int bitOffset) {
        return out.reserve(byteLength(count, bitOffset));
    }

    /** Sets entry {@code index} of the bitmap reserved at {@code bitmapPosition}. */
    public static void set(WireWriter out, int bitmapPosition, int bitOffset, int index) {
        int bit = bitOffset + index;
        int at = bitmapPosition + (bit >>> 3);
        out.patch8(at, out.u8At(at) | (1 << (bit & 7)));
    }
}
