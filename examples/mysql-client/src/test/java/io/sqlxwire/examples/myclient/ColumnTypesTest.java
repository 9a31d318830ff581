package io.sqlxwire.examples.myclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every common column type, read by this client in the text protocol (COM_QUERY) and the binary
 * protocol (COM_STMT_EXECUTE), compared value by value with MariaDB Connector/J reading the same
 * rows (text: a plain Statement; binary: {@code useServerPrepStmts=true}).
 */
@ExtendWith(MariaDbServer.class)
class ColumnTypesTest {

    static final String TABLE = """
            CREATE TABLE all_types (
              id INT PRIMARY KEY,
              t TINYINT, tu TINYINT UNSIGNED, s SMALLINT, su SMALLINT UNSIGNED,
              m MEDIUMINT, mu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, b BIGINT, bu BIGINT UNSIGNED,
              f FLOAT, d DOUBLE, dec1 DECIMAL(20,6), dec2 DECIMAL(65,30),
              dt DATE, tm TIME(6), tm0 TIME, dtm DATETIME(6), dtm0 DATETIME, ts TIMESTAMP(3) NULL, y YEAR,
              c CHAR(10), vc VARCHAR(100), tx TEXT,
              bn BINARY(4), vb VARBINARY(100), bl BLOB,
              bt BIT(12), e ENUM('red','green','blue'), st SET('a','b','c'), j JSON
            ) DEFAULT CHARSET utf8mb4""";

    static final String COLUMNS = "id, t, tu, s, su, m, mu, i, iu, b, bu, f, d, dec1, dec2, dt, tm, tm0, dtm, dtm0,"
            + " ts, y, c, vc, tx, bn, vb, bl, bt, e, st, j";

    static final List<String> ROWS = List.of(
            "(1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.5, 2.25, 12345.678901, 1.000000000000000000000000000001,"
                    + " '2024-02-29', '12:34:56.789012', '01:02:03', '2024-02-29 23:59:58.123456',"
                    + " '2001-02-03 04:05:06', '2024-01-02 03:04:05.678', 2024,"
                    + " 'abc', 'héllo ☃ 😀', 'some text', x'00ff1020', x'deadbeef', x'000102fffe',"
                    + " b'101010101010', 'green', 'a,c', '{\"k\": [1, 2.5, \"x\"], \"n\": null}')",
            "(2, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,"
                    + " -3.40282e38, -1.7976931348623157e308, -99999999999999.999999,"
                    + " -99999999999999999999999999999999999.999999999999999999999999999999,"
                    + " '1000-01-01', '-838:59:59.000000', '-00:00:01', '1000-01-01 00:00:00.000000',"
                    + " '1000-01-01 00:00:00', '1970-01-01 00:00:01.000', 1901,"
                    + " '', '', '', x'00000000', x'', x'', b'0', 'red', '', '[]')",
            "(3, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295,"
                    + " 9223372036854775807, 18446744073709551615,"
                    + " 3.40282e38, 1.7976931348623157e308, 99999999999999.999999,"
                    + " 99999999999999999999999999999999999.999999999999999999999999999999,"
                    + " '9999-12-31', '838:59:59.000000', '838:59:59', '9999-12-31 23:59:59.999999',"
                    + " '9999-12-31 23:59:59', '2038-01-19 03:14:07.999', 2155,"
                    + " 'zzzzzzzzzz', 'x', 'y', x'ffffffff', x'ff', x'ff', b'111111111111', 'blue', 'a,b,c', '{}')",
            "(4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL)",
            "(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9223372036854775808, 0, 0, 0, 0,"
                    + " '2000-01-01', '00:00:00.000001', '00:00:00', '2000-01-01 00:00:00.000001',"
                    + " '2000-01-01 00:00:00', '2000-01-01 00:00:00.001', 2000,"
                    + " ' lead', 'tab\there', 'multi\nline', x'7f000000', x'00', x'00', b'1', 'red', 'b', 'null')");

    static final String SELECT = "SELECT " + COLUMNS + " FROM all_types ORDER BY id";

    @BeforeAll
    static void createTable() throws Exception {
        try (Connection c = MariaDbServer.jdbc(""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS all_types");
            s.execute(TABLE);
            s.execute("INSERT INTO all_types (" + COLUMNS + ") VALUES " + String.join(", ", ROWS));
        }
    }

    @Test
    void textProtocolMatchesConnectorJ() throws Exception {
        List<List<Object>> ours;
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            ours = read(c, SELECT, null);
        }
        List<List<Object>> theirs;
        try (Connection jdbc = MariaDbServer.jdbc(""); Statement s = jdbc.createStatement();
             ResultSet rs = s.executeQuery(SELECT)) {
            theirs = read(rs);
        }
        assertEquals(ROWS.size(), ours.size());
        assertRowsEqual(theirs, ours);
    }

    @Test
    void binaryProtocolMatchesConnectorJ() throws Exception {
        String sql = "SELECT " + COLUMNS + " FROM all_types WHERE id >= ? ORDER BY id";
        List<List<Object>> ours;
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            ours = read(c, sql, 0L);
        }
        List<List<Object>> theirs;
        try (Connection jdbc = MariaDbServer.jdbc("useServerPrepStmts=true");
             PreparedStatement s = jdbc.prepareStatement(sql)) {
            s.setLong(1, 0);
            try (ResultSet rs = s.executeQuery()) {
                theirs = read(rs);
            }
        }
        assertEquals(ROWS.size(), ours.size());
        assertRowsEqual(theirs, ours);
    }

    @Test
    void textAndBinaryRowsGiveTheSameObjects() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options());
             PreparedQuery binary = c.prepare(SELECT)) {
            QueryResult text = c.query(SELECT);
            QueryResult prepared = binary.execute();
            assertEquals(text.rows().size(), prepared.rows().size());
            for (int r = 0; r < text.rows().size(); r++) {
                for (int i = 0; i < text.columns().size(); i++) {
                    assertEquals(comparable(text.value(r, i)), comparable(prepared.value(r, i)),
                            "row " + r + " column " + text.columns().get(i).name());
                }
            }
            assertEquals(BigInteger.valueOf(2).pow(64).subtract(BigInteger.ONE), text.value(2, 10));
            assertEquals(Duration.ofHours(-838).minusMinutes(59).minusSeconds(59), text.value(1, 16));
            assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000), text.value(0, 18));
            assertEquals("héllo ☃ 😀", text.value(0, 23));
        }
    }

    @Test
    void parametersOfEveryTypeRoundTrip() throws Exception {
        String insert = "INSERT INTO all_types (" + COLUMNS + ") VALUES ("
                + "?,".repeat(31) + "?)";
        Object[] values = {
            101L, (byte) -5, 200, (short) -300, 60000, -70000, 16000000, Integer.MIN_VALUE, 4000000000L,
            Long.MIN_VALUE, new BigInteger("18446744073709551615"), 1.5f, -2.25e300,
            new BigDecimal("-12345.678901"), new BigDecimal("3.141592653589793238462643383279"),
            LocalDate.of(2024, 2, 29), Duration.ofHours(-100).minusSeconds(1).minusNanos(5000),
            java.time.LocalTime.of(23, 59, 59), LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000),
            LocalDateTime.of(2001, 2, 3, 4, 5, 6), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000), 2024L,
            "abc", "héllo ☃ 😀", "x".repeat(1000), new byte[] {0, (byte) 0xFF, 16, 32},
            new byte[] {(byte) 0xDE, (byte) 0xAD}, new byte[0], new byte[] {0x0A, (byte) 0xAA}, "green", "a,c",
            "{\"k\": 1}"};
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options());
             PreparedQuery p = c.prepare(insert)) {
            assertEquals(32, p.parameters().size());
            assertTrue(p.columns().isEmpty());
            Outcome inserted = p.execute((RowHandler) row -> { }, values);
            assertEquals(1, inserted.affectedRows());
            try (PreparedQuery nulls = c.prepare(insert)) {
                Object[] allNull = new Object[32];
                allNull[0] = 102L;
                assertEquals(1, nulls.execute((RowHandler) row -> { }, allNull).affectedRows());
            }
            QueryResult back = c.query("SELECT " + COLUMNS + " FROM all_types WHERE id = 101");
            List<Object> row = back.rows().get(0);
            assertEquals(-5L, row.get(1));
            assertEquals(200L, row.get(2));
            assertEquals(new BigInteger("18446744073709551615"), row.get(10));
            assertEquals(1.5f, row.get(11));
            assertEquals(-2.25e300, row.get(12));
            assertEquals(new BigDecimal("-12345.678901"), row.get(13));
            assertEquals(new BigDecimal("3.141592653589793238462643383279"), row.get(14));
            assertEquals(LocalDate.of(2024, 2, 29), row.get(15));
            assertEquals(Duration.ofHours(-100).minusSeconds(1).minusNanos(5000), row.get(16));
            assertEquals(Duration.ofHours(23).plusMinutes(59).plusSeconds(59), row.get(17));
            assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000), row.get(18));
            assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000), row.get(20));
            assertEquals(2024L, row.get(21));
            assertEquals("héllo ☃ 😀", row.get(23));
            assertEquals("x".repeat(1000), row.get(24));
            assertEquals("00ff1020", HexFormat.of().formatHex((byte[]) row.get(25)));
            assertEquals("0aaa", HexFormat.of().formatHex((byte[]) row.get(28)));
            assertEquals("green", row.get(29));
            assertEquals("a,c", row.get(30));
            List<Object> nullRow = c.query("SELECT " + COLUMNS + " FROM all_types WHERE id = 102").rows().get(0);
            for (int i = 1; i < nullRow.size(); i++) {
                assertEquals(null, nullRow.get(i), "column " + i);
            }
            c.query("DELETE FROM all_types WHERE id > 100");
        }
    }

    // ------------------------------------------------------------------ reading both sides

    private List<ColumnInfo> columns;

    /** Our rows, each value in a form comparable with Connector/J's (see {@link #fromJdbc}). */
    private List<List<Object>> read(MysqlConnection c, String sql, Object parameter) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        RowHandler handler = new RowHandler() {
            @Override
            public void columns(List<ColumnInfo> resultColumns) {
                columns = resultColumns;
            }

            @Override
            public void row(Row row) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.columnCount(); i++) {
                    values.add(fromOurs(row, i));
                }
                rows.add(values);
            }
        };
        if (parameter == null) {
            c.query(sql, handler);
        } else {
            try (PreparedQuery p = c.prepare(sql)) {
                p.execute(handler, parameter);
            }
        }
        return rows;
    }

    private static Object fromOurs(Row row, int i) {
        if (row.isNull(i)) {
            return null;
        }
        ColumnInfo column = row.column(i);
        return switch (ValueKind.of(column)) {
            case INTEGER -> column.isUnsigned() ? Long.toUnsignedString(row.getLong(i)) : Long.toString(row.getLong(i));
            case FLOAT -> (float) row.getDouble(i);
            case DOUBLE -> row.getDouble(i);
            case DECIMAL -> row.getBigDecimal(i);
            case DATE -> row.getLocalDate(i);
            case DATETIME -> row.getLocalDateTime(i);
            case TIME -> row.getDuration(i);
            case BYTES -> HexFormat.of().formatHex(row.getBytes(i));
            case TEXT -> row.getString(i);
            case NULL -> null;
        };
    }

    /** Connector/J's rows, read with the getter that fits each of our columns' kind. */
    private List<List<Object>> read(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                values.add(fromJdbc(rs, i + 1, columns.get(i)));
            }
            rows.add(values);
        }
        return rows;
    }

    private static Object fromJdbc(ResultSet rs, int index, ColumnInfo column) throws SQLException {
        if (rs.getObject(index) == null) {
            return null;
        }
        return switch (ValueKind.of(column)) {
            case INTEGER -> rs.getString(index);
            case FLOAT -> rs.getFloat(index);
            case DOUBLE -> rs.getDouble(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case DATETIME -> rs.getObject(index, LocalDateTime.class);
            case TIME -> rs.getObject(index, Duration.class);
            case BYTES -> HexFormat.of().formatHex(rs.getBytes(index));
            case TEXT -> rs.getString(index);
            case NULL -> null;
        };
    }

    private void assertRowsEqual(List<List<Object>> expected, List<List<Object>> actual) {
        assertEquals(expected.size(), actual.size(), "rows");
        for (int r = 0; r < expected.size(); r++) {
            for (int i = 0; i < columns.size(); i++) {
                assertEquals(expected.get(r).get(i), actual.get(r).get(i),
                        "row " + r + " column " + columns.get(i).name() + " (" + columns.get(i).type() + ")");
            }
        }
    }

    private static Object comparable(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : value;
    }
}
