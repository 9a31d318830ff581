package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;

/**
 * MySQL's length-encoded integer: one byte below 0xFB is the value itself; 0xFC, 0xFD and 0xFE
 * introduce a 2-, 3- or 8-byte little-endian value; 0xFB stands for SQL NULL; 0xFF is not an
 * integer at all (it starts an ERR packet) and is rejected.
 *
 * <p>Canonical form: decoding accepts a value written in a longer form than needed (for example
 * {@code FC 05 00} for 5), because MySQL servers and clients accept it too and a proxy must not
 * reject what the peer would take. Encoding always writes the shortest form, so bytes → value →
 * bytes is the identity exactly for canonical input; {@link #isCanonical} lets a strict caller
 * tell the two apart.
 *
 * <p>Reading is split into {@link #width}, {@link #isNull} and {@link #read} so a decoder learns
 * value, NULL-ness and size without allocating a result object; each reads the first byte again,
 * which costs next to nothing.
 */
public final class LengthEncodedInt {

    /** First byte meaning SQL NULL. */
    public static final int NULL_MARKER = 0xFB;

    private LengthEncodedInt() {
    }

    /** Bytes occupied by the integer (or NULL marker) at {@code offset}: 1, 3, 4 or 9. */
    public static int width(WireBuffer buffer, int offset) {
        int first = buffer.u8(offset);
        if (first < 0xFB) {
            return 1;
        }
        switch (first) {
            case 0xFB:
                return 1;
            case 0xFC:
                return 3;
            case 0xFD:
                return 4;
            case 0xFE:
                return 9;
            default:
                throw new CodecException("0xFF does not start a length-encoded integer", buffer.origin() + offset);
        }
    }

    /** Whether the item at {@code offset} is the NULL marker. */
    public static boolean isNull(WireBuffer buffer, int offset) {
        return buffer.u8(offset) == NULL_MARKER;
    }

    /**
     * The unsigned value at {@code offset}; values of 2^63 and above come back negative.
     *
     * @throws CodecException for NULL (check {@link #isNull} first where NULL is allowed), 0xFF, or truncation
     */
    public static long read(WireBuffer buffer, int offset) {
        int width = width(buffer, offset);
        buffer.checkRange(offset, width);
        switch (width) {
            case 1:
                if (buffer.u8(offset) == NULL_MARKER) {
                    throw new CodecException("unexpected NULL length-encoded integer", buffer.origin() + offset);
                }
                return buffer.u8(offset);
            case 3:
                return buffer.u16le(offset + 1);
            case 4:
                return buffer.u24le(offset + 1);
            default:
                return buffer.u64le(offset + 1);
        }
    }

    /** A value that sizes something in this buffer, so it must fit an {@code int}. */
    public static int readLength(WireBuffer buffer, int offset) {
        long value = read(buffer, offset);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new CodecException("length " + Long.toUnsignedString(value) + " is too large", buffer.origin() + offset);
        }
        return (int) value;
    }

    /** Whether the integer at {@code offset} uses the shortest form for its value (NULL is canonical). */
    public static boolean isCanonical(WireBuffer buffer, int offset) {
        if (isNull(buffer, offset)) {
            return true;
        }
        return width(buffer, offset) == encodedWidth(read(buffer, offset));
    }

    /** Bytes the shortest encoding of the unsigned {@code value} takes: 1, 3, 4 or 9. */
    public static int encodedWidth(long value) {
        if (value >= 0 && value < 0xFB) {
            return 1;
        }
        if (value >= 0 && value <= 0xFFFF) {
            return 3;
        }
        if (value >= 0 && value <= 0xFF_FFFF) {
            return 4;
        }
        return 9;
    }

    /** Writes the unsigned {@code value} in its shortest form. */
    public static void write(WireWriter out, long value) {
        switch (encodedWidth(value)) {
            case 1:
                out.put8((int) value);
                break;
            case 3:
                out.put8(0xFC);
                out.put16le((int) value);
                break;
            case 4:
                out.put8(0xFD);
                out.put24le((int) value);
                break;
            default:
                out.put8(0xFE);
                out.put64le(value);
        }
    }

    /** Writes the NULL marker. */
    public static void writeNull(WireWriter out) {
        out.put8(NULL_MARKER);
    }
}
