package io.sqlxwire.examples.pgserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Text and binary formats as PostgreSQL's typoutput / typsend functions write them. */
class PgValuesTest {
    private static String hex(Object value, PgType type) {
        return HexFormat.of().formatHex(PgValues.binary(value, type));
    }

    @Test
    void binaryFormatsAsPostgresqlSendsThem() {
        // Epochs: 2000-01-01 for dates (days) and timestamps (microseconds); 2024-02-29 is day 8825.
        assertEquals("fffffffe", hex(-2, PgType.INT4));
        // numeric: ndigits, weight, sign, dscale, then base-10000 digits (1234 5678 . 9012).
        assertEquals("000300014000000404d2162e2334", hex(new BigDecimal("-12345678.9012"), PgType.NUMERIC));
        assertEquals("0001fffe0000000604b0", hex(new BigDecimal("0.000012"), PgType.NUMERIC));
        assertEquals("00010001000000000001", hex(new BigDecimal("10000"), PgType.NUMERIC));
        assertEquals("0000000000000002", hex(new BigDecimal("0.00"), PgType.NUMERIC));
        assertEquals("00002279", hex(LocalDate.of(2024, 2, 29), PgType.DATE));
        assertEquals("ffffffff", hex(LocalDate.of(1999, 12, 31), PgType.DATE));
        assertEquals("000000000ee6b280", hex(LocalTime.of(0, 4, 10), PgType.TIME));
        assertEquals("fffffffffff85ee0", hex(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 500_000_000), PgType.TIMESTAMP));
        assertEquals("0000000000000000", hex(OffsetDateTime.of(2000, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2)), PgType.TIMESTAMPTZ));
        assertEquals("0000000000000000ffffe3e0", hex(OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(2)), PgType.TIMETZ));
        assertEquals("a0eebc999c0b4ef8bb6d6bb9bd380a11", hex(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), PgType.UUID));
    }

    @Test
    void numericRoundTrips() {
        for (String n : List.of("0", "0.00", "1", "-1", "9999", "10000", "12345678901234567890.123456789", "0.0001",
                "-0.000012", "1E+20", "100.10", "3.14159")) {
            BigDecimal value = new BigDecimal(n);
            BigDecimal back = PgNumeric.decode(PgNumeric.encode(value));
            assertEquals(0, value.compareTo(back), n + " came back as " + back);
            assertEquals(Math.max(0, value.scale()), back.scale(), n);
        }
        assertThrows(IllegalArgumentException.class, () -> PgNumeric.decode(new byte[] {0, 1, 0, 0, 0, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> PgNumeric.decode(new byte[] {0, 0, 0, 0, (byte) 0xc0, 0, 0, 0}));
        byte[] huge = new byte[8 + 2 * 60_000];
        java.nio.ByteBuffer.wrap(huge).putShort((short) 60_000);
        assertThrows(IllegalArgumentException.class, () -> PgNumeric.decode(huge), "refused before any arithmetic");
    }

    @Test
    void textFormatsAsPostgresqlWritesThem() {
        assertEquals("t", PgValues.formatText(true, PgType.BOOL));
        assertEquals("\\x00ff10", PgValues.formatText(new byte[] {0, -1, 16}, PgType.BYTEA));
        assertEquals("23:59:58.123456", PgValues.formatText(LocalTime.of(23, 59, 58, 123_456_000), PgType.TIME));
        assertEquals("00:00:00", PgValues.formatText(LocalTime.MIDNIGHT, PgType.TIME));
        assertEquals("1999-12-31 23:59:59.5", PgValues.formatText(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 500_000_000), PgType.TIMESTAMP));
        assertEquals("2024-06-01 10:00:00+00", PgValues.formatText(OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)), PgType.TIMESTAMPTZ));
        assertEquals("12:00:00+05:30", PgValues.formatText(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)), PgType.TIMETZ));
        // float8out / float4out with extra_float_digits >= 1: shortest exact digits.
        assertEquals("1e+20", PgValues.formatDouble(1e20));
        assertEquals("123456789012345", PgValues.formatDouble(123456789012345d));
        assertEquals("1.2345678901234568e+15", PgValues.formatDouble(1234567890123456.7));
        assertEquals("-2.5e-07", PgValues.formatDouble(-2.5e-7));
        assertEquals("0.0001", PgValues.formatDouble(1e-4));
        assertEquals("0.1", PgValues.formatDouble(0.1));
        assertEquals("-0", PgValues.formatDouble(-0.0));
        assertEquals("Infinity", PgValues.formatDouble(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PgValues.formatDouble(Double.NaN));
        assertEquals("1e+06", PgValues.formatFloat(1e6f));
        assertEquals("100000", PgValues.formatFloat(1e5f));
        assertEquals("1.25", PgValues.formatFloat(1.25f));
    }

    @Test
    void parametersFromTextAndBinary() {
        assertEquals(true, PgValues.parseText("on", PgType.BOOL));
        assertEquals(42L, PgValues.parseText(" 42 ", PgType.INT8));
        assertArrayEquals(new byte[] {1, (byte) 0xab}, (byte[]) PgValues.parseText("\\x01ab", PgType.BYTEA));
        assertArrayEquals(new byte[] {'a', '\\', 7}, (byte[]) PgValues.parseText("a\\\\\\007", PgType.BYTEA));
        assertEquals(LocalDateTime.of(2021, 2, 3, 4, 5, 6, 7000), PgValues.parseText("2021-02-03 04:05:06.000007", PgType.TIMESTAMP));
        assertEquals(OffsetDateTime.of(2022, 3, 4, 5, 6, 7, 890_000_000, ZoneOffset.ofHours(-5)),
                PgValues.parseText("2022-03-04 05:06:07.89-05", PgType.TIMESTAMPTZ));
        assertEquals(OffsetDateTime.of(2022, 3, 4, 0, 0, 0, 0, ZoneOffset.UTC), PgValues.parseText("2022-03-04", PgType.TIMESTAMPTZ));
        assertEquals("as is", PgValues.parseText("as is", null));
        assertThrows(IllegalArgumentException.class, () -> PgValues.parseText("maybe", PgType.BOOL));
        assertThrows(IllegalArgumentException.class, () -> PgValues.parseText("9".repeat(1_000_000), PgType.NUMERIC));
        for (PgType type : List.of(PgType.INT2, PgType.INT4, PgType.INT8, PgType.FLOAT4, PgType.FLOAT8, PgType.DATE,
                PgType.TIME, PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.UUID, PgType.NUMERIC, PgType.BOOL, PgType.TIMETZ)) {
            Object value = sample(type);
            assertEquals(value, PgValues.parseBinary(PgValues.binary(value, type), type), type.name());
        }
        assertThrows(IllegalArgumentException.class, () -> PgValues.parseBinary(new byte[3], PgType.INT4));
        assertThrows(IllegalArgumentException.class, () -> PgValues.parseBinary(new byte[8], null));
        assertThrows(IllegalArgumentException.class, () -> PgValues.parseBinary(
                java.nio.ByteBuffer.allocate(8).putLong(86_400_000_000L).array(), PgType.TIME));
    }

    private static Object sample(PgType type) {
        switch (type) {
            case INT2: return (short) -7;
            case INT4: return 123456;
            case INT8: return Long.MIN_VALUE;
            case FLOAT4: return 1.5f;
            case FLOAT8: return -0.1;
            case DATE: return LocalDate.of(1815, 12, 10);
            case TIME: return LocalTime.of(1, 2, 3, 456_000);
            case TIMESTAMP: return LocalDateTime.of(2099, 1, 2, 3, 4, 5, 6000);
            case TIMESTAMPTZ: return OffsetDateTime.of(2099, 1, 2, 3, 4, 5, 6000, ZoneOffset.UTC);
            case TIMETZ: return OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHours(-3));
            case UUID: return new UUID(1, 2);
            case NUMERIC: return new BigDecimal("-123.450");
            default: return true;
        }
    }
}
