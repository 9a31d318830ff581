package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payloads of 16 MiB and more: MariaDB Connector/J inserts a 17 MiB value (a COM_QUERY, or a
 * COM_STMT_EXECUTE, split by the driver into a 0xFFFFFF-byte packet and the rest, which the server
 * joins) and selects it back (a row the server's frame encoder splits, with a sequence id per part,
 * which the driver joins and checks).
 */
class LargePacketsTest {
    /** 17 MiB: one full packet of 0xFFFFFF bytes and about a mebibyte more. */
    private static final int SIZE = 17 * 1024 * 1024;

    static MyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(AuthPlugin.MYSQL_NATIVE_PASSWORD, null);
        try (Connection c = mariadb(""); Statement s = c.createStatement()) {
            s.execute("create table big(id int primary key, v longtext)");
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

    /** A value that is not one byte repeated: a misplaced or lost piece changes its digest. */
    private static String value(int seed) {
        StringBuilder b = new StringBuilder(SIZE);
        for (int i = 0; b.length() < SIZE; i++) {
            b.append(Integer.toString(i * 31 + seed, 36)).append(' ');
        }
        b.setLength(SIZE);
        return b.toString();
    }

    private static String digest(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void roundTrip(String options, int id) throws Exception {
        String sent = value(id);
        try (Connection c = mariadb(options)) {
            try (PreparedStatement insert = c.prepareStatement("insert into big values (?, ?)")) {
                insert.setInt(1, id);
                insert.setString(2, sent);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = c.prepareStatement("select v, length(v) from big where id = ?")) {
                select.setInt(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    assertTrue(rs.next());
                    String back = rs.getString(1);
                    assertEquals(SIZE, back.length());
                    assertEquals(digest(sent), digest(back));
                    assertEquals(SIZE, rs.getLong(2));
                }
            }
            // the connection goes on: the sequence ids after the split packets were right
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from big")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) >= 1);
            }
        }
    }

    @Test
    void aValueOver16MibGoesInAndComesBackAsText() throws Exception {
        roundTrip("", 1);
    }

    @Test
    void aValueOver16MibGoesInAndComesBackAsABinaryRow() throws Exception {
        roundTrip("&useServerPrepStmts=true", 2);
    }
}
