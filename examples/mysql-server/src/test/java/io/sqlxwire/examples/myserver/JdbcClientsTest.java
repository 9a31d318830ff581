package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MariaDB Connector/J and MySQL Connector/J against the server: text and binary protocol, auth paths. */
class JdbcClientsTest {
    @TempDir
    static Path dir;
    static MyServer server;
    static javax.net.ssl.SSLContext tls;

    @BeforeAll
    static void start() throws Exception {
        tls = TestServers.tls(TestServers.keyStore(dir));
        server = TestServers.start(AuthPlugin.MYSQL_NATIVE_PASSWORD, tls);
        try (Connection c = mariadb(""); Statement s = c.createStatement()) {
            s.execute("create table item(id int auto_increment primary key, name varchar(30) not null,"
                    + " price decimal(10,2), qty bigint, ratio double, born date, seen timestamp, data varbinary(16),"
                    + " active boolean)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Connection mariadb(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/?sslMode=disable"
                + options, TestServers.USER, TestServers.PASSWORD);
    }

    static Connection mysql(MyServer on, String options) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", TestServers.USER);
        p.setProperty("password", TestServers.PASSWORD);
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + on.port() + "/?" + options, p);
    }

    private static void roundTrip(Connection c, String name) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into item(name, price, qty, ratio, born, seen, data, active) values (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setBigDecimal(2, new BigDecimal("12.34"));
            insert.setLong(3, 9_000_000_000L);
            insert.setDouble(4, 0.25);
            insert.setObject(5, LocalDate.of(2024, 2, 29));
            insert.setObject(6, LocalDateTime.of(2024, 2, 29, 13, 14, 15));
            insert.setBytes(7, new byte[] {0, 1, (byte) 0xFF});
            insert.setBoolean(8, true);
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertTrue(keys.getLong(1) > 0);
            }
        }
        try (PreparedStatement select = c.prepareStatement(
                "select id, name, price, qty, ratio, born, seen, data, active, null as nothing from item where name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(name, rs.getString("name"));
                assertEquals(new BigDecimal("12.34"), rs.getBigDecimal("price"));
                assertEquals(9_000_000_000L, rs.getLong("qty"));
                assertEquals(0.25, rs.getDouble("ratio"));
                assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("born", LocalDate.class));
                assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15), rs.getObject("seen", LocalDateTime.class));
                assertArrayEquals(new byte[] {0, 1, (byte) 0xFF}, rs.getBytes("data"));
                assertTrue(rs.getBoolean("active"));
                assertNull(rs.getObject("nothing"));
                ResultSetMetaData meta = rs.getMetaData();
                assertEquals(Types.INTEGER, meta.getColumnType(1));
                assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(2));
                assertEquals(Types.DECIMAL, meta.getColumnType(3));
                assertEquals(2, meta.getScale(3));
                assertEquals(Types.BIGINT, meta.getColumnType(4));
                assertEquals(Types.DOUBLE, meta.getColumnType(5));
                assertEquals(Types.DATE, meta.getColumnType(6));
                assertEquals(Types.TIMESTAMP, meta.getColumnType(7));
                assertEquals(Types.VARBINARY, meta.getColumnType(8));
                assertFalse(rs.next());
            }
        }
    }

    private static void errorsAndTransactions(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            SQLException syntax = assertThrows(SQLException.class, () -> s.execute("selec 1"));
            assertEquals(1064, syntax.getErrorCode());
            assertTrue(syntax instanceof SQLSyntaxErrorException, syntax.toString());
            SQLException missing = assertThrows(SQLException.class, () -> s.executeQuery("select * from nowhere"));
            assertEquals(1146, missing.getErrorCode());
            assertEquals("42S02", missing.getSQLState());
            s.execute("create table " + table + "(id int primary key)");
            s.execute("insert into " + table + " values (1)");
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> s.execute("insert into " + table + " values (1)"));
            assertEquals(1062, duplicate.getErrorCode());
            assertTrue(duplicate instanceof SQLIntegrityConstraintViolationException, duplicate.toString());

            c.setAutoCommit(false);
            s.execute("insert into " + table + " values (2)");
            c.rollback();
            s.execute("insert into " + table + " values (3)");
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("select id from " + table + " order by id")) {
                StringBuilder ids = new StringBuilder();
                while (rs.next()) {
                    ids.append(rs.getInt(1)).append(' ');
                }
                assertEquals("1 3 ", ids.toString());
            }
        }
    }

    @Test
    void mariadbConnectorTextProtocol() throws Exception {
        try (Connection c = mariadb("")) {
            roundTrip(c, "mariadb-text");
            errorsAndTransactions(c, "mt");
        }
    }

    @Test
    void mariadbConnectorBinaryProtocol() throws Exception {
        try (Connection c = mariadb("&useServerPrepStmts=true")) {
            roundTrip(c, "mariadb-binary");
            errorsAndTransactions(c, "mb");
        }
    }

    @Test
    void mysqlConnectorTextProtocol() throws Exception {
        try (Connection c = mysql(server, "sslMode=DISABLED")) {
            roundTrip(c, "mysql-text");
            errorsAndTransactions(c, "myt");
        }
    }

    @Test
    void mysqlConnectorBinaryProtocol() throws Exception {
        try (Connection c = mysql(server, "sslMode=DISABLED&useServerPrepStmts=true")) {
            roundTrip(c, "mysql-binary");
            errorsAndTransactions(c, "myb");
        }
    }

    /**
     * A client that starts with another plugin than the account's (here Connector/J told to begin
     * with caching_sha2_password) is switched with AuthSwitchRequest.
     */
    @Test
    void mysqlConnectorIsSwitchedToTheAccountsPlugin() throws Exception {
        long switches = server.authPaths().switchCount();
        try (Connection c = mysql(server, "sslMode=DISABLED&defaultAuthenticationPlugin=caching_sha2_password"
                + "&allowPublicKeyRetrieval=true")) {
            assertTrue(c.isValid(5));
        }
        assertEquals(switches + 1, server.authPaths().switchCount(), server.authPaths().toString());
    }

    @Test
    void mysqlConnectorOverTls() throws Exception {
        try (Connection c = mysql(server, "sslMode=REQUIRED"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 'tls' as t")) {
            assertTrue(rs.next());
            assertEquals("tls", rs.getString(1));
        }
    }

    /** caching_sha2_password without TLS: the RSA key exchange first, then the cache's fast path. */
    @Test
    void mysqlConnectorCachingSha2RsaThenFast() throws Exception {
        try (MyServer sha2 = TestServers.start(AuthPlugin.CACHING_SHA2_PASSWORD, null)) {
            for (int i = 0; i < 2; i++) {
                try (Connection c = mysql(sha2, "sslMode=DISABLED&allowPublicKeyRetrieval=true&useServerPrepStmts=true");
                     PreparedStatement p = c.prepareStatement("select ? + 1")) {
                    p.setInt(1, 41);
                    try (ResultSet rs = p.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(42, rs.getInt(1));
                    }
                }
            }
            assertEquals(1, sha2.authPaths().sha2FullRsaCount(), sha2.authPaths().toString());
            assertEquals(1, sha2.authPaths().sha2FastCount(), sha2.authPaths().toString());
            // Without permission to fetch the key, the driver refuses on its own side; a wrong password is refused by us.
            SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:mysql://127.0.0.1:" + sha2.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                    TestServers.USER, "wrong"));
            assertEquals(1045, wrong.getErrorCode());
        }
    }

    /** caching_sha2_password over TLS: the password in clear inside TLS, then the fast path. */
    @Test
    void mysqlConnectorCachingSha2OverTls() throws Exception {
        try (MyServer sha2 = TestServers.start(AuthPlugin.CACHING_SHA2_PASSWORD, tls)) {
            try (Connection c = mysql(sha2, "sslMode=REQUIRED"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select 7")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
            assertEquals(1, sha2.authPaths().sha2FullTlsCount(), sha2.authPaths().toString());
            try (Connection c = mysql(sha2, "sslMode=DISABLED")) {
                assertTrue(c.isValid(5));
            }
            assertEquals(1, sha2.authPaths().sha2FastCount(), sha2.authPaths().toString());
        }
    }

    /** Enough rows to be sent in several flushes, read back in order over both protocols. */
    @Test
    void longResultsAreStreamed() throws Exception {
        for (String options : new String[] {"", "&useServerPrepStmts=true"}) {
            try (Connection c = mariadb(options);
                 PreparedStatement p = c.prepareStatement(
                         "select r.*, repeat('r', 40) as filler from system_range(1, ?) r order by 1")) {
                p.setInt(1, 20_000);
                try (ResultSet rs = p.executeQuery()) {
                    long expected = 1;
                    while (rs.next()) {
                        assertEquals(expected++, rs.getLong(1));
                    }
                    assertEquals(20_001, expected);
                }
            }
        }
    }

    /**
     * What a one-port server does: it accepts the connection itself and hands the socket over before
     * the client has sent anything (MySQL's server speaks first).
     */
    @Test
    void handlerServesASocketAcceptedElsewhere() throws Exception {
        try (java.net.ServerSocket router = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress());
             io.sqlxwire.examples.bridge.SqlDatabase database = io.sqlxwire.examples.bridge.SqlDatabase.inMemory(
                     io.sqlxwire.examples.bridge.CompatibilityMode.MYSQL)) {
            MyConnectionHandler handler = MyConnectionHandler.over(
                    ServerConfig.of(TestServers.USER, TestServers.PASSWORD), database);
            Thread accept = new Thread(() -> {
                try {
                    handler.serve(router.accept());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            accept.start();
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + router.getLocalPort()
                    + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", TestServers.USER, TestServers.PASSWORD);
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 'routed'")) {
                assertTrue(rs.next());
                assertEquals("routed", rs.getString(1));
            }
            accept.join(10_000);
            assertFalse(accept.isAlive());
            assertEquals(1, handler.authPaths().sha2FullRsaCount() + handler.authPaths().sha2FullTlsCount()
                    + handler.authPaths().sha2FastCount(), handler.authPaths().toString());
        }
    }

    /** Streams with server-side prepared statements arrive in COM_STMT_SEND_LONG_DATA pieces. */
    @Test
    void streamsAreSentAsLongData() throws Exception {
        byte[] big = new byte[200_000];
        new java.util.Random(3).nextBytes(big);
        try (Connection c = mysql(server, "sslMode=DISABLED&useServerPrepStmts=true&blobSendChunkSize=65536");
             Statement s = c.createStatement()) {
            s.execute("create table streamed(id int primary key, payload blob)");
            try (PreparedStatement insert = c.prepareStatement("insert into streamed values (?, ?)")) {
                insert.setInt(1, 1);
                insert.setBinaryStream(2, new java.io.ByteArrayInputStream(big), big.length);
                assertEquals(1, insert.executeUpdate());
                insert.setInt(1, 2);
                insert.setBinaryStream(2, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
                assertEquals(1, insert.executeUpdate());   // the first value's pieces do not linger
            }
            try (ResultSet rs = s.executeQuery("select payload from streamed order by id")) {
                assertTrue(rs.next());
                assertArrayEquals(big, rs.getBytes(1));
                assertTrue(rs.next());
                assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(1));
            }
        }
    }
}
