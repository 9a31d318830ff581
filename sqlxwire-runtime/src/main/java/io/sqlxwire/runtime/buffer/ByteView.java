package io.sqlxwire.runtime.buffer;

/**
 * A zero-copy handle on a run of bytes inside a {@link WireBuffer}: a decoder's answer for a
 * {@code bytes} field. Reusable: {@link #wrap} re-points it without allocating.
 */
public final class ByteView {

    private final WireBuffer region = new WireBuffer();

    /** Points this view at {@code length} bytes at {@code offset} of {@code source}; checked. */
    public ByteView wrap(WireBuffer source, int offset, int length) {
        source.slice(offset, length, region);
        return this;
    }

    public int length() {
        return region.length();
    }

    public boolean isEmpty() {
        return region.length() == 0;
    }

    /** The bytes as a bounds-checked buffer (offset 0 is the first byte of this view). */
    public WireBuffer buffer() {
        return region;
    }

    public int u8(int index) {
        return region.u8(index);
    }

    /** Whether the bytes equal {@code other} exactly. Allocates nothing. */
    public boolean contentEquals(byte[] other) {
        return other.length == region.length() && region.contentEquals(0, other.length, other, 0);
    }

    /** Copies the bytes into {@code target} at {@code targetOffset}. */
    public void copyTo(byte[] target, int targetOffset) {
        region.getBytes(0, target, targetOffset, region.length());
    }

    /** A new array with the bytes (allocates; for records and cold paths). */
    public byte[] toByteArray() {
        return region.toByteArray(0, region.length());
    }

    @Override
    public String toString() {
        return "ByteView[" + region.length() + " bytes at offset " + region.origin() + "]";
    }
}
