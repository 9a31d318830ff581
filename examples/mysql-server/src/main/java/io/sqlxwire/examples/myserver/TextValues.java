package io.sqlxwire.examples.myserver;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * Values in the text protocol: what MySQL prints for each type ({@code 1}/{@code 0} for booleans,
 * {@code 2024-01-31 12:00:00.123456} with exactly the column's fractional digits, plain decimal
 * notation for numbers), as UTF-8 bytes; byte strings as they are.
 */
final class TextValues {
    private TextValues() {
    }

    static byte[] of(Object value, ResultColumn column) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        return format(value, column.decimals()).getBytes(StandardCharsets.UTF_8);
    }

    static String format(Object value, int decimals) {
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "1" : "0";
        }
        if (value instanceof Double) {
            return plain((Double) value);
        }
        if (value instanceof Float) {
            float f = (Float) value;
            return Float.isFinite(f) ? new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString()
                    : Float.toString(f);
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) value;
            return t.toLocalDate() + " " + time(t.toLocalTime(), decimals);
        }
        if (value instanceof OffsetDateTime) {
            LocalDateTime t = ((OffsetDateTime) value).toLocalDateTime();
            return t.toLocalDate() + " " + time(t.toLocalTime(), decimals);
        }
        if (value instanceof LocalTime) {
            return time((LocalTime) value, decimals);
        }
        if (value instanceof OffsetTime) {
            return time(((OffsetTime) value).toLocalTime(), decimals);
        }
        return String.valueOf(value);
    }

    private static String plain(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        String text = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** HH:mm:ss, then exactly {@code decimals} (0..6) digits of the fraction. */
    static String time(LocalTime t, int decimals) {
        StringBuilder out = new StringBuilder(15);
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond());
        int digits = Math.min(Math.max(decimals, 0), 6);
        if (digits > 0) {
            String micros = String.format("%06d", t.getNano() / 1000);
            out.append('.').append(micros, 0, digits);
        }
        return out.toString();
    }

    private static StringBuilder two(StringBuilder out, int n) {
        if (n < 10) {
            out.append('0');
        }
        return out.append(n);
    }
}
