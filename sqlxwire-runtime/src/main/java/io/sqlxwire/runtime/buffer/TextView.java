package io.sqlxwire.runtime.buffer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A zero-copy handle on encoded text inside a {@link WireBuffer}, with the charset the protocol
 * declares for it. Comparing with a {@link CharSequence} allocates nothing for UTF-8, ASCII and
 * Latin-1; a {@code String} is produced only when {@link #toString()} is asked for.
 */
public final class TextView {

    private static final WireBuffer NOWHERE = new WireBuffer();

    private final Charset charset;
    // As in ByteView (see there): the buffer read in place (region, after a wrap), a position and
    // a length.
    private WireBuffer source = NOWHERE;
    private int offset;
    private int length;
    /** The slice {@link #wrap} and {@link #buffer()} re-point. */
    private final WireBuffer region = new WireBuffer();

    public TextView(Charset charset) {
        this.charset = charset;
    }

    /** A UTF-8 text view. */
    public TextView() {
        this(StandardCharsets.UTF_8);
    }

    /**
     * Points this view at {@code length} bytes at {@code offset} of {@code source}; checked. The
     * position is copied: re-pointing {@code source} afterwards does not move this view.
     */
    public TextView wrap(WireBuffer source, int offset, int length) {
        source.slice(offset, length, region);
        keep(region, 0, length);
        return this;
    }

    /**
     * Points this view at {@code length} bytes at {@code offset} of {@code region}, read in place
     * (see {@link ByteView#wrapInPlace}: the range is checked by every read, not here). Keep
     * {@code region} where it is while the view is in use.
     */
    public TextView wrapInPlace(WireBuffer region, int offset, int length) {
        keep(region, offset, length);
        return this;
    }

    /**
     * Points this view at the bytes of {@code bytes} (a {@code bytes} field read as text), in place:
     * valid as long as {@code bytes} is, that is until it is wrapped again.
     */
    public TextView wrap(ByteView bytes) {
        keep(bytes.source(), bytes.offset(), bytes.length());
        return this;
    }

    private void keep(WireBuffer in, int at, int count) {
        if (source != in) {
            source = in; // only when it changes: a reference store runs the GC's barrier
        }
        offset = at;
        length = count;
    }

    public Charset charset() {
        return charset;
    }

    /** Length in bytes (not characters). */
    public int byteLength() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The buffer the text lies in: read {@code [offset(), offset() + byteLength())} of it. */
    public WireBuffer source() {
        return source;
    }

    /** Where the text's first byte is in {@link #source()}. */
    public int offset() {
        return offset;
    }

    /** The encoded byte at {@code index} (0 to {@code byteLength() - 1}), unsigned. */
    public int u8(int index) {
        if (index < 0 || index >= length) {
            return buffer().u8(index); // refused there, with the same error as any buffer read
        }
        return source.u8(offset + index);
    }

    /**
     * The encoded bytes as a bounds-checked buffer (offset 0 is the first byte). The same object
     * each time, re-pointed by this call and by {@link #wrap}: valid until this view is wrapped
     * again.
     */
    public WireBuffer buffer() {
        return source == region ? region : source.slice(offset, length, region);
    }

    /**
     * Whether the text equals {@code text}. Allocation-free for UTF-8, US-ASCII and ISO-8859-1;
     * other charsets (UTF-16, EBCDIC) decode to a String first.
     */
    public boolean contentEquals(CharSequence text) {
        source.checkRange(offset, length); // a view pointed outside its region fails, whatever the text
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8.equals(source, offset, length, text);
        }
        if (charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)) {
            return singleByteEquals(text, charset.equals(StandardCharsets.US_ASCII) ? 0x7F : 0xFF);
        }
        return toString().contentEquals(text);
    }

    private boolean singleByteEquals(CharSequence text, int maxChar) {
        int n = length;
        if (text.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int b = source.u8(offset + i);
            if (b > maxChar || b != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Decodes the text (allocates a String; malformed input is replaced, as the JDK does). */
    @Override
    public String toString() {
        byte[] bytes = source.toByteArray(offset, length);
        return new String(bytes, charset);
    }
}
