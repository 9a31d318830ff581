package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;

/**
 * Finding the end of terminated items: C strings (NUL) and lines (CRLF).
 *
 * <p>The {@code find} forms answer -1 when the terminator is not (yet) there, which is what a
 * self-delimiting framer needs; the {@code require} forms are for decoders that hold a complete
 * frame, where a missing terminator is malformed input and reported at the item's start.
 */
public final class Terminators {

    private static final byte NUL = 0;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private Terminators() {
    }

    /** Index of the first NUL in {@code [from, limit)}, or -1. */
    public static int findNul(WireBuffer buffer, int from, int limit) {
        return from >= limit && from <= buffer.length() ? -1 : buffer.indexOf(NUL, from, limit);
    }

    /** Index of the first NUL in {@code [from, limit)}; a C string's length is that minus {@code from}. */
    public static int requireNul(WireBuffer buffer, int from, int limit) {
        int at = findNul(buffer, from, limit);
        if (at < 0) {
            throw missing("NUL", buffer, from, limit);
        }
        return at;
    }

    /** Index of {@code terminator} in {@code [from, limit)}, failing when it is absent. */
    public static int require(WireBuffer buffer, byte terminator, int from, int limit) {
        int at = from >= limit && from <= buffer.length() ? -1 : buffer.indexOf(terminator, from, limit);
        if (at < 0) {
            throw missing(String.format("terminator 0x%02X", terminator & 0xFF), buffer, from, limit);
        }
        return at;
    }

    /**
     * Index of the CR of the first CRLF in {@code [from, limit)}, or -1. A CR not followed by LF
     * is an ordinary byte (RESP bulk payloads may contain it); a CR at {@code limit - 1} may still
     * become a CRLF, so it also gives -1.
     */
    public static int findCrlf(WireBuffer buffer, int from, int limit) {
        int at = from;
        while (true) {
            int cr = buffer.indexOf(CR, at, limit);
            if (cr < 0 || cr + 1 >= limit) {
                return -1;
            }
            if (buffer.i8(cr + 1) == LF) {
                return cr;
            }
            at = cr + 1;
        }
    }

    /** Index of the CR of the first CRLF in {@code [from, limit)}, failing when there is none. */
    public static int requireCrlf(WireBuffer buffer, int from, int limit) {
        int at = findCrlf(buffer, from, limit);
        if (at < 0) {
            throw missing("CRLF", buffer, from, limit);
        }
        return at;
    }

    private static CodecException missing(String what, WireBuffer buffer, int from, int limit) {
        String end = limit == buffer.length() ? "end of frame" : "end of its " + (limit - from) + "-byte region";
        return new CodecException("no " + what + " before " + end, buffer.origin() + from);
    }
}
