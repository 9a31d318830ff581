package io.sqlxwire.runtime.buffer;

import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;

/**
 * A bounds-checked, read-only view of a region of bytes: a {@code byte[]}, a heap
 * {@link ByteBuffer} or a direct one, never copied.
 *
 * <p>Offsets are relative to the start of the region; every read is checked against the region's
 * length and fails with a {@link CodecException} naming the offset of the item that did not fit,
 * never with an {@code IndexOutOfBoundsException}. Error offsets are reported in the coordinates
 * of the outermost region (usually the frame): a {@link #slice slice} remembers its {@link #origin()}.
 *
 * <p>A view is a reusable flyweight: {@code wrap} and {@code slice(..., target)} re-point an
 * existing object, so a decoder allocates its views once and then nothing per message. Heap
 * buffers are read through their backing array; direct and read-only buffers through view handles
 * that ignore the buffer's own byte order. The wrapped buffer's position and limit are never
 * touched, and must not shrink while wrapped.
 *
 * <p>Naming: {@code u16be} reads an unsigned 16-bit big-endian value, {@code i32le} a signed
 * 32-bit little-endian one. {@code u32} is returned as a non-negative {@code long}; {@code u64}
 * returns the 64 bits as a {@code long} (use {@link Long#compareUnsigned} and friends).
 */
public final class WireBuffer {

    private static final byte[] EMPTY = new byte[0];

    private byte[] array = EMPTY;
    private ByteBuffer nio;
    private int base;
    private int length;
    private long origin;

    /** An empty view, to be pointed somewhere with {@code wrap} or {@link #slice}. */
    public WireBuffer() {
    }

    public static WireBuffer of(byte[] bytes) {
        return new WireBuffer().wrap(bytes, 0, bytes.length);
    }

    public static WireBuffer of(byte[] bytes, int offset, int length) {
        return new WireBuffer().wrap(bytes, offset, length);
    }

    /** A view of {@code buffer} from its position to its limit. */
    public static WireBuffer of(ByteBuffer buffer) {
        return new WireBuffer().wrap(buffer);
    }

    public WireBuffer wrap(byte[] bytes, int offset, int regionLength) {
        checkArguments(bytes.length, offset, regionLength);
        return point(bytes, null, offset, regionLength, 0);
    }

    /** Wraps {@code buffer} from its position to its limit. */
    public WireBuffer wrap(ByteBuffer buffer) {
        int position = buffer.position();
        int remaining = buffer.remaining();
        if (buffer.hasArray()) {
            return point(buffer.array(), null, buffer.arrayOffset() + position, remaining, 0);
        }
        return point(null, buffer, position, remaining, 0);
    }

    /**
     * Points {@code target} at {@code length} bytes starting at {@code offset} of this view and
     * returns it. The slice reports error offsets in this view's coordinates.
     */
    public WireBuffer slice(int offset, int sliceLength, WireBuffer target) {
        checkRange(offset, sliceLength);
        return target.point(array, nio, base + offset, sliceLength, origin + offset);
    }

    private WireBuffer point(byte[] bytes, ByteBuffer buffer, int start, int regionLength, long originOffset) {
        // Views are re-pointed at the same storage many times per message: storing a reference
        // runs the collector's write barrier (G1: a fence for a cross-region pointer), so the
        // references are stored only when they actually change.
        // Exactly one of array and nio is set (this method is the only one that sets them), so an
        // array-backed view that stays on its array compares one reference.
        if (bytes != null) {
            if (array != bytes) {
                this.array = bytes;
                this.nio = null;
            }
        } else if (nio != buffer) {
            this.nio = buffer;
            this.array = null;
        }
        this.base = start;
        this.length = regionLength;
        this.origin = originOffset;
        return this;
    }

    /** Number of bytes in the region. */
    public int length() {
        return length;
    }

    /** Offset of this region's first byte in the coordinates errors are reported in. */
    public long origin() {
        return origin;
    }

    /**
     * Checks that {@code count} bytes starting at {@code offset} lie inside the region.
     *
     * @throws CodecException naming {@code offset} when they do not
     */
    public void checkRange(int offset, int count) {
        if ((offset | count) < 0 || offset > length - count) {
            throw outside(offset, count);
        }
    }

    private CodecException outside(int offset, int count) {
        if (offset < 0) {
            return new CodecException("negative offset", origin + offset);
        }
        if (count < 0) {
            return new CodecException("negative length " + count, origin + offset);
        }
        // An item starting beyond the end is truncation too: something before it claimed the bytes.
        return CodecException.truncated(origin + offset, count, (long) length - offset);
    }

    public int u8(int offset) {
        return i8(offset) & 0xFF;
    }

    public byte i8(int offset) {
        checkRange(offset, 1);
        return array != null ? array[base + offset] : nio.get(base + offset);
    }

    public int u16be(int offset) {
        return i16be(offset) & 0xFFFF;
    }

    public int u16le(int offset) {
        return i16le(offset) & 0xFFFF;
    }

    public short i16be(int offset) {
        checkRange(offset, 2);
        return array != null
                ? (short) Views.SHORT_BE.get(array, base + offset)
                : (short) Views.NIO_SHORT_BE.get(nio, base + offset);
    }

    public short i16le(int offset) {
        checkRange(offset, 2);
        return array != null
                ? (short) Views.SHORT_LE.get(array, base + offset)
                : (short) Views.NIO_SHORT_LE.get(nio, base + offset);
    }

    public int u24be(int offset) {
        checkRange(offset, 3);
        return (u16be(offset) << 8) | u8(offset + 2);
    }

    public int u24le(int offset) {
        checkRange(offset, 3);
        return u16le(offset) | (u8(offset + 2) << 16);
    }

    public int i24be(int offset) {
        return (u24be(offset) << 8) >> 8;
    }

    public int i24le(int offset) {
        return (u24le(offset) << 8) >> 8;
    }

    public long u32be(int offset) {
        return i32be(offset) & 0xFFFF_FFFFL;
    }

    public long u32le(int offset) {
        return i32le(offset) & 0xFFFF_FFFFL;
    }

    public int i32be(int offset) {
        checkRange(offset, 4);
        return array != null
                ? (int) Views.INT_BE.get(array, base + offset)
                : (int) Views.NIO_INT_BE.get(nio, base + offset);
    }

    public int i32le(int offset) {
        checkRange(offset, 4);
        return array != null
                ? (int) Views.INT_LE.get(array, base + offset)
                : (int) Views.NIO_INT_LE.get(nio, base + offset);
    }

    /** The 64 bits as a {@code long}; values above {@link Long#MAX_VALUE} come back negative. */
    public long u64be(int offset) {
        return i64be(offset);
    }

    /** The 64 bits as a {@code long}; values above {@link Long#MAX_VALUE} come back negative. */
    public long u64le(int offset) {
        return i64le(offset);
    }

    public long i64be(int offset) {
        checkRange(offset, 8);
        return array != null
                ? (long) Views.LONG_BE.get(array, base + offset)
                : (long) Views.NIO_LONG_BE.get(nio, base + offset);
    }

    public long i64le(int offset) {
        checkRange(offset, 8);
        return array != null
                ? (long) Views.LONG_LE.get(array, base + offset)
                : (long) Views.NIO_LONG_LE.get(nio, base + offset);
    }

    public float f32be(int offset) {
        return Float.intBitsToFloat(i32be(offset));
    }

    public float f32le(int offset) {
        return Float.intBitsToFloat(i32le(offset));
    }

    public double f64be(int offset) {
        return Double.longBitsToDouble(i64be(offset));
    }

    public double f64le(int offset) {
        return Double.longBitsToDouble(i64le(offset));
    }

    /** Copies {@code count} bytes at {@code offset} into {@code target} at {@code targetOffset}. */
    public void getBytes(int offset, byte[] target, int targetOffset, int count) {
        checkRange(offset, count);
        if (targetOffset < 0 || targetOffset > target.length - count) {
            throw new IllegalArgumentException("target array too small");
        }
        if (array != null) {
            System.arraycopy(array, base + offset, target, targetOffset, count);
        } else {
            nio.get(base + offset, target, targetOffset, count);
        }
    }

    /** A new array holding {@code count} bytes at {@code offset}; checked before allocating. */
    public byte[] toByteArray(int offset, int count) {
        checkRange(offset, count);
        byte[] copy = new byte[count];
        getBytes(offset, copy, 0, count);
        return copy;
    }

    /**
     * Feeds {@code count} bytes at {@code offset} to {@code checksum}. Array-backed views pass
     * the array directly; other views copy through {@code scratch} (any size) so that no
     * temporary buffer is allocated.
     */
    public void updateChecksum(java.util.zip.Checksum checksum, int offset, int count, byte[] scratch) {
        checkRange(offset, count);
        if (array != null) {
            checksum.update(array, base + offset, count);
            return;
        }
        for (int done = 0; done < count; ) {
            int step = Math.min(scratch.length, count - done);
            nio.get(base + offset + done, scratch, 0, step);
            checksum.update(scratch, 0, step);
            done += step;
        }
    }

    /**
     * Index of the first byte equal to {@code value} in {@code [from, to)}, or -1 when there is
     * none. The range must lie inside the region.
     */
    public int indexOf(byte value, int from, int to) {
        checkRange(from, to - from);
        if (array != null) {
            byte[] a = array;
            int i = base + from;
            int end = base + to;
            // Eight bytes per step while eight remain (terminators such as a C string's NUL are
            // usually found in the first word): a byte equal to value becomes zero after the XOR,
            // and the classic zero-byte test flags it; the lowest flagged byte is always a true
            // match (a borrow can only flag bytes above one), and little-endian order makes it
            // the first in memory.
            long pattern = (value & 0xFFL) * 0x0101010101010101L;
            for (; i <= end - Long.BYTES; i += Long.BYTES) {
                long word = (long) Views.LONG_LE.get(a, i) ^ pattern;
                long matches = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
                if (matches != 0) {
                    return i + (Long.numberOfTrailingZeros(matches) >>> 3) - base;
                }
            }
            for (; i < end; i++) {
                if (a[i] == value) {
                    return i - base;
                }
            }
        } else {
            for (int i = base + from, end = base + to; i < end; i++) {
                if (nio.get(i) == value) {
                    return i - base;
                }
            }
        }
        return -1;
    }

    /**
     * Number of leading bytes below 0x80 in the {@code count} bytes at {@code offset} (range
     * checked once; array-backed views scan the array directly). Lets text validation skip the
     * ASCII part of a value without a check per byte.
     */
    public int asciiPrefixLength(int offset, int count) {
        checkRange(offset, count);
        if (array != null) {
            byte[] a = array;
            for (int i = base + offset, end = base + offset + count; i < end; i++) {
                if (a[i] < 0) {
                    return i - base - offset;
                }
            }
        } else {
            for (int i = 0; i < count; i++) {
                if (nio.get(base + offset + i) < 0) {
                    return i;
                }
            }
        }
        return count;
    }

    /**
     * The canonical signed decimal integer spelled by {@code [from, end)} ({@code -} and 1 to 18
     * digits, no leading zero, no {@code -0}), read with one range check; {@link Long#MIN_VALUE}
     * when the bytes are anything else, or longer, or not in an array: a fast path for
     * {@code AsciiDecimal.parse}, which then rereads slowly to decide and report. (No value of at
     * most 18 digits is {@code Long.MIN_VALUE}, so the answer cannot be mistaken for it.)
     */
    public long canonicalDecimalOrMin(int from, int end) {
        checkRange(from, end - from);
        if (array == null || from == end) {
            return Long.MIN_VALUE;
        }
        byte[] a = array;
        int i = base + from;
        int stop = base + end;
        boolean negative = a[i] == '-';
        if (negative) {
            i++;
        }
        int digits = stop - i;
        if (digits < 1 || digits > 18 || (a[i] == '0' && (digits > 1 || negative))) {
            return Long.MIN_VALUE;
        }
        // Up to 16 digits in one or two 8-byte words read backwards from the end: the per-digit
        // loop is a chain of dependent multiply-adds with a data-dependent exit, which is most of
        // the cost of a text protocol's integer column. The words may reach before the value's
        // first byte (inside the array); those bytes are masked off.
        if (digits <= 8 && stop >= 8) {
            long low = eightDigitsOrMinusOne(a, stop, digits);
            return low < 0 ? Long.MIN_VALUE : negative ? -low : low;
        }
        if (digits <= 16 && stop >= 16) {
            long low = eightDigitsOrMinusOne(a, stop, 8);
            long high = eightDigitsOrMinusOne(a, stop - 8, digits - 8);
            if ((low | high) < 0) {
                return Long.MIN_VALUE;
            }
            long value = high * 100_000_000L + low;
            return negative ? -value : value;
        }
        long value = 0;
        for (; i < stop; i++) {
            int digit = a[i] - '0';
            if (digit < 0 | digit > 9) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * The value of the {@code count} (1 to 8) ASCII digits that end just before array index
     * {@code stop} (at least 8), or -1 when one of them is not a digit: one word load, a check of
     * all bytes at once, and three multiply steps that join digits into pairs, pairs into fours
     * and fours into the whole.
     */
    private static long eightDigitsOrMinusOne(byte[] a, int stop, int count) {
        long word = (long) Views.LONG_LE.get(a, stop - 8); // little-endian: the last digit is the top byte
        long keep = -1L << ((8 - count) << 3);
        long padded = (word & keep) | (ASCII_ZEROS & ~keep); // leading '0's in place of the masked bytes
        // Every byte 0x30..0x39: the high nibble is 3, and stays 3 when 6 is added.
        if ((padded & HIGH_NIBBLES) != ASCII_ZEROS || ((padded + SIXES) & HIGH_NIBBLES) != ASCII_ZEROS) {
            return -1;
        }
        long digits = padded - ASCII_ZEROS; // byte k is the k-th digit, most significant first
        long pairs = digits * 10 + (digits >>> 8); // bytes 0, 2, 4, 6 hold two-digit numbers
        long pairLanes = pairs & 0x0000_00FF_0000_00FFL; // pairs 0 and 2 (of 0..3)
        long nextPairLanes = (pairs >>> 16) & 0x0000_00FF_0000_00FFL; // pairs 1 and 3
        // Each product adds its pair, scaled by its place, into the top 32 bits.
        return (pairLanes * (100 + (1_000_000L << 32)) + nextPairLanes * (1 + (10_000L << 32))) >>> 32;
    }

    private static final long ASCII_ZEROS = 0x3030_3030_3030_3030L;
    private static final long HIGH_NIBBLES = 0xF0F0_F0F0_F0F0_F0F0L;
    private static final long SIXES = 0x0606_0606_0606_0606L;

    /**
     * The decimal digits {@code '0'..'9'} in {@code [from, end)} accumulated negatively
     * ({@code -value}, so that {@code Long.MIN_VALUE} fits), or {@code 1} when a byte is not a
     * digit or the value leaves the {@code long} range: a fast path for {@code AsciiDecimal}, which
     * rereads slowly to report the failure. The range is checked once.
     */
    public long negativeDecimalDigits(int from, int end) {
        checkRange(from, end - from);
        if (array != null && end - from <= 18) {
            // Up to 18 digits cannot leave the long range: no overflow test per digit.
            byte[] a = array;
            long value = 0;
            for (int i = base + from, stop = base + end; i < stop; i++) {
                int digit = a[i] - '0';
                if (digit < 0 | digit > 9) {
                    return 1;
                }
                value = value * 10 - digit;
            }
            return value;
        }
        long value = 0;
        for (int i = from; i < end; i++) {
            int digit = (array != null ? array[base + i] : nio.get(base + i)) - '0';
            if (digit < 0 || digit > 9 || value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                return 1;
            }
            value = value * 10 - digit;
        }
        return value;
    }

    /** Whether the {@code count} bytes at {@code offset} equal {@code other[otherOffset...]}. */
    public boolean contentEquals(int offset, int count, byte[] other, int otherOffset) {
        checkRange(offset, count);
        if (otherOffset < 0 || otherOffset > other.length - count) {
            return false;
        }
        if (array != null) {
            return java.util.Arrays.equals(
                    array, base + offset, base + offset + count, other, otherOffset, otherOffset + count);
        }
        for (int i = 0; i < count; i++) {
            if (nio.get(base + offset + i) != other[otherOffset + i]) {
                return false;
            }
        }
        return true;
    }

    private static void checkArguments(int capacity, int offset, int regionLength) {
        if ((offset | regionLength) < 0 || offset > capacity - regionLength) {
            throw new IllegalArgumentException(
                    "region " + offset + "+" + regionLength + " outside array of " + capacity);
        }
    }

    @Override
    public String toString() {
        return "WireBuffer[" + length + " bytes at origin " + origin + "]";
    }
}
