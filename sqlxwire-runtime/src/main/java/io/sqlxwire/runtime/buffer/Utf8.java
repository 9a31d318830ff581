package io.sqlxwire.runtime.buffer;

import io.sqlxwire.runtime.error.CodecException;

/**
 * UTF-8 without intermediate arrays: comparing encoded bytes with a {@link CharSequence}, and
 * encoding one straight into a {@link WireWriter}. An unpaired surrogate cannot be encoded; the
 * JDK would silently write '?', an encoder here refuses instead, because a silently altered
 * value would break the round trip.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Whether {@code length} bytes at {@code offset} are the UTF-8 encoding of {@code text}. */
    public static boolean equals(WireBuffer buffer, int offset, int length, CharSequence text) {
        buffer.checkRange(offset, length);
        int at = offset;
        int end = offset + length;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            int cp = text.charAt(i);
            if (Character.isHighSurrogate((char) cp) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint((char) cp, text.charAt(++i));
            } else if (Character.isSurrogate((char) cp)) {
                return false;
            }
            int width = width(cp);
            if (width > end - at) {
                return false;
            }
            if (!matches(buffer, at, cp, width)) {
                return false;
            }
            at += width;
        }
        return at == end;
    }

    private static boolean matches(WireBuffer buffer, int at, int cp, int width) {
        switch (width) {
            case 1:
                return buffer.u8(at) == cp;
            case 2:
                return buffer.u8(at) == (0xC0 | cp >>> 6) && buffer.u8(at + 1) == (0x80 | (cp & 0x3F));
            case 3:
                return buffer.u8(at) == (0xE0 | cp >>> 12)
                        && buffer.u8(at + 1) == (0x80 | (cp >>> 6 & 0x3F))
                        && buffer.u8(at + 2) == (0x80 | (cp & 0x3F));
            default:
                return buffer.u8(at) == (0xF0 | cp >>> 18)
                        && buffer.u8(at + 1) == (0x80 | (cp >>> 12 & 0x3F))
                        && buffer.u8(at + 2) == (0x80 | (cp >>> 6 & 0x3F))
                        && buffer.u8(at + 3) == (0x80 | (cp & 0x3F));
        }
    }

    private static int width(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }

    /** Number of bytes {@link #put} will write for {@code text}. */
    public static int encodedLength(CharSequence text) {
        int total = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                total += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw unpaired(i, 0);
            } else {
                total += width(c);
            }
        }
        return total;
    }

    /** Encodes {@code text} as UTF-8 at the writer's position. */
    public static void put(WireWriter out, CharSequence text) {
        int n = text.length();
        for (int i = out.putAsciiPrefix(text); i < n; i++) {
            int cp = text.charAt(i);
            if (Character.isHighSurrogate((char) cp) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint((char) cp, text.charAt(++i));
            } else if (Character.isSurrogate((char) cp)) {
                throw unpaired(i, out.position());
            }
            if (cp < 0x80) {
                out.put8(cp);
            } else if (cp < 0x800) {
                out.put8(0xC0 | cp >>> 6);
                out.put8(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out.put8(0xE0 | cp >>> 12);
                out.put8(0x80 | (cp >>> 6 & 0x3F));
                out.put8(0x80 | (cp & 0x3F));
            } else {
                out.put8(0xF0 | cp >>> 18);
                out.put8(0x80 | (cp >>> 12 & 0x3F));
                out.put8(0x80 | (cp >>> 6 & 0x3F));
                out.put8(0x80 | (cp & 0x3F));
            }
        }
    }

    private static CodecException unpaired(int index, long offset) {
        return new CodecException("unpaired surrogate at character " + index + " cannot be encoded", offset);
    }
}
