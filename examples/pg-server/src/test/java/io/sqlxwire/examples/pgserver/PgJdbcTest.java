package io.sqlxwire.examples.pgserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** pgjdbc, the PostgreSQL JDBC driver, against the server: what it reads must be what H2 holds. */
class PgJdbcTest {
    private static final String ALL_TYPES = "create table all_types (id int primary key, i2 smallint, i4 int, i8 bigint,"
            + " f4 real, f8 double precision, n numeric(12,4), t varchar(100), b boolean, by bytea, d date, tm time,"
            + " ts timestamp, tz timestamp with time zone, u uuid)";
    private static final String ROW_1 = "insert into all_types values (1, -12, 123456, 9007199254740993, 1.25, -2.5e-7,"
            + " -12345678.9012, 'héllo ''wörld''', true, X'00ff10', DATE '2024-02-29', TIME '23:59:58.123456',"
            + " TIMESTAMP '1999-12-31 23:59:59.5', TIMESTAMP WITH TIME ZONE '2024-06-01 12:00:00+02',"
            + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')";
    private static final String ROW_2 = "insert into all_types (id) values (2)";

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.scram();
        try (Connection h2 = server.h2(); Statement s = h2.createStatement()) {
            s.execute(ALL_TYPES);
            s.execute(ROW_1);
            s.execute(ROW_2);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every column of every row, as H2 gives it through its own JDBC driver. */
    private static List<List<Object>> h2Rows() throws Exception {
        try (Connection h2 = server.h2(); Statement s = h2.createStatement();
             ResultSet rs = s.executeQuery("select * from all_types order by id")) {
            return rows(rs);
        }
    }

    private static List<List<Object>> rows(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            row.add(rs.getInt("id"));
            row.add(rs.getObject("i2") == null ? null : rs.getShort("i2"));
            row.add(rs.getObject("i4") == null ? null : rs.getInt("i4"));
            row.add(rs.getObject("i8") == null ? null : rs.getLong("i8"));
            row.add(rs.getObject("f4") == null ? null : rs.getFloat("f4"));
            row.add(rs.getObject("f8") == null ? null : rs.getDouble("f8"));
            row.add(rs.getBigDecimal("n"));
            row.add(rs.getString("t"));
            row.add(rs.getObject("b") == null ? null : rs.getBoolean("b"));
            byte[] bytes = rs.getBytes("by");
            row.add(bytes == null ? null : java.util.HexFormat.of().formatHex(bytes));
            row.add(rs.getObject("d", LocalDate.class));
            row.add(rs.getObject("tm", LocalTime.class));
            row.add(rs.getObject("ts", LocalDateTime.class));
            OffsetDateTime tz = rs.getObject("tz", OffsetDateTime.class);
            row.add(tz == null ? null : tz.toInstant());
            row.add(rs.getObject("u") == null ? null : UUID.fromString(rs.getString("u")));
            rows.add(row);
        }
        return rows;
    }

    @Test
    void simpleQueryValuesEqualH2s() throws Exception {
        try (Connection c = server.pgjdbc("preferQueryMode=simple"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from all_types order by id")) {
            assertEquals(h2Rows(), rows(rs));
        }
    }

    @Test
    void extendedTextAndBinaryValuesEqualH2s() throws Exception {
        List<List<Object>> expected = h2Rows();
        try (Connection c = server.pgjdbc("prepareThreshold=1&binaryTransfer=true&binaryTransferEnable=int2,int4,int8,"
                + "float4,float8,numeric,bool,bytea,date,time,timestamp,timestamptz,uuid");
             PreparedStatement ps = c.prepareStatement("select * from all_types where id >= ? order by id")) {
            // The first execution runs in text (pgjdbc has not described the statement yet), the
            // later ones ask for binary results of the enabled types.
            for (int run = 0; run < 3; run++) {
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(expected, rows(rs), "run " + run);
                }
            }
            ResultSetMetaData meta = ps.getMetaData();
            assertEquals("int2", meta.getColumnTypeName(2));
            assertEquals("int8", meta.getColumnTypeName(4));
            assertEquals("numeric", meta.getColumnTypeName(7));
            assertEquals(12, meta.getPrecision(7));
            assertEquals(4, meta.getScale(7));
            assertEquals("varchar", meta.getColumnTypeName(8));
            assertEquals("timestamptz", meta.getColumnTypeName(14));
            assertEquals("uuid", meta.getColumnTypeName(15));
        }
    }

    @Test
    void typedParametersInTextAndBinary() throws Exception {
        try (Connection c = server.pgjdbc("prepareThreshold=1&binaryTransfer=true")) {
            c.createStatement().execute("create table params (id int, n numeric(10,2), b boolean, by bytea,"
                    + " d date, ts timestamp, u uuid, f8 double precision, t text)");
            try (PreparedStatement insert = c.prepareStatement("insert into params values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                    .replace("$1", "?").replace("$2", "?").replace("$3", "?").replace("$4", "?").replace("$5", "?")
                    .replace("$6", "?").replace("$7", "?").replace("$8", "?").replace("$9", "?"))) {
                for (int i = 1; i <= 3; i++) {
                    insert.setInt(1, i);
                    insert.setBigDecimal(2, new BigDecimal("1234.5" + i));
                    insert.setBoolean(3, i % 2 == 0);
                    insert.setBytes(4, new byte[] {(byte) i, 0, (byte) 0xff});
                    insert.setObject(5, LocalDate.of(2020, 1, i));
                    insert.setObject(6, LocalDateTime.of(2021, 2, 3, 4, 5, 6, i * 1000));
                    insert.setObject(7, new UUID(i, -i));
                    insert.setDouble(8, i / 3.0);
                    insert.setString(9, "text " + i);
                    assertEquals(1, insert.executeUpdate());
                }
            }
            try (PreparedStatement select = c.prepareStatement("select * from params where id = ? and b = ?")) {
                for (int run = 0; run < 2; run++) {
                    select.setInt(1, 2);
                    select.setBoolean(2, true);
                    try (ResultSet rs = select.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(new BigDecimal("1234.52"), rs.getBigDecimal("n"));
                        assertArrayEquals(new byte[] {2, 0, (byte) 0xff}, rs.getBytes("by"));
                        assertEquals(LocalDate.of(2020, 1, 2), rs.getObject("d", LocalDate.class));
                        assertEquals(LocalDateTime.of(2021, 2, 3, 4, 5, 6, 2000), rs.getObject("ts", LocalDateTime.class));
                        assertEquals(new UUID(2, -2), rs.getObject("u"));
                        assertEquals(2 / 3.0, rs.getDouble("f8"));
                        assertEquals("text 2", rs.getString("t"));
                        assertFalse(rs.next());
                    }
                }
            }
            try (PreparedStatement nulls = c.prepareStatement("select count(*) from params where ? is null or id = ?")) {
                nulls.setNull(1, java.sql.Types.INTEGER);
                nulls.setInt(2, 1);
                try (ResultSet rs = nulls.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void dollarParametersMayRepeatAndReorder() throws Exception {
        // pgjdbc rewrites ? to $n itself; a native $n query can repeat one parameter.
        try (Connection c = server.pgjdbc("prepareThreshold=1");
             PreparedStatement ps = c.prepareStatement("select ? as a, ? || '-' || ? as b")) {
            ps.setInt(1, 7);
            ps.setString(2, "x");
            ps.setString(3, "y");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt("a"));
                assertEquals("x-y", rs.getString("b"));
            }
        }
    }

    @Test
    void updateCountsAndGeneratedCommandTags() throws Exception {
        try (Connection c = server.pgjdbc(""); Statement s = c.createStatement()) {
            assertFalse(s.execute("create table counts (id int)"));
            assertEquals(3, s.executeUpdate("insert into counts values (1), (2), (3)"));
            assertEquals(2, s.executeUpdate("update counts set id = id + 10 where id > 1"));
            assertEquals(1, s.executeUpdate("delete from counts where id = 1"));
            try (ResultSet rs = s.executeQuery("select sum(id) from counts")) {
                assertTrue(rs.next());
                assertEquals(25, rs.getLong(1));
            }
            int[] batch;
            s.addBatch("insert into counts values (100)");
            s.addBatch("insert into counts values (101), (102)");
            batch = s.executeBatch();
            assertArrayEquals(new int[] {1, 2}, batch);
        }
    }

    @Test
    void generatedKeysThroughReturning() throws Exception {
        try (Connection c = server.pgjdbc("prepareThreshold=1"); Statement s = c.createStatement()) {
            s.execute("create table keyed (id int generated by default as identity primary key, v varchar(10))");
            try (PreparedStatement ps = c.prepareStatement("insert into keyed (v) values (?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 1; i <= 2; i++) {
                    ps.setString(1, "v" + i);
                    assertEquals(1, ps.executeUpdate(), "the INSERT tag, not SELECT");
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        assertTrue(keys.next());
                        assertEquals(i, keys.getInt("id"));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("delete from keyed where id = 1 returning v")) {
                assertTrue(rs.next());
                assertEquals("v1", rs.getString(1));
            }
        }
    }

    @Test
    void transactionsCommitRollbackAndFailedState() throws Exception {
        try (Connection c = server.pgjdbc(""); Statement s = c.createStatement()) {
            s.execute("create table tx (id int primary key)");
            c.setAutoCommit(false);
            s.execute("insert into tx values (1)");
            c.rollback();
            s.execute("insert into tx values (2)");
            c.commit();
            s.execute("insert into tx values (3)");
            SQLException duplicate = assertThrows(SQLException.class, () -> s.execute("insert into tx values (3)"));
            assertEquals("23505", duplicate.getSQLState());
            SQLException aborted = assertThrows(SQLException.class, () -> s.executeQuery("select 1"));
            assertEquals("25P02", aborted.getSQLState());
            c.rollback();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("select id from tx order by id")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertFalse(rs.next());
            }
        }
        try (Connection h2 = server.h2(); ResultSet rs = h2.createStatement().executeQuery("select count(*) from tx")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "H2 holds what was committed");
        }
    }

    @Test
    void fetchSizeReadsThroughSuspendedPortals() throws Exception {
        try (Connection c = server.pgjdbc("")) {
            c.setAutoCommit(false); // pgjdbc uses a named portal and Execute with a row limit only in a transaction
            try (PreparedStatement ps = c.prepareStatement("select * from system_range(1, 25)")) {
                ps.setFetchSize(4);
                try (ResultSet rs = ps.executeQuery()) {
                    long sum = 0;
                    int rows = 0;
                    while (rs.next()) {
                        sum += rs.getLong(1);
                        rows++;
                    }
                    assertEquals(25, rows);
                    assertEquals(325, sum);
                }
            }
            c.commit();
        }
    }

    @Test
    void otherQueriesMayRunWhileACursorIsOpen() throws Exception {
        try (Connection c = server.pgjdbc("")) {
            c.setAutoCommit(false);
            try (PreparedStatement outer = c.prepareStatement("select * from system_range(1, 6)");
                 PreparedStatement inner = c.prepareStatement("select ? * 10")) {
                outer.setFetchSize(2);
                long sum = 0;
                try (ResultSet rs = outer.executeQuery()) {
                    while (rs.next()) {
                        inner.setLong(1, rs.getLong(1));
                        try (ResultSet r = inner.executeQuery()) {
                            assertTrue(r.next());
                            sum += r.getLong(1);
                        }
                    }
                }
                assertEquals(210, sum);
            }
            c.commit();
        }
    }

    @Test
    void errorsCarryPostgresqlSqlStates() throws Exception {
        try (Connection c = server.pgjdbc(""); Statement s = c.createStatement()) {
            assertEquals("42P01", assertThrows(SQLException.class, () -> s.executeQuery("select * from missing_table")).getSQLState());
            assertEquals("42601", assertThrows(SQLException.class, () -> s.executeQuery("selec 1")).getSQLState());
            assertEquals("22012", assertThrows(SQLException.class, () -> s.executeQuery("select 1 / 0")).getSQLState());
            SQLException column = assertThrows(SQLException.class, () -> s.executeQuery("select nope from all_types"));
            assertEquals("42703", column.getSQLState());
            assertTrue(column.getMessage().contains("nope"), column.getMessage());
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next(), "the session goes on after errors");
            }
        }
    }

    @Test
    void compatibilityStatementsAnswerLikePostgresql() throws Exception {
        try (Connection c = server.pgjdbc("ApplicationName=jdbc-test"); Statement s = c.createStatement()) {
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            s.execute("SET extra_float_digits = 3");
            s.execute("SET application_name = 'renamed'");
            try (ResultSet rs = s.executeQuery("SHOW application_name")) {
                assertTrue(rs.next());
                assertEquals("renamed", rs.getString(1));
            }
            assertEquals("renamed", c.getClientInfo("ApplicationName"), "pgjdbc saw the ParameterStatus");
            try (ResultSet rs = s.executeQuery("select version()")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("PostgreSQL 15"), rs.getString(1));
            }
            assertEquals("42704", assertThrows(SQLException.class, () -> s.executeQuery("SHOW no_such_setting")).getSQLState());
            assertEquals(15, c.getMetaData().getDatabaseMajorVersion());
        }
    }

    @Test
    void concurrentClientsEachOnTheirOwnThread() throws Exception {
        try (Connection c = server.pgjdbc("")) {
            c.createStatement().execute("create table concurrent (client int, n int)");
        }
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int client = 0; client < 6; client++) {
            int id = client;
            clients.add(CompletableFuture.runAsync(() -> {
                try (Connection c = server.pgjdbc("prepareThreshold=1");
                     PreparedStatement insert = c.prepareStatement("insert into concurrent values (?, ?)")) {
                    for (int n = 0; n < 50; n++) {
                        insert.setInt(1, id);
                        insert.setInt(2, n);
                        insert.executeUpdate();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        try (Connection h2 = server.h2(); ResultSet rs = h2.createStatement().executeQuery(
                "select count(*), count(distinct client), sum(n) from concurrent")) {
            assertTrue(rs.next());
            assertEquals(300, rs.getInt(1));
            assertEquals(6, rs.getInt(2));
            assertEquals(6 * (49 * 50 / 2), rs.getInt(3));
        }
    }

    @Test
    void cancelStopsARunningQuery() throws Exception {
        try (Connection c = server.pgjdbc(""); Statement s = c.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(400);
                    s.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            SQLException cancelled = assertThrows(SQLException.class, () -> s.executeQuery(
                    "select count(*) from system_range(1, 100000) a, system_range(1, 100000) b"));
            cancel.get(10, TimeUnit.SECONDS);
            assertEquals("57014", cancelled.getSQLState());
            try (ResultSet rs = s.executeQuery("select 2")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        SQLException e = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                server.jdbcUrl(""), TestServer.USER, "wrong"));
        assertEquals("28P01", e.getSQLState());
        SQLException user = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                server.jdbcUrl(""), "mallory", TestServer.PASSWORD));
        assertEquals("28P01", user.getSQLState());
    }

    @Test
    void md5Authentication() throws Exception {
        try (TestServer md5 = new TestServer(PgServerConfig.AuthMethod.MD5, null, 5, Duration.ofSeconds(30));
             Connection c = md5.pgjdbc(""); ResultSet rs = c.createStatement().executeQuery("select 'md5 ok'")) {
            assertTrue(rs.next());
            assertEquals("md5 ok", rs.getString(1));
            assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(md5.jdbcUrl(""), TestServer.USER, "nope"));
        }
    }

    @Test
    void tlsThroughSslRequest(@TempDir Path dir) throws Exception {
        Path store = TestServer.selfSignedKeyStore(dir, "changeit");
        try (TestServer tls = new TestServer(PgServerConfig.AuthMethod.SCRAM_SHA_256,
                TlsContexts.fromKeyStore(store, "changeit".toCharArray()), 5, Duration.ofSeconds(30))) {
            try (Connection c = tls.pgjdbc("sslmode=require"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select 40 + 2")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
                assertTrue(c.unwrap(PGConnection.class).getParameterStatuses().containsKey("server_version"));
            }
            // Plain bytes sent behind the SSLRequest would pass as if they had come through TLS
            // (CVE-2021-23214): refused.
            try (RawClient client = new RawClient(tls.port())) {
                byte[] sslRequest = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};
                byte[] startup = RawClient.startup(TestServer.USER);
                byte[] both = java.util.Arrays.copyOf(sslRequest, sslRequest.length + startup.length);
                System.arraycopy(startup, 0, both, sslRequest.length, startup.length);
                client.send(both);
                List<String> answer = client.readToEnd();
                assertTrue(answer.get(0).startsWith("E 08P01 FATAL") && answer.get(0).contains("unencrypted"), answer.toString());
            }
            // PostgreSQL 17's direct TLS: a ClientHello with ALPN "postgresql" instead of SSLRequest.
            try (RawClient client = new RawClient(RawClient.directTls(tls.port(), "postgresql"))) {
                client.send(RawClient.startup(TestServer.USER));
                assertEquals(List.of("R10"), client.readUntil("R"), "SCRAM offered inside TLS");
            }
            try (javax.net.ssl.SSLSocket noAlpn = RawClient.directTls(tls.port())) {
                noAlpn.setSoTimeout(10_000); // a timeout would mean the server waits for a startup packet: a failure
                noAlpn.startHandshake();
                assertEquals(-1, noAlpn.getInputStream().read(), "no ALPN: the server hangs up");
            } catch (javax.net.ssl.SSLException | java.net.SocketException closed) {
                // The server's close surfaced as an alert or a reset: refused too.
            }
            // Without a key store the server says 'N': sslmode=require fails, prefer falls back.
            SQLException refused = assertThrows(SQLException.class, () -> server.pgjdbc("sslmode=require"));
            assertTrue(refused.getMessage().contains("SSL"), refused.getMessage());
            try (Connection c = server.pgjdbc("sslmode=prefer")) {
                assertTrue(c.isValid(5));
            }
        }
    }

    @Test
    void nullsAndEmptyResults() throws Exception {
        try (Connection c = server.pgjdbc("prepareThreshold=1"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select * from all_types where id = 2")) {
                assertTrue(rs.next());
                assertNull(rs.getObject("i4"));
                assertNull(rs.getString("t"));
                assertNull(rs.getBytes("by"));
            }
            try (ResultSet rs = s.executeQuery("select * from all_types where id < 0")) {
                assertFalse(rs.next());
                assertEquals(15, rs.getMetaData().getColumnCount());
            }
            assertFalse(s.execute(""), "an empty query is EmptyQueryResponse, no result");
        }
    }

    @Test
    void timestampWithTimeZoneIsTheSameInstant() throws Exception {
        try (Connection c = server.pgjdbc("prepareThreshold=1&binaryTransfer=true")) {
            c.createStatement().execute("create table zoned (tz timestamp with time zone)");
            OffsetDateTime when = OffsetDateTime.of(2022, 3, 4, 5, 6, 7, 890_000_000, ZoneOffset.ofHours(-5));
            try (PreparedStatement ps = c.prepareStatement("insert into zoned values (?)")) {
                ps.setObject(1, when);
                ps.executeUpdate();
            }
            for (int run = 0; run < 2; run++) {
                try (PreparedStatement ps = c.prepareStatement("select tz from zoned"); ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(when.toInstant(), rs.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
        }
    }
}
