package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.TextView;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;

/**
 * Signed decimal integers written in ASCII, alone ({@link #parse}) or ended by CRLF as in RESP
 * ({@code :42\r\n}, {@code $-1\r\n}): {@link #lineEnd}, {@link #parseLine}, {@link #putLine}.
 *
 * <p>Only the canonical spelling is accepted, as Redis itself does for lengths: an optional
 * {@code -} and at least one digit, no {@code +}, no leading zeros, no {@code -0}, no spaces.
 * Values must fit a {@code long}; overflow is an error, never a wrap-around. Malformed input is
 * reported at the offending byte.
 */
public final class AsciiDecimal {

    /** Longest canonical text: {@code -9223372036854775808}. */
    public static final int MAX_CHARS = 20;

    private AsciiDecimal() {
    }

    /**
     * Where the CRLF-terminated integer starting at {@code from} ends (the index after LF), or
     * -1 when the CRLF has not arrived before {@code limit}. Bytes seen so far are validated, so
     * garbage fails at once instead of waiting for a CRLF that may never come.
     */
    public static int lineEnd(WireBuffer buffer, int from, int limit) {
        buffer.checkRange(from, limit - from);
        for (int i = from; i < limit; i++) {
            int b = buffer.u8(i);
            if (b == '\r') {
                if (i + 1 == limit) {
                    return -1;
                }
                if (buffer.u8(i + 1) != '\n') {
                    throw malformed("CR not followed by LF", buffer, i + 1);
                }
                parse(buffer, from, i);
                return i + 2;
            }
            boolean sign = b == '-' && i == from;
            if (!sign && (b < '0' || b > '9')) {
                throw malformed("not a decimal digit", buffer, i);
            }
            if (i - from >= MAX_CHARS) {
                throw malformed("decimal integer longer than " + MAX_CHARS + " characters", buffer, from);
            }
        }
        return -1;
    }

    /** The integer at {@code from}, which must be followed by CRLF before {@code limit}. */
    public static long parseLine(WireBuffer buffer, int from, int limit) {
        int end = lineEnd(buffer, from, limit);
        if (end < 0) {
            throw new CodecException("no CRLF after decimal integer before end of frame", buffer.origin() + from);
        }
        return parse(buffer, from, end - 2);
    }

    /** The integer spelled by exactly the bytes of {@code view} (a text protocol's number column). */
    public static long parse(ByteView view) {
        return parse(view.source(), view.offset(), view.offset() + view.length());
    }

    /** The integer spelled by exactly the bytes of {@code text}. */
    public static long parse(TextView text) {
        return parse(text.source(), text.offset(), text.offset() + text.byteLength());
    }

    /** The integer spelled by exactly the bytes {@code [from, end)}. */
    public static long parse(WireBuffer buffer, int from, int end) {
        // Nearly every integer is canonical and short: one range check and one loop. Anything
        // else (or a buffer that is not an array) is decided, and reported, below.
        long canonical = buffer.canonicalDecimalOrMin(from, end);
        if (canonical != Long.MIN_VALUE) {
            return canonical;
        }
        buffer.checkRange(from, end - from);
        boolean negative = end > from && buffer.u8(from) == '-';
        int first = negative ? from + 1 : from;
        if (first == end) {
            throw malformed("empty decimal integer", buffer, from);
        }
        if (buffer.u8(first) == '0' && (end - first > 1 || negative)) {
            throw malformed("non-canonical zero in decimal integer", buffer, first);
        }
        // Accumulate negatively: the negative range is one larger, so Long.MIN_VALUE parses too.
        // The buffer does the common case in one checked pass; 1 means "failed", re-read below
        // byte by byte to say where and why.
        long fast = buffer.negativeDecimalDigits(first, end);
        if (fast <= 0) {
            if (!negative) {
                if (fast == Long.MIN_VALUE) {
                    throw malformed("decimal integer overflows 64 bits", buffer, from);
                }
                return -fast;
            }
            return fast;
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            int digit = buffer.u8(i) - '0';
            if (digit < 0 || digit > 9) {
                throw malformed("not a decimal digit", buffer, i);
            }
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                throw malformed("decimal integer overflows 64 bits", buffer, from);
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw malformed("decimal integer overflows 64 bits", buffer, from);
            }
            value = -value;
        }
        return value;
    }

    /** Writes {@code value} in canonical decimal. */
    public static void put(WireWriter out, long value) {
        long rest = value < 0 ? value : -value;
        int digits = 1;
        for (long probe = rest / 10; probe != 0; probe /= 10) {
            digits++;
        }
        if (value < 0) {
            out.put8('-');
        }
        int slot = out.reserve(digits);
        for (int i = digits - 1; i >= 0; i--) {
            out.patch8(slot + i, '0' - (int) (rest % 10));
            rest /= 10;
        }
    }

    /** Writes {@code value} in canonical decimal followed by CRLF. */
    public static void putLine(WireWriter out, long value) {
        put(out, value);
        out.put8('\r');
        out.put8('\n');
    }

    private static CodecException malformed(String detail, WireBuffer buffer, int at) {
        return new CodecException(detail, buffer.origin() + at);
    }
}
