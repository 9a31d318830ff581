package io.sqlxwire.runtime.buffer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A zero-copy handle on encoded text inside a {@link WireBuffer}, with the charset the protocol
 * declares for it. Comparing with a {@link CharSequence} allocates nothing for UTF-8, ASCII and
 * Latin-1; a {@code String} is produced only when {@link #toString()} is asked for.
 */
public final class TextView {

    private final WireBuffer region = new WireBuffer();
    private final Charset charset;

    public TextView(Charset charset) {
        this.charset = charset;
    }

    /** A UTF-8 text view. */
    public TextView() {
        this(StandardCharsets.UTF_8);
    }

    /** Points this view at {@code length} bytes at {@code offset} of {@code source}; checked. */
    public TextView wrap(WireBuffer source, int offset, int length) {
        source.slice(offset, length, region);
        return this;
    }

    public Charset charset() {
        return charset;
    }

    /** Length in bytes (not characters). */
    public int byteLength() {
        return region.length();
    }

    public boolean isEmpty() {
        return region.length() == 0;
    }

    /** The encoded bytes as a bounds-checked buffer. */
    public WireBuffer buffer() {
        return region;
    }

    /**
     * Whether the text equals {@code text}. Allocation-free for UTF-8, US-ASCII and ISO-8859-1;
     * other charsets (UTF-16, EBCDIC) decode to a String first.
     */
    public boolean contentEquals(CharSequence text) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8.equals(region, 0, region.length(), text);
        }
        if (charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)) {
            return singleByteEquals(text, charset.equals(StandardCharsets.US_ASCII) ? 0x7F : 0xFF);
        }
        return toString().contentEquals(text);
    }

    private boolean singleByteEquals(CharSequence text, int maxChar) {
        int n = region.length();
        if (text.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int b = region.u8(i);
            if (b > maxChar || b != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Decodes the text (allocates a String; malformed input is replaced, as the JDK does). */
    @Override
    public String toString() {
        int n = region.length();
        byte[] bytes = region.toByteArray(0, n);
        return new String(bytes, charset);
    }
}
