package io.sqlxwire.examples.pgclient;

import io.sqlxwire.runtime.buffer.WireBuffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The built-in types this client turns into Java values, in both formats. Values of other types
 * come back as their text (a String) or, in binary format, as the raw bytes.
 *
 * <p>Binary forms (the types' send/receive functions): integers and floats big-endian; bool one
 * byte; date the days and timestamp the microseconds since 2000-01-01; numeric a base-10000 digit
 * array with weight, sign and display scale. Text forms are those of the server's output with
 * {@code DateStyle = ISO} and {@code bytea_output = hex}, which {@link PgConnection} asks for.
 */
public final class PgTypes {
    public static final long BOOL = 16;
    public static final long BYTEA = 17;
    public static final long NAME = 19;
    public static final long INT8 = 20;
    public static final long INT2 = 21;
    public static final long INT4 = 23;
    public static final long TEXT = 25;
    public static final long OID = 26;
    public static final long FLOAT4 = 700;
    public static final long FLOAT8 = 701;
    public static final long UNKNOWN = 705;
    public static final long BPCHAR = 1042;
    public static final long VARCHAR = 1043;
    public static final long DATE = 1082;
    public static final long TIMESTAMP = 1114;
    public static final long NUMERIC = 1700;

    /** PostgreSQL's epoch for date and timestamp. */
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final LocalDateTime EPOCH_TIME = EPOCH.atStartOfDay();
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;

    private PgTypes() {
    }

    /**
     * The Java value of a column: Short, Integer, Long, Float, Double, BigDecimal, Boolean, byte[]
     * (bytea), LocalDate, LocalDateTime or String; for other types the text (TEXT) or the raw bytes
     * (BINARY).
     */
    public static Object decode(long typeOid, Format format, WireBuffer value) {
        return format == Format.BINARY ? decodeBinary(typeOid, value) : decodeText(typeOid, utf8(value));
    }

    static Object decodeText(long typeOid, String text) {
        if (typeOid == BOOL) {
            return text.equals("t");
        } else if (typeOid == INT2) {
            return Short.parseShort(text);
        } else if (typeOid == INT4) {
            return Integer.parseInt(text);
        } else if (typeOid == INT8 || typeOid == OID) {
            return Long.parseLong(text);
        } else if (typeOid == FLOAT4) {
            return Float.parseFloat(text);
        } else if (typeOid == FLOAT8) {
            return Double.parseDouble(text);
        } else if (typeOid == NUMERIC) {
            return new BigDecimal(text);
        } else if (typeOid == BYTEA) {
            if (!text.startsWith("\\x")) {
                throw new IllegalArgumentException("bytea not in hex output format: " + text);
            }
            return HexFormat.of().parseHex(text, 2, text.length());
        } else if (typeOid == DATE) {
            return LocalDate.parse(text);
        } else if (typeOid == TIMESTAMP) {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        }
        return text;
    }

    static Object decodeBinary(long typeOid, WireBuffer value) {
        if (typeOid == BOOL) {
            return value.u8(0) != 0;
        } else if (typeOid == INT2) {
            return value.i16be(0);
        } else if (typeOid == INT4) {
            return value.i32be(0);
        } else if (typeOid == OID) {
            return value.u32be(0);
        } else if (typeOid == INT8) {
            return value.i64be(0);
        } else if (typeOid == FLOAT4) {
            return value.f32be(0);
        } else if (typeOid == FLOAT8) {
            return value.f64be(0);
        } else if (typeOid == NUMERIC) {
            return numeric(value);
        } else if (typeOid == DATE) {
            return EPOCH.plusDays(value.i32be(0));
        } else if (typeOid == TIMESTAMP) {
            return EPOCH_TIME.plus(value.i64be(0), ChronoUnit.MICROS);
        } else if (typeOid == TEXT || typeOid == VARCHAR || typeOid == BPCHAR || typeOid == NAME
                || typeOid == UNKNOWN) {
            return utf8(value);
        }
        return value.toByteArray(0, value.length());
    }

    /** numeric_send: ndigits, weight (of the first digit, in base 10000), sign, dscale, digits. */
    static BigDecimal numeric(WireBuffer value) {
        int digits = value.u16be(0);
        int weight = value.i16be(2);
        int sign = value.u16be(4);
        int scale = value.u16be(6);
        if (sign == NUMERIC_NAN) {
            throw new ArithmeticException("numeric NaN has no BigDecimal value");
        }
        BigInteger unscaled = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(10_000);
        for (int i = 0; i < digits; i++) {
            unscaled = unscaled.multiply(base).add(BigInteger.valueOf(value.u16be(8 + 2 * i)));
        }
        // The last digit read has weight (weight - digits + 1): scale the integer by that power.
        BigDecimal result = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - digits + 1));
        result = result.setScale(scale, java.math.RoundingMode.UNNECESSARY);
        return sign == NUMERIC_NEGATIVE ? result.negate() : result;
    }

    static String utf8(WireBuffer value) {
        return new String(value.toByteArray(0, value.length()), StandardCharsets.UTF_8);
    }
}
