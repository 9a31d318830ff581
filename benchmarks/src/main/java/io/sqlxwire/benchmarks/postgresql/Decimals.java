package io.sqlxwire.benchmarks.postgresql;

/** Decimal helpers for the peers' readers (the generated side uses the runtime's AsciiDecimal). */
final class Decimals {

    private Decimals() {
    }

    /** Canonical signed decimal in {@code bytes[from, end)}, with the checks {@code AsciiDecimal.parse} makes. */
    static long parse(byte[] bytes, int from, int end) {
        boolean negative = end > from && bytes[from] == '-';
        int first = negative ? from + 1 : from;
        if (first == end) {
            throw new NumberFormatException("empty decimal integer");
        }
        if (bytes[first] == '0' && (end - first > 1 || negative)) {
            throw new NumberFormatException("non-canonical zero in decimal integer");
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("not a decimal digit");
            }
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                throw new NumberFormatException("decimal integer overflows 64 bits");
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new NumberFormatException("decimal integer overflows 64 bits");
            }
            value = -value;
        }
        return value;
    }
}
