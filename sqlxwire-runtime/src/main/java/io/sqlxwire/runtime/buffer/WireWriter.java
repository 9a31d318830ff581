package io.sqlxwire.runtime.buffer;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;

/**
 * Where encoders write: either a growable array owned by the writer, or a fixed region of the
 * caller's {@code byte[]} or {@link ByteBuffer} (heap or direct).
 *
 * <p>Writes are relative to {@link #position()}, which starts at 0 at the beginning of the region.
 * Values whose size is known only later (length prefixes, counts, bitmaps) are handled by
 * back-patching: {@link #reserve} a zeroed slot, write the rest, then {@code patch..} the slot.
 * Writing past a fixed region, or growing past the writer's maximum, raises a
 * {@link CodecException} at the current position; a caller's ByteBuffer position is never moved
 * (advance it by {@link #position()} after encoding).
 *
 * <p>Method names give the width, not the signedness: {@code put16be(v)} writes the low 16 bits
 * of {@code v} big-endian, which serves {@code u16} and {@code i16} alike.
 */
public final class WireWriter {

    private byte[] array;
    private ByteBuffer nio;
    private int base;
    private int capacity;
    private int position;
    private final int maxBytes;

    private WireWriter(byte[] array, ByteBuffer nio, int base, int capacity, int maxBytes) {
        this.array = array;
        this.nio = nio;
        this.base = base;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /** A growable writer that refuses to grow beyond the default maximum frame size. */
    public static WireWriter growable() {
        return growable(256, Limits.DEFAULTS.maxFrameBytes());
    }

    /** A growable writer starting at {@code initialCapacity} and never exceeding {@code maxBytes}. */
    public static WireWriter growable(int initialCapacity, int maxBytes) {
        if (initialCapacity < 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("bad capacity " + initialCapacity + "/" + maxBytes);
        }
        return new WireWriter(new byte[Math.min(initialCapacity, maxBytes)], null, 0,
                Math.min(initialCapacity, maxBytes), maxBytes);
    }

    /** A fixed writer over {@code length} bytes of {@code target} starting at {@code offset}. */
    public static WireWriter into(byte[] target, int offset, int length) {
        return new WireWriter(null, null, 0, 0, -1).wrap(target, offset, length);
    }

    /** A fixed writer over {@code target} from its position to its limit. */
    public static WireWriter into(ByteBuffer target) {
        return new WireWriter(null, null, 0, 0, -1).wrap(target);
    }

    /** Re-points this fixed writer at another region (no allocation). */
    public WireWriter wrap(byte[] target, int offset, int length) {
        requireFixed();
        if ((offset | length) < 0 || offset > target.length - length) {
            throw new IllegalArgumentException("region outside the array");
        }
        return point(target, null, offset, length);
    }

    /** Re-points this fixed writer at {@code target} from its position to its limit. */
    public WireWriter wrap(ByteBuffer target) {
        requireFixed();
        if (target.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        if (target.hasArray()) {
            return point(target.array(), null, target.arrayOffset() + target.position(), target.remaining());
        }
        return point(null, target, target.position(), target.remaining());
    }

    private WireWriter point(byte[] bytes, ByteBuffer buffer, int start, int length) {
        this.array = bytes;
        this.nio = buffer;
        this.base = start;
        this.capacity = length;
        this.position = 0;
        return this;
    }

    private void requireFixed() {
        if (maxBytes > 0) {
            throw new IllegalStateException("a growable writer owns its array");
        }
    }

    /** Number of bytes written so far (and offset of the next write). */
    public int position() {
        return position;
    }

    /** Forgets everything written; the storage is kept. */
    public WireWriter reset() {
        position = 0;
        return this;
    }

    /** Moves the write position back to {@code newPosition} (discarding what followed it). */
    public void truncate(int newPosition) {
        if (newPosition < 0 || newPosition > position) {
            throw new IllegalArgumentException("position " + newPosition + " not in 0.." + position);
        }
        position = newPosition;
    }

    /** Makes room for {@code count} more bytes, growing or failing. */
    public void ensure(int count) {
        if (count > capacity - position) {
            grow(count);
        }
    }

    private void grow(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        long needed = (long) position + count;
        if (maxBytes < 0) {
            throw CodecException.truncated(position, count, capacity - position);
        }
        if (needed > maxBytes) {
            throw new CodecException("encoding exceeds the limit of " + maxBytes + " bytes", position);
        }
        int newCapacity = (int) Math.min(maxBytes, Math.max(needed, Math.max(16L, 2L * capacity)));
        array = java.util.Arrays.copyOf(array, newCapacity);
        capacity = newCapacity;
    }

    /** Writes {@code count} zero bytes and returns the position of the first: a slot to patch later. */
    public int reserve(int count) {
        int slot = position;
        putZeros(count);
        return slot;
    }

    /**
     * Opens a gap of {@code count} zero bytes at {@code at}: what was written from there moves
     * {@code count} bytes further and the position advances by {@code count} (growing or failing
     * like a write). Used to insert headers into a body already written (a message split into
     * continuation frames).
     */
    public void insert(int at, int count) {
        if (at < 0 || at > position || count < 0) {
            throw new IllegalArgumentException("insert of " + count + " bytes at " + at + " outside 0.." + position);
        }
        ensure(count);
        int tail = position - at;
        if (array != null) {
            System.arraycopy(array, base + at, array, base + at + count, tail);
            java.util.Arrays.fill(array, base + at, base + at + count, (byte) 0);
        } else {
            for (int i = tail - 1; i >= 0; i--) {
                nio.put(base + at + count + i, nio.get(base + at + i));
            }
            for (int i = 0; i < count; i++) {
                nio.put(base + at + i, (byte) 0);
            }
        }
        position += count;
    }

    public void putZeros(int count) {
        ensure(count);
        if (array != null) {
            // Length and count slots are 2 or 4 bytes: one store instead of a fill call.
            if (count == 4) {
                Views.INT_BE.set(array, base + position, 0);
            } else if (count == 2) {
                Views.SHORT_BE.set(array, base + position, (short) 0);
            } else {
                java.util.Arrays.fill(array, base + position, base + position + count, (byte) 0);
            }
        } else {
            for (int i = 0; i < count; i++) {
                nio.put(base + position + i, (byte) 0);
            }
        }
        position += count;
    }

    /**
     * Writes {@code text} one byte per char if every char is in 0x01..0x7F and returns true;
     * otherwise writes nothing (the position is unchanged) and returns false. Those bytes are the
     * text in UTF-8, US-ASCII and Latin-1 alike, and hold no NUL: the common case of a
     * NUL-terminated text, done in one pass instead of an encoding pass plus a terminator search.
     * A fixed writer without room returns false too (the caller's general path reports it).
     */
    public boolean putAsciiWithoutNul(CharSequence text) {
        int n = text.length();
        if (n > capacity - position) {
            if (maxBytes < 0) {
                return false;
            }
            grow(n);
        }
        int bad;
        if (array != null && text instanceof String) {
            bad = copyAscii((String) text, n, array, base + position);
        } else {
            bad = 0;
            for (int i = 0; i < n; i++) {
                int c = text.charAt(i);
                bad |= c | (c - 1);
                store8(position + i, c);
            }
        }
        // c | (c - 1) stays within 0x7F exactly for c in 1..0x7F: 0 turns negative, 0x80+ keeps its high bits.
        if ((bad & ~0x7F) != 0) {
            return false;
        }
        position += n;
        return true;
    }

    /**
     * Copies the chars of {@code text} as their low bytes and returns the OR of {@code c | (c - 1)}
     * over them, which tells whether they were all 1..0x7F. A short text is copied as it is
     * checked; a longer one by an array copy (for a Latin-1 string) and then checked, which is
     * faster once the copy's call pays off.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exact for the chars accepted here
    private int copyAscii(String text, int n, byte[] target, int at) {
        int bad = 0;
        if (n < 16) {
            for (int i = 0; i < n; i++) {
                int c = text.charAt(i);
                bad |= c | (c - 1);
                target[at + i] = (byte) c;
            }
            return bad;
        }
        text.getBytes(0, n, target, at);
        for (int i = 0; i < n; i++) {
            int c = text.charAt(i);
            bad |= c | (c - 1);
        }
        return bad;
    }

    /**
     * Writes the leading chars of {@code text} below 0x80 as single bytes, at most as many as fit
     * without growing; returns how many were written. One capacity check for the run instead of
     * one per byte ({@link Utf8#put}'s fast path).
     */
    int putAsciiPrefix(CharSequence text) {
        int n = Math.min(text.length(), capacity - position);
        int i = 0;
        if (array != null) {
            byte[] a = array;
            int at = base + position;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                a[at + i] = (byte) c;
            }
        } else {
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                nio.put(base + position + i, (byte) c);
            }
        }
        position += i;
        return i;
    }

    public void put8(int value) {
        ensure(1);
        store8(position, value);
        position++;
    }

    public void put16be(int value) {
        ensure(2);
        set16be(position, value);
        position += 2;
    }

    public void put16le(int value) {
        ensure(2);
        set16le(position, value);
        position += 2;
    }

    public void put24be(int value) {
        ensure(3);
        set24be(position, value);
        position += 3;
    }

    public void put24le(int value) {
        ensure(3);
        set24le(position, value);
        position += 3;
    }

    public void put32be(int value) {
        ensure(4);
        set32be(position, value);
        position += 4;
    }

    public void put32le(int value) {
        ensure(4);
        set32le(position, value);
        position += 4;
    }

    public void put64be(long value) {
        ensure(8);
        set64be(position, value);
        position += 8;
    }

    public void put64le(long value) {
        ensure(8);
        set64le(position, value);
        position += 8;
    }

    public void putF32be(float value) {
        put32be(Float.floatToRawIntBits(value));
    }

    public void putF32le(float value) {
        put32le(Float.floatToRawIntBits(value));
    }

    public void putF64be(double value) {
        put64be(Double.doubleToRawLongBits(value));
    }

    public void putF64le(double value) {
        put64le(Double.doubleToRawLongBits(value));
    }

    public void putBytes(byte[] bytes) {
        putBytes(bytes, 0, bytes.length);
    }

    public void putBytes(byte[] bytes, int offset, int count) {
        if ((offset | count) < 0 || offset > bytes.length - count) {
            throw new IllegalArgumentException("source region outside the array");
        }
        ensure(count);
        if (array != null) {
            System.arraycopy(bytes, offset, array, base + position, count);
        } else {
            nio.put(base + position, bytes, offset, count);
        }
        position += count;
    }

    /** Copies {@code count} bytes at {@code offset} of {@code source}, for forwarding raw fields. */
    public void putBytes(WireBuffer source, int offset, int count) {
        source.checkRange(offset, count);
        ensure(count);
        if (array != null) {
            source.getBytes(offset, array, base + position, count);
        } else {
            for (int i = 0; i < count; i++) {
                nio.put(base + position + i, source.i8(offset + i));
            }
        }
        position += count;
    }

    /** The byte already written at {@code at} (for read-modify-write of bitmaps). */
    public int u8At(int at) {
        checkWritten(at, 1);
        return (array != null ? array[base + at] : nio.get(base + at)) & 0xFF;
    }

    /** Overwrites one byte already written (reserved) at {@code at}. */
    public void patch8(int at, int value) {
        checkWritten(at, 1);
        store8(at, value);
    }

    public void patch16be(int at, int value) {
        checkWritten(at, 2);
        set16be(at, value);
    }

    public void patch16le(int at, int value) {
        checkWritten(at, 2);
        set16le(at, value);
    }

    public void patch24be(int at, int value) {
        checkWritten(at, 3);
        set24be(at, value);
    }

    public void patch24le(int at, int value) {
        checkWritten(at, 3);
        set24le(at, value);
    }

    public void patch32be(int at, int value) {
        checkWritten(at, 4);
        set32be(at, value);
    }

    public void patch32le(int at, int value) {
        checkWritten(at, 4);
        set32le(at, value);
    }

    public void patch64be(int at, long value) {
        checkWritten(at, 8);
        set64be(at, value);
    }

    public void patch64le(int at, long value) {
        checkWritten(at, 8);
        set64le(at, value);
    }

    private void set16be(int at, int value) {
        if (array != null) {
            Views.SHORT_BE.set(array, base + at, (short) value);
        } else {
            Views.NIO_SHORT_BE.set(nio, base + at, (short) value);
        }
    }

    private void set16le(int at, int value) {
        if (array != null) {
            Views.SHORT_LE.set(array, base + at, (short) value);
        } else {
            Views.NIO_SHORT_LE.set(nio, base + at, (short) value);
        }
    }

    private void set24be(int at, int value) {
        store8(at, value >>> 16);
        store8(at + 1, value >>> 8);
        store8(at + 2, value);
    }

    private void set24le(int at, int value) {
        store8(at, value);
        store8(at + 1, value >>> 8);
        store8(at + 2, value >>> 16);
    }

    private void set32be(int at, int value) {
        if (array != null) {
            Views.INT_BE.set(array, base + at, value);
        } else {
            Views.NIO_INT_BE.set(nio, base + at, value);
        }
    }

    private void set32le(int at, int value) {
        if (array != null) {
            Views.INT_LE.set(array, base + at, value);
        } else {
            Views.NIO_INT_LE.set(nio, base + at, value);
        }
    }

    private void set64be(int at, long value) {
        if (array != null) {
            Views.LONG_BE.set(array, base + at, value);
        } else {
            Views.NIO_LONG_BE.set(nio, base + at, value);
        }
    }

    private void set64le(int at, long value) {
        if (array != null) {
            Views.LONG_LE.set(array, base + at, value);
        } else {
            Views.NIO_LONG_LE.set(nio, base + at, value);
        }
    }

    private void store8(int at, int value) {
        if (array != null) {
            array[base + at] = (byte) value;
        } else {
            nio.put(base + at, (byte) value);
        }
    }

    /** A patch may only overwrite bytes already written or reserved. */
    private void checkWritten(int at, int count) {
        if (at < 0 || at > position - count) {
            throw new IllegalArgumentException("patch at " + at + " outside the written region");
        }
    }

    /** A read view of everything written so far, pointed into {@code target} (the bytes are not copied). */
    public WireBuffer written(WireBuffer target) {
        if (array != null) {
            return target.wrap(array, base, position);
        }
        ByteBuffer region = nio.duplicate().position(base).limit(base + position);
        return target.wrap(region);
    }

    /** A copy of everything written so far. */
    public byte[] toByteArray() {
        byte[] copy = new byte[position];
        if (array != null) {
            System.arraycopy(array, base, copy, 0, position);
        } else {
            nio.get(base, copy, 0, position);
        }
        return copy;
    }
}
