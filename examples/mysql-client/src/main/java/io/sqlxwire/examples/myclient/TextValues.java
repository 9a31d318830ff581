package io.sqlxwire.examples.myclient;

import io.sqlxwire.runtime.buffer.WireBuffer;

/**
 * Reads and writes the text forms of values without allocating where it can: integers, and the
 * server's date and time formats ({@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM:SS[.ffffff]},
 * {@code [-]HHH:MM:SS[.ffffff]}).
 */
final class TextValues {

    private TextValues() {
    }

    /**
     * An ASCII decimal integer; {@code unsigned} accepts the full 64-bit range as raw bits.
     * Allocation-free; the caller names the column when it fails.
     */
    static long parseLong(WireBuffer text, boolean unsigned) {
        int n = text.length();
        boolean negative = n > 0 && text.u8(0) == '-';
        int at = negative ? 1 : 0;
        if (at == n) {
            throw new IllegalStateException("not an integer");
        }
        if (unsigned && !negative) {
            long value = 0;
            for (; at < n; at++) {
                int digit = digitAt(text, at);
                long next = value * 10 + digit;
                if (Long.compareUnsigned(value, MAX_UNSIGNED_DIV_10) > 0 || Long.compareUnsigned(next, value * 10) < 0) {
                    throw new IllegalStateException("out of the range of 64 bits");
                }
                value = next;
            }
            return value;
        }
        // Accumulated negatively, so Long.MIN_VALUE is reachable (as Long.parseLong does).
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyMin = limit / 10;
        long result = 0;
        for (; at < n; at++) {
            int digit = digitAt(text, at);
            if (result < multiplyMin || result * 10 < limit + digit) {
                throw new IllegalStateException("out of the range of a long");
            }
            result = result * 10 - digit;
        }
        return negative ? result : -result;
    }

    private static final long MAX_UNSIGNED_DIV_10 = Long.divideUnsigned(-1L, 10);

    private static int digitAt(WireBuffer text, int at) {
        int digit = text.u8(at) - '0';
        if (digit < 0 || digit > 9) {
            throw new IllegalStateException("not an integer");
        }
        return digit;
    }

    /** {@code YYYY-MM-DD} with an optional {@code HH:MM:SS[.ffffff]}, into year ... micros. */
    static void parseDateTime(WireBuffer text, int[] parts, String what) {
        java.util.Arrays.fill(parts, 0);
        Cursor c = new Cursor(text, what);
        parts[0] = c.digits(4);
        c.expect('-');
        parts[1] = c.digits(2);
        c.expect('-');
        parts[2] = c.digits(2);
        if (c.atEnd()) {
            return;
        }
        c.expect(' ');
        readClock(c, parts, 2);
    }

    /** {@code [-]H+:MM:SS[.ffffff]} into hours (parts[3]), minutes, seconds, micros; true if negative. */
    static boolean parseTime(WireBuffer text, int[] parts, String what) {
        java.util.Arrays.fill(parts, 0);
        Cursor c = new Cursor(text, what);
        boolean negative = c.skip('-');
        readClock(c, parts, -1);
        return negative;
    }

    private static void readClock(Cursor c, int[] parts, int hourDigits) {
        parts[3] = hourDigits > 0 ? c.digits(hourDigits) : c.digitsUntil(':');
        c.expect(':');
        parts[4] = c.digits(2);
        c.expect(':');
        parts[5] = c.digits(2);
        if (c.skip('.')) {
            int micros = 0;
            int count = 0;
            while (!c.atEnd()) {
                micros = micros * 10 + c.digits(1);
                count++;
            }
            for (; count < 6; count++) {
                micros *= 10;
            }
            parts[6] = micros;
        }
        c.expectEnd();
    }

    static String formatDate(int[] p) {
        return pad(p[0], 4) + "-" + pad(p[1], 2) + "-" + pad(p[2], 2);
    }

    static String formatDateTime(int[] p, int decimals) {
        return formatDate(p) + " " + pad(p[3], 2) + ":" + pad(p[4], 2) + ":" + pad(p[5], 2)
                + fraction(p[6], decimals);
    }

    static String formatTime(boolean negative, int[] p, int decimals) {
        return (negative ? "-" : "") + pad(p[3], 2) + ":" + pad(p[4], 2) + ":" + pad(p[5], 2)
                + fraction(p[6], decimals);
    }

    /** The server writes as many fractional digits as the column declares (none for 0; 31 = unspecified). */
    private static String fraction(int micros, int decimals) {
        if (decimals <= 0 || decimals > 6) {
            return "";
        }
        return "." + pad(micros, 6).substring(0, decimals);
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Walks a text value; errors name the column. */
    private static final class Cursor {
        private final WireBuffer text;
        private final String what;
        private int at;

        Cursor(WireBuffer text, String what) {
            this.text = text;
            this.what = what;
        }

        boolean atEnd() {
            return at == text.length();
        }

        int digits(int count) {
            int value = 0;
            for (int k = 0; k < count; k++) {
                value = value * 10 + digit();
            }
            return value;
        }

        int digitsUntil(char stop) {
            int value = digit();
            while (!atEnd() && text.u8(at) != stop) {
                value = value * 10 + digit();
            }
            return value;
        }

        private int digit() {
            if (atEnd()) {
                throw bad();
            }
            int d = text.u8(at) - '0';
            if (d < 0 || d > 9) {
                throw bad();
            }
            at++;
            return d;
        }

        void expect(char c) {
            if (!skip(c)) {
                throw bad();
            }
        }

        boolean skip(char c) {
            if (!atEnd() && text.u8(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expectEnd() {
            if (!atEnd()) {
                throw bad();
            }
        }

        private IllegalStateException bad() {
            return new IllegalStateException(what + ": not a date or time the server writes");
        }
    }
}
