package io.sqlxwire.runtime.buffer;

/**
 * A zero-copy handle on a run of bytes inside a {@link WireBuffer}: a decoder's answer for a
 * {@code bytes} field. Reusable: re-pointed without allocating.
 *
 * <p>Two ways to point it. {@link #wrap} takes the position from the source, as a slice does: the
 * view stays on those bytes whatever later happens to the source object. {@link #wrapInPlace}
 * keeps the source and a position in it, which costs two stores (the range is left to the reads):
 * generated decoders re-point the same view for every value of every row, and use it over their
 * own region, which stays where it is until their next {@code wrap}. The bounds-checked
 * {@link #buffer()} is made from the position only when it is asked for.
 */
public final class ByteView {

    private static final WireBuffer NOWHERE = new WireBuffer();

    /** The buffer read, in place: {@link #region} after a {@link #wrap}. */
    private WireBuffer source = NOWHERE;
    private int offset;
    private int length;
    /** The slice {@link #wrap} and {@link #buffer()} re-point. */
    private final WireBuffer region = new WireBuffer();

    /**
     * Points this view at {@code length} bytes at {@code offset} of {@code source}; checked. The
     * position is copied: re-pointing {@code source} afterwards does not move this view.
     */
    public ByteView wrap(WireBuffer source, int offset, int length) {
        source.slice(offset, length, region);
        keep(region, 0, length);
        return this;
    }

    /**
     * Points this view at {@code length} bytes at {@code offset} of {@code region}, read in place.
     * Keep {@code region} where it is while the view is in use (re-pointing it moves the view too):
     * for a decoder's own region, or a buffer the caller holds still. The range is not checked
     * here but by every read, which {@code region} bounds: a decoder points its views at what its
     * {@code wrap} has validated, once per value, and a view pointed outside its region fails on
     * its first read with the region's error, as {@link #buffer()} does.
     */
    public ByteView wrapInPlace(WireBuffer region, int offset, int length) {
        keep(region, offset, length);
        return this;
    }

    private void keep(WireBuffer in, int at, int count) {
        // Storing a reference runs the collector's write barrier; a decoder's view nearly always
        // stays on the same region.
        if (source != in) {
            source = in;
        }
        offset = at;
        length = count;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The buffer the view lies in: read {@code [offset(), offset() + length())} of it. */
    public WireBuffer source() {
        return source;
    }

    /** Where the view's first byte is in {@link #source()}. */
    public int offset() {
        return offset;
    }

    /**
     * The bytes as a bounds-checked buffer (offset 0 is the first byte of this view). The same
     * object each time, re-pointed by this call and by {@link #wrap}: valid until this view is
     * wrapped again.
     */
    public WireBuffer buffer() {
        return source == region ? region : source.slice(offset, length, region);
    }

    /** The unsigned byte at {@code index} of the view. */
    public int u8(int index) {
        if (index < 0 || index >= length) {
            return buffer().u8(index); // refused there, with the same error as any buffer read
        }
        return source.u8(offset + index);
    }

    /** Whether the bytes equal {@code other} exactly. Allocates nothing. */
    public boolean contentEquals(byte[] other) {
        source.checkRange(offset, length); // a view pointed outside its region fails, whatever the other length
        return other.length == length && source.contentEquals(offset, length, other, 0);
    }

    /** Copies the bytes into {@code target} at {@code targetOffset}. */
    public void copyTo(byte[] target, int targetOffset) {
        source.getBytes(offset, target, targetOffset, length);
    }

    /** A new array with the bytes (allocates; for records and cold paths). */
    public byte[] toByteArray() {
        return source.toByteArray(offset, length);
    }

    @Override
    public String toString() {
        return "ByteView[" + length + " bytes at offset " + (source.origin() + offset) + "]";
    }
}
