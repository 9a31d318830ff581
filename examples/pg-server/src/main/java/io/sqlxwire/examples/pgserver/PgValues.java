package io.sqlxwire.examples.pgserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts between the Java values of the SQL bridge and PostgreSQL's text and binary wire formats
 * (the typoutput / typsend and typinput / typreceive functions of the types in {@link PgType}),
 * with the session settings this server announces: DateStyle ISO, TimeZone UTC, bytea_output hex,
 * integer_datetimes on.
 */
final class PgValues {
    /** Binary dates and timestamps count from 2000-01-01 (PostgreSQL's epoch). */
    private static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
    private static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();
    private static final Instant PG_EPOCH_INSTANT = PG_EPOCH.toInstant(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** Parses what clients send for times: {@code 12:34:56}, {@code 12:34:56.789}, with {@code +02}, {@code +02:00}, {@code Z}. */
    private static final DateTimeFormatter TIME_INPUT = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_INPUT = new DateTimeFormatterBuilder()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME_INPUT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().append(TIME_INPUT).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_DATE_TIME_INPUT = new DateTimeFormatterBuilder()
            .append(DATE_TIME_INPUT).append(OFFSET_INPUT).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_TIME_INPUT = new DateTimeFormatterBuilder()
            .append(TIME_INPUT).append(OFFSET_INPUT).toFormatter(Locale.ROOT);

    private PgValues() {
    }

    // ------------------------------------------------------------------ results

    static byte[] text(Object value, PgType type) {
        return formatText(value, type).getBytes(UTF_8);
    }

    static String formatText(Object value, PgType type) {
        if (value instanceof Boolean) {
            return (Boolean) value ? "t" : "f";
        }
        if (value instanceof Float) {
            return formatFloat((Float) value);
        }
        if (value instanceof Double) {
            return type == PgType.FLOAT4 ? formatFloat(((Double) value).floatValue()) : formatDouble((Double) value);
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof byte[]) {
            return "\\x" + HEX.formatHex((byte[]) value);
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof LocalTime) {
            return formatTime((LocalTime) value);
        }
        if (value instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) value;
            return t.toLocalDate() + " " + formatTime(t.toLocalTime());
        }
        if (value instanceof OffsetDateTime) {
            // Shown in the session's TimeZone, which this server announces as UTC.
            LocalDateTime utc = ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            return utc.toLocalDate() + " " + formatTime(utc.toLocalTime()) + "+00";
        }
        if (value instanceof OffsetTime) {
            OffsetTime t = (OffsetTime) value;
            return formatTime(t.toLocalTime()) + formatOffset(t.getOffset());
        }
        return String.valueOf(value);
    }

    /** {@code HH:MM:SS} and, if any, the fraction down to microseconds without trailing zeros. */
    private static String formatTime(LocalTime time) {
        StringBuilder s = new StringBuilder(15);
        two(s, time.getHour()).append(':');
        two(s, time.getMinute()).append(':');
        two(s, time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format(Locale.ROOT, "%06d", micros);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(fraction, 0, end);
        }
        return s.toString();
    }

    private static StringBuilder two(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code +02}, {@code -05:30}: hours always, minutes only when not zero. */
    private static String formatOffset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        StringBuilder s = new StringBuilder(seconds < 0 ? "-" : "+");
        int abs = Math.abs(seconds);
        two(s, abs / 3600);
        if (abs % 3600 != 0) {
            two(s.append(':'), abs % 3600 / 60);
        }
        return s.toString();
    }

    /** Shortest exact digits (extra_float_digits >= 1), exponent form outside 1e-4 .. 1e15 as float8out does. */
    static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return special(d);
        }
        return shortest(new BigDecimal(Double.toString(d)), 15);
    }

    /** As {@link #formatDouble} with float4's limits (exponent form from 1e6 on). */
    static String formatFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return special(f);
        }
        return shortest(new BigDecimal(Float.toString(f)), 6);
    }

    /** NaN, the infinities and the two zeros (BigDecimal has no negative zero). */
    private static String special(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private static String shortest(BigDecimal digits, int maxPlainExponent) {
        if (digits.signum() == 0) {
            return "0"; // -0.0 never gets here: see special()
        }
        BigDecimal stripped = digits.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < -4 || exponent >= maxPlainExponent) {
            BigDecimal mantissa = stripped.movePointLeft(exponent);
            String e = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    static byte[] binary(Object value, PgType type) {
        switch (type) {
            case BOOL:
                return new byte[] {(byte) ((Boolean) value ? 1 : 0)};
            case INT2:
                return ByteBuffer.allocate(2).putShort(((Number) value).shortValue()).array();
            case INT4:
            case OID:
                return ByteBuffer.allocate(4).putInt(((Number) value).intValue()).array();
            case INT8:
                return ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
            case FLOAT4:
                return ByteBuffer.allocate(4).putFloat(((Number) value).floatValue()).array();
            case FLOAT8:
                return ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array();
            case NUMERIC:
                return PgNumeric.encode(value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString()));
            case BYTEA:
                return (byte[]) value;
            case DATE:
                return ByteBuffer.allocate(4).putInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, (LocalDate) value)).array();
            case TIME:
                return ByteBuffer.allocate(8).putLong(((LocalTime) value).toNanoOfDay() / 1000).array();
            case TIMETZ:
                OffsetTime t = (OffsetTime) value;
                // The zone travels as seconds west of UTC (the opposite sign of an ISO offset).
                return ByteBuffer.allocate(12).putLong(t.toLocalTime().toNanoOfDay() / 1000)
                        .putInt(-t.getOffset().getTotalSeconds()).array();
            case TIMESTAMP:
                return ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH, (LocalDateTime) value)).array();
            case TIMESTAMPTZ:
                Instant instant = ((OffsetDateTime) value).toInstant();
                return ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH_INSTANT, instant)).array();
            case UUID:
                UUID u = (UUID) value;
                return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
            default:
                // text, varchar, bpchar and everything sent as text: binary is the UTF-8 text.
                return text(value, type);
        }
    }

    // ------------------------------------------------------------------ parameters

    /**
     * A text-format parameter as a Java value for H2. Types H2 parses as PostgreSQL writes them
     * stay Strings; booleans, bytea and times with offsets are converted here because their
     * PostgreSQL spellings differ from H2's.
     *
     * @throws IllegalArgumentException when the text is not a value of the type
     */
    static Object parseText(String text, PgType type) {
        if (type == null) {
            return text;
        }
        switch (type) {
            case BOOL:
                return parseBool(text);
            case INT2:
                return Short.valueOf(text.strip());
            case INT4:
            case OID:
                return Integer.valueOf(text.strip());
            case INT8:
                return Long.valueOf(text.strip());
            case FLOAT4:
                return Float.valueOf(text.strip());
            case FLOAT8:
                return Double.valueOf(text.strip());
            case NUMERIC:
                // BigDecimal parses in quadratic time: refuse what H2's largest NUMERIC could not hold anyway.
                if (text.length() > 100_100) {
                    throw new IllegalArgumentException("numeric text of " + text.length() + " characters is too long");
                }
                return new BigDecimal(text.strip());
            case BYTEA:
                return parseBytea(text);
            case DATE:
                return LocalDate.parse(text.strip());
            case TIME:
                return LocalTime.parse(text.strip(), TIME_INPUT);
            case TIMETZ:
                return OffsetTime.parse(text.strip(), OFFSET_TIME_INPUT);
            case TIMESTAMP:
                return LocalDateTime.parse(text.strip(), DATE_TIME_INPUT);
            case TIMESTAMPTZ:
                return parseTimestampTz(text.strip());
            case UUID:
                return java.util.UUID.fromString(text.strip());
            default:
                return text;
        }
    }

    private static OffsetDateTime parseTimestampTz(String text) {
        java.time.temporal.TemporalAccessor parsed = OFFSET_DATE_TIME_INPUT.parse(text);
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
                parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        return OffsetDateTime.of(local, offset);
    }

    private static Boolean parseBool(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "t": case "true": case "y": case "yes": case "on": case "1":
                return Boolean.TRUE;
            case "f": case "false": case "n": case "no": case "off": case "0":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("invalid input syntax for type boolean: \"" + text + "\"");
        }
    }

    /** {@code \x0102} (hex) or the escape format ({@code \\} and {@code \ooo} octal escapes). */
    private static byte[] parseBytea(String text) {
        if (text.startsWith("\\x")) {
            return HEX.parseHex(text.substring(2));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] raw = text.getBytes(UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\\') {
                out.write(raw[i]);
            } else if (i + 1 < raw.length && raw[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < raw.length) {
                out.write(Integer.parseInt(new String(raw, i + 1, 3, UTF_8), 8));
                i += 3;
            } else {
                throw new IllegalArgumentException("invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    /**
     * A binary-format parameter as a Java value.
     *
     * @throws IllegalArgumentException for a wrong length or a type without a binary format here
     */
    static Object parseBinary(byte[] bytes, PgType type) {
        if (type == null) {
            throw new IllegalArgumentException("binary parameter of unspecified type");
        }
        if (type.size > 0 && type.size != bytes.length && type != PgType.BOOL) {
            throw new IllegalArgumentException("binary " + type.name().toLowerCase(Locale.ROOT)
                    + " needs " + type.size + " bytes, got " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        switch (type) {
            case BOOL:
                if (bytes.length != 1) {
                    throw new IllegalArgumentException("binary bool needs 1 byte, got " + bytes.length);
                }
                return bytes[0] != 0;
            case INT2:
                return in.getShort();
            case INT4:
            case OID:
                return in.getInt();
            case INT8:
                return in.getLong();
            case FLOAT4:
                return in.getFloat();
            case FLOAT8:
                return in.getDouble();
            case NUMERIC:
                return PgNumeric.decode(bytes);
            case BYTEA:
                return bytes;
            case DATE:
                return PG_EPOCH_DATE.plusDays(in.getInt());
            case TIME:
                return LocalTime.ofNanoOfDay(checkedMicrosOfDay(in.getLong()) * 1000);
            case TIMETZ:
                LocalTime local = LocalTime.ofNanoOfDay(checkedMicrosOfDay(in.getLong()) * 1000);
                return OffsetTime.of(local, ZoneOffset.ofTotalSeconds(-in.getInt()));
            case TIMESTAMP:
                return PG_EPOCH.plus(in.getLong(), ChronoUnit.MICROS);
            case TIMESTAMPTZ:
                return OffsetDateTime.ofInstant(PG_EPOCH_INSTANT.plus(in.getLong(), ChronoUnit.MICROS), ZoneOffset.UTC);
            case UUID:
                return new UUID(in.getLong(), in.getLong());
            case TEXT:
            case VARCHAR:
            case BPCHAR:
            case UNKNOWN:
                return new String(bytes, UTF_8);
            default:
                throw new IllegalArgumentException("no binary input for type " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    private static long checkedMicrosOfDay(long micros) {
        if (micros < 0 || micros >= 86_400_000_000L) {
            throw new IllegalArgumentException("time out of range: " + micros + " microseconds");
        }
        return micros;
    }
}
