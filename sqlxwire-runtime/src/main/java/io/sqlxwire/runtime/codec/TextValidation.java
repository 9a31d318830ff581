package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;

/**
 * Checks, without allocating, that bytes are valid text in their charset, so a decoder rejects
 * malformed text when it validates a message instead of handing out replacement characters later.
 * Latin-1 and the EBCDIC code pages map every byte and need no check.
 */
public final class TextValidation {

    private TextValidation() {}

    /** Well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF (RFC 3629). */
    public static void requireUtf8(WireBuffer buffer, int offset, int length) {
        int end = offset + length;
        int i = offset;
        // Most protocol text is ASCII: skip that prefix in one checked pass (a range outside the
        // buffer takes the byte-by-byte path, which reports the first byte that is missing).
        if (length > 0 && offset >= 0 && offset <= buffer.length() - length) {
            i += buffer.asciiPrefixLength(offset, length);
        }
        while (i < end) {
            int b = buffer.u8(i);
            if (b < 0x80) {
                i++;
                continue;
            }
            int size;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                size = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                size = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                size = 4;
                min = 0x10000;
            } else {
                throw invalid("utf8", buffer, i);
            }
            if (end - i < size) {
                throw invalid("utf8", buffer, i);
            }
            int codePoint = b & (0xFF >> (size + 1));
            for (int k = 1; k < size; k++) {
                int next = buffer.u8(i + k);
                if ((next & 0xC0) != 0x80) {
                    throw invalid("utf8", buffer, i);
                }
                codePoint = codePoint << 6 | next & 0x3F;
            }
            if (codePoint < min || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                throw invalid("utf8", buffer, i);
            }
            i += size;
        }
    }

    /** 7-bit ASCII. */
    public static void requireAscii(WireBuffer buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffer.u8(i) >= 0x80) {
                throw invalid("ascii", buffer, i);
            }
        }
    }

    /** UTF-16 with every surrogate paired, in either byte order; the length must be even. */
    public static void requireUtf16(WireBuffer buffer, int offset, int length, boolean littleEndian) {
        String name = littleEndian ? "utf16le" : "utf16be";
        if ((length & 1) != 0) {
            throw invalid(name, buffer, offset + length - 1);
        }
        boolean expectLow = false;
        for (int i = offset; i < offset + length; i += 2) {
            int unit = littleEndian ? buffer.u16le(i) : buffer.u16be(i);
            boolean high = unit >= 0xD800 && unit <= 0xDBFF;
            boolean low = unit >= 0xDC00 && unit <= 0xDFFF;
            if (expectLow != low || expectLow && high) {
                throw invalid(name, buffer, i);
            }
            expectLow = high;
        }
        if (expectLow) {
            throw invalid(name, buffer, offset + length - 2);
        }
    }

    private static CodecException invalid(String charset, WireBuffer buffer, int at) {
        return new CodecException("text is not valid " + charset, buffer.origin() + at);
    }
}
