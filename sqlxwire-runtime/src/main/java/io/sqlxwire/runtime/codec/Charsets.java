package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.Utf8;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text encodings the IDL names, mapped to JDK charsets, and writing text in any of them.
 *
 * <p>The EBCDIC code pages (DRDA's cp500 and cp037) live in the JDK's {@code jdk.charsets}
 * module, which a trimmed runtime image may leave out; they are looked up on first use so that
 * protocols that do not need them never depend on it.
 */
public final class Charsets {

    private Charsets() {
    }

    /** IBM EBCDIC code page 500 (international). */
    public static Charset cp500() {
        return jdk("IBM500");
    }

    /** IBM EBCDIC code page 037 (US/Canada). */
    public static Charset cp037() {
        return jdk("IBM037");
    }

    /**
     * The charset for an IDL charset name: {@code utf8}, {@code ascii}, {@code latin1},
     * {@code utf16le}, {@code utf16be}, {@code cp500}, {@code cp037} (case-insensitive, with or
     * without a dash or underscore).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Charset forIdlName(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (key) {
            case "utf8":
                return StandardCharsets.UTF_8;
            case "ascii":
            case "usascii":
                return StandardCharsets.US_ASCII;
            case "latin1":
            case "iso88591":
                return StandardCharsets.ISO_8859_1;
            case "utf16le":
                return StandardCharsets.UTF_16LE;
            case "utf16be":
                return StandardCharsets.UTF_16BE;
            case "cp500":
            case "ibm500":
                return cp500();
            case "cp037":
            case "ibm037":
                return cp037();
            default:
                throw new IllegalArgumentException("unknown charset '" + name
                        + "'; known: utf8, ascii, latin1, utf16le, utf16be, cp500, cp037");
        }
    }

    /**
     * Writes {@code text} in {@code charset}. UTF-8, US-ASCII and ISO-8859-1 are written directly;
     * other charsets go through a JDK encoder (allocating). Characters the charset cannot represent
     * are refused rather than replaced with '?'.
     */
    public static void put(WireWriter out, CharSequence text, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            Utf8.put(out, text);
        } else if (charset.equals(StandardCharsets.US_ASCII)) {
            putSingleByte(out, text, 0x7F, "US-ASCII");
        } else if (charset.equals(StandardCharsets.ISO_8859_1)) {
            putSingleByte(out, text, 0xFF, "ISO-8859-1");
        } else {
            putEncoded(out, text, charset);
        }
    }

    /**
     * Writes {@code text} followed by a NUL byte (a C string), refusing text whose encoding
     * contains NUL, which would end the string early on the other side.
     */
    public static void putCString(WireWriter out, CharSequence text, Charset charset) {
        int start = out.position();
        put(out, text, charset);
        for (int i = start; i < out.position(); i++) {
            if (out.u8At(i) == 0) {
                throw new CodecException("C string contains a NUL byte", i);
            }
        }
        out.put8(0);
    }

    private static void putSingleByte(WireWriter out, CharSequence text, int maxChar, String name) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > maxChar) {
                throw new CodecException(String.format("character U+%04X at %d is not %s", (int) c, i, name),
                        out.position());
            }
            out.put8(c);
        }
    }

    private static void putEncoded(WireWriter out, CharSequence text, Charset charset) {
        try {
            ByteBuffer encoded = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            out.putBytes(bytes);
        } catch (CharacterCodingException e) {
            throw new CodecException("text cannot be encoded in " + charset.name(), out.position());
        }
    }

    private static Charset jdk(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    name + " is not available; the runtime image needs the jdk.charsets module", e);
        }
    }
}
