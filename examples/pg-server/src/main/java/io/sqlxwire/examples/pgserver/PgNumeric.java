package io.sqlxwire.examples.pgserver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * PostgreSQL's binary numeric (numeric_send / numeric_recv): ndigits, weight, sign, dscale as
 * 16-bit integers, then ndigits base-10000 digits; the value is the sum of digit[i] * 10000^(weight - i).
 */
final class PgNumeric {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    /** H2's largest NUMERIC has 100000 decimal digits; more would only cost quadratic time to refuse later. */
    private static final int MAX_DIGIT_GROUPS = 100_000 / 4;

    private PgNumeric() {
    }

    static byte[] encode(BigDecimal value) {
        int dscale = Math.max(0, value.scale());
        String plain = value.abs().setScale(dscale).toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        integer = "0".repeat((4 - integer.length() % 4) % 4) + integer;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        String digits = integer + fraction;
        int groups = digits.length() / 4;
        int weight = integer.length() / 4 - 1;
        int first = 0;
        while (first < groups && group(digits, first) == 0) {
            first++;
        }
        int last = groups - 1;
        while (last >= first && group(digits, last) == 0) {
            last--;
        }
        int count = Math.max(0, last - first + 1);
        ByteBuffer out = ByteBuffer.allocate(8 + 2 * count);
        out.putShort((short) count);
        out.putShort((short) (count == 0 ? 0 : weight - first));
        out.putShort((short) (value.signum() < 0 ? NEGATIVE : POSITIVE));
        out.putShort((short) dscale);
        for (int i = first; i <= last; i++) {
            out.putShort((short) group(digits, i));
        }
        return out.array();
    }

    private static int group(String digits, int index) {
        return Integer.parseInt(digits, index * 4, index * 4 + 4, 10);
    }

    /** Throws IllegalArgumentException for malformed input or NaN (H2 has no numeric NaN). */
    static BigDecimal decode(byte[] bytes) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException("numeric needs at least 8 bytes, got " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int count = in.getShort() & 0xFFFF;
        int weight = in.getShort();
        int sign = in.getShort() & 0xFFFF;
        int dscale = in.getShort() & 0xFFFF;
        if (sign == NAN) {
            throw new IllegalArgumentException("numeric NaN is not supported");
        }
        if (sign != POSITIVE && sign != NEGATIVE || dscale > 1000 || bytes.length != 8 + 2 * count) {
            throw new IllegalArgumentException("malformed binary numeric");
        }
        if (count > MAX_DIGIT_GROUPS) {
            throw new IllegalArgumentException("numeric of " + count * 4 + " digits is too long");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < count; i++) {
            int digit = in.getShort();
            if (digit < 0 || digit > 9999) {
                throw new IllegalArgumentException("numeric digit out of range: " + digit);
            }
            unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
        }
        // unscaled holds digits d0..d(n-1); the last one has weight (weight - count + 1).
        BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - count + 1));
        value = value.setScale(dscale, java.math.RoundingMode.DOWN);
        return sign == NEGATIVE ? value.negate() : value;
    }
}
