package io.sqlxwire.examples.pgclient;

import static io.sqlxwire.examples.pgclient.JdbcValues.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import io.sqlxwire.protocols.postgresql.PgState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Simple and extended queries against a real PostgreSQL, compared with pgjdbc's answers. */
@ExtendWith(PostgresExtension.class)
class QueryTest {
    /** One row per interesting value of each type, NULLs included. */
    static final String TYPED_ROWS = """
            select * from (values
              (1, 1::int2, 1::int4, 1::int8, 1.5::float8, 12.340::numeric, 'one'::text, true,
               '\\x00ff10'::bytea, date '2026-01-31', timestamp '2026-01-31 12:34:56.789012'),
              (2, (-32768)::int2, (-2147483648)::int4, (-9223372036854775808)::int8, (-0.0)::float8,
               -123456789012345678901234567890.000000001::numeric, 'grüße, 你好'::text, false,
               ''::bytea, date '1999-12-31', timestamp '1970-01-01 00:00:00'),
              (3, 32767::int2, 2147483647::int4, 9223372036854775807::int8, 1e308::float8,
               0.00001::numeric, ''::text, true, '\\xdeadbeef'::bytea, date '2000-01-01',
               timestamp '2000-01-01 00:00:00.000001'),
              (4, null::int2, null::int4, null::int8, null::float8, null::numeric, null::text,
               null::bool, null::bytea, null::date, null::timestamp),
              (5, 0::int2, 0::int4, 10000000000::int8, 3.141592653589793::float8, 1000000::numeric,
               'tab\tnew
            line', false, '\\x5c00'::bytea, date '2400-02-29', timestamp '2024-02-29 23:59:59.5')
            ) as t(id, i2, i4, i8, f8, num, txt, flag, raw, day, at)
            order by id""";

    private static EmbeddedPostgres server;
    private static PgConnection pg;
    private static Connection jdbc;

    @BeforeAll
    static void connect(EmbeddedPostgres postgres) throws Exception {
        server = postgres;
        pg = PostgresExtension.connectScram(server);
        jdbc = server.jdbc(EmbeddedPostgres.SCRAM_USER, EmbeddedPostgres.SCRAM_PASSWORD);
    }

    @AfterAll
    static void close() throws Exception {
        pg.close();
        jdbc.close();
    }

    @Test
    void simpleQueryMatchesPgjdbc() throws Exception {
        List<QueryResult> results = pg.simpleQuery(TYPED_ROWS);
        assertEquals(1, results.size());
        QueryResult ours = results.get(0);
        assertEquals("SELECT 5", ours.commandTag());
        assertEquals(Format.TEXT, ours.columns().get(1).format());
        try (Statement s = jdbc.createStatement(); ResultSet theirs = s.executeQuery(TYPED_ROWS)) {
            assertSameResult(ours, theirs);
        }
        // The text is the server's own output, as psql shows it.
        assertEquals("12.340", ours.text(0, 5));
        assertEquals("\\x00ff10", ours.text(0, 8));
        assertNull(ours.text(3, 1));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void extendedQueryMatchesPgjdbcInBothResultFormats(Format format) throws Exception {
        QueryResult ours = pg.query(TYPED_ROWS, format);
        assertEquals("SELECT 5", ours.commandTag());
        for (Column column : ours.columns()) {
            assertEquals(format, column.format(), column.name());
        }
        try (Statement s = jdbc.createStatement(); ResultSet theirs = s.executeQuery(TYPED_ROWS)) {
            assertSameResult(ours, theirs);
        }
    }

    /** Binary results compared with pgjdbc's binary transfer too (prepareThreshold=-1: binary from the start). */
    @Test
    void binaryResultsMatchPgjdbcBinaryTransfer() throws Exception {
        Properties binary = new Properties();
        binary.setProperty("user", EmbeddedPostgres.SCRAM_USER);
        binary.setProperty("password", EmbeddedPostgres.SCRAM_PASSWORD);
        binary.setProperty("prepareThreshold", "-1");
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl(), binary);
                PreparedStatement ps = c.prepareStatement(TYPED_ROWS); ResultSet theirs = ps.executeQuery()) {
            assertSameResult(pg.query(TYPED_ROWS, Format.BINARY), theirs);
        }
    }

    static final String ECHO = "select $1::int2 as i2, $2::int4 as i4, $3::int8 as i8, $4::float8 as f8,"
            + " $5::numeric as num, $6::text as txt, $7::bool as flag, $8::bytea as raw, $9::date as day,"
            + " $10::timestamp as at, $11::int4 as nothing";

    @ParameterizedTest
    @EnumSource(Format.class)
    void parametersInBinaryAndTextComeBackAsPgjdbcSendsThem(Format resultFormat) throws Exception {
        byte[] raw = {0, 1, (byte) 0xfe, (byte) 0xff};
        LocalDate day = LocalDate.of(2026, 11, 22);
        LocalDateTime at = LocalDateTime.of(2026, 11, 22, 3, 4, 5, 123_456_000);
        BigDecimal num = new BigDecimal("-98765.43210");
        Param[] binary = {
            Param.int2((short) -7), Param.int4(2_000_000_000), Param.int8(-5_000_000_000L), Param.float8(0.1),
            Param.numeric(num), Param.textBinary("ünïcödé"), Param.bool(true), Param.bytea(raw), Param.date(day),
            Param.timestamp(at), Param.nullOf(PgTypes.INT4)};
        Param[] text = {
            Param.text("-7"), Param.text("2000000000"), Param.text("-5000000000"), Param.text("0.1"),
            Param.text("-98765.43210"), Param.text("ünïcödé"), Param.text("t"), Param.text("\\x0001feff"),
            Param.text("2026-11-22"), Param.text("2026-11-22 03:04:05.123456"), Param.nullOf(0)};
        QueryResult fromBinary = pg.query(ECHO, resultFormat, binary);
        QueryResult fromText = pg.query(ECHO, resultFormat, text);
        try (PreparedStatement ps = jdbc.prepareStatement(ECHO.replaceAll("\\$\\d+", "?"))) {
            ps.setShort(1, (short) -7);
            ps.setInt(2, 2_000_000_000);
            ps.setLong(3, -5_000_000_000L);
            ps.setDouble(4, 0.1);
            ps.setBigDecimal(5, num);
            ps.setString(6, "ünïcödé");
            ps.setBoolean(7, true);
            ps.setBytes(8, raw);
            ps.setObject(9, day);
            ps.setObject(10, at);
            ps.setNull(11, java.sql.Types.INTEGER);
            try (ResultSet theirs = ps.executeQuery()) {
                assertSameResult(fromBinary, theirs);
            }
            try (ResultSet theirs = ps.executeQuery()) {
                assertSameResult(fromText, theirs);
            }
        }
        assertEquals(at, fromBinary.value(0, 9));
        assertArrayEquals(raw, (byte[]) fromText.value(0, 7));
    }

    @Test
    void preparedStatementRunsManyTimes() throws Exception {
        PreparedQuery square = pg.prepare("select $1::int8 * $1::int8 as square, $2::text || '!' as shout",
                PgTypes.INT8, PgTypes.TEXT);
        assertEquals(List.of(PgTypes.INT8, PgTypes.TEXT), square.parameterTypes());
        assertEquals(List.of("square", "shout"), square.columns().stream().map(Column::name).toList());
        for (long i = 1; i <= 20; i++) {
            QueryResult r = pg.execute(square, i % 2 == 0 ? Format.BINARY : Format.TEXT, Param.int8(i), Param.text("n" + i));
            assertEquals(i * i, r.value(0, 0));
            assertEquals("n" + i + "!", r.value(0, 1));
        }
        assertThrows(IllegalArgumentException.class, () -> pg.execute(square, Format.TEXT, Param.int4(3), Param.text("x")));
        pg.close(square);
        PgServerException gone = assertThrows(PgServerException.class, () -> pg.execute(square, Format.TEXT,
                Param.int8(1), Param.text("x")));
        assertEquals("26000", gone.sqlState());   // invalid_sql_statement_name
        assertEquals(1, pg.query("select 1", Format.BINARY).value(0, 0));
    }

    @Test
    void errorFieldsAndTheSessionGoesOn() throws Exception {
        PgServerException divide = assertThrows(PgServerException.class, () -> pg.simpleQuery("select 1/0"));
        assertEquals("ERROR", divide.severity());
        assertEquals("22012", divide.sqlState());
        assertEquals("division by zero", divide.serverMessage());
        assertEquals(PgState.Idle, pg.state());

        PgServerException missing = assertThrows(PgServerException.class,
                () -> pg.simpleQuery("select * from no_such_table"));
        assertEquals("42P01", missing.sqlState());
        assertEquals("relation \"no_such_table\" does not exist", missing.serverMessage());
        assertEquals(15, missing.position());   // 1-based, in characters: where the name starts
        assertEquals("ERROR 42P01: relation \"no_such_table\" does not exist", missing.getMessage());

        // The same through the extended protocol: the server skips to Sync, the session goes on.
        PgServerException syntax = assertThrows(PgServerException.class, () -> pg.query("selec 1", Format.TEXT));
        assertEquals("42601", syntax.sqlState());
        assertEquals(1, syntax.position());
        PgServerException bad = assertThrows(PgServerException.class,
                () -> pg.query("select $1::int4", Format.TEXT, Param.text("not a number")));
        assertEquals("22P02", bad.sqlState());

        assertEquals("2", pg.simpleQuery("select 1 + 1").get(0).text(0, 0));
        assertEquals(3, pg.query("select 1 + 2", Format.BINARY).value(0, 0));
        assertEquals('I', pg.transactionStatus());
    }

    @Test
    void failedTransactionIsReportedAndRolledBack() throws Exception {
        pg.simpleQuery("begin");
        assertEquals('T', pg.transactionStatus());
        assertThrows(PgServerException.class, () -> pg.simpleQuery("select 1/0"));
        assertEquals('E', pg.transactionStatus());
        PgServerException aborted = assertThrows(PgServerException.class, () -> pg.simpleQuery("select 1"));
        assertEquals("25P02", aborted.sqlState());
        assertEquals("ROLLBACK", pg.simpleQuery("rollback").get(0).commandTag());
        assertEquals('I', pg.transactionStatus());
    }

    @Test
    void multiStatementSimpleQueryGivesOneResultEach() throws Exception {
        List<QueryResult> results = pg.simpleQuery("create temp table multi(x int); insert into multi values (1), (2);"
                + " select x from multi order by x; drop table multi");
        assertEquals(List.of("CREATE TABLE", "INSERT 0 2", "SELECT 2", "DROP TABLE"),
                results.stream().map(QueryResult::commandTag).toList());
        assertEquals("2", results.get(2).text(1, 0));
        assertTrue(pg.simpleQuery("").isEmpty());   // EmptyQueryResponse
        QueryResult empty = pg.query("", Format.TEXT);
        assertEquals(0, empty.rowCount());
        assertNull(empty.commandTag());
    }

    /** The in-place getters agree with the decoded values, extremes and both formats included. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void inPlaceGettersAgreeWithDecodedValues(Format format) throws Exception {
        List<String> checked = new java.util.ArrayList<>();
        pg.query(TYPED_ROWS, format, row -> {
            for (int i = 0; i < row.columnCount(); i++) {
                Object value = row.value(i);
                long type = row.columns().get(i).typeOid();
                if (value == null) {
                    assertTrue(row.isNull(i));
                    assertEquals(-1, row.length(i));
                    assertEquals(0, row.getLong(i));
                } else if (type == PgTypes.INT2 || type == PgTypes.INT4 || type == PgTypes.INT8) {
                    assertEquals(((Number) value).longValue(), row.getLong(i));
                    checked.add(String.valueOf(row.getLong(i)));
                } else if (type == PgTypes.FLOAT8 && format == Format.BINARY) {
                    assertEquals((Double) value, row.getDouble(i));
                } else if (type == PgTypes.BOOL) {
                    assertEquals(value, row.getBoolean(i));
                } else if (type == PgTypes.BYTEA) {
                    assertArrayEquals((byte[]) value, format == Format.BINARY ? row.bytes(i)
                            : (byte[]) PgTypes.decode(type, Format.TEXT, row.view(i)));
                }
            }
        });
        assertTrue(checked.containsAll(List.of("-32768", "-2147483648", "-9223372036854775808", "9223372036854775807")),
                checked.toString());
    }

    /** The streaming path reads each DataRow in place: the same Row object, no copies. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void rowsStreamThroughOneReusedRow(Format format) throws Exception {
        String sql = "select i, i * 2 as twice, 'row ' || i as label, i % 7 = 0 as seventh, i / 4.0::float8 as quarter"
                + " from generate_series(1, 100000) as i";
        class Sums implements RowHandler {
            long rows;
            long total;
            long twice;
            long sevenths;
            double quarters;
            Row seen;

            @Override
            public void onRow(Row row) {
                if (seen == null) {
                    seen = row;
                }
                assertTrue(seen == row, "one Row object for every row");
                rows++;
                total += row.getLong(0);
                twice += row.getInt(1);
                sevenths += row.getBoolean(3) ? 1 : 0;
                quarters += row.getDouble(4);
                if (rows == 12345) {
                    assertEquals("row 12345", row.text(2));
                }
            }
        }
        Sums sums = new Sums();
        pg.query(sql, format, sums);
        assertEquals(100_000, sums.rows);
        assertEquals(5_000_050_000L, sums.total);
        assertEquals(10_000_100_000L, sums.twice);
        assertEquals(14_285, sums.sevenths);
        assertEquals(5_000_050_000.0 / 4, sums.quarters, 1e-3);

        Sums simple = new Sums();
        pg.simpleQuery(sql, simple);
        assertEquals(5_000_050_000L, simple.total);
    }
}
