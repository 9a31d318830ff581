package io.sqlxwire.examples.myclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connection phase and the simple commands, against the real MariaDB. */
@ExtendWith(MariaDbServer.class)
class ConnectionTest {

    @Test
    void authenticatesWithNativePassword() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            assertTrue(c.serverVersion().contains("MariaDB"), c.serverVersion());
            QueryResult who = c.query("SELECT CURRENT_USER(), DATABASE(), CONNECTION_ID()");
            assertEquals("native@%", who.value(0, 0));
            assertEquals(MariaDbServer.DATABASE, who.value(0, 1));
            assertEquals(c.connectionId(), who.value(0, 2));
            assertTrue(new MyCapabilityFlags(c.capabilities()).has(MyCapabilityFlags.CLIENT_DEPRECATE_EOF));
        }
    }

    @Test
    void wrongPasswordIsAnErrPacket() {
        ConnectOptions wrong = ConnectOptions.of("127.0.0.1", MariaDbServer.port(), MariaDbServer.USER, "not it");
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> MysqlConnection.open(wrong));
        assertEquals(1045, e.errorCode());
        assertEquals("28000", e.sqlState());
        assertTrue(e.serverMessage().startsWith("Access denied for user 'native'"), e.serverMessage());
    }

    @Test
    void followsAnAuthSwitchRequest() throws Exception {
        // Answering the greeting with caching_sha2_password makes MariaDB ask for the user's own
        // method: an AuthSwitchRequest to mysql_native_password with a new scramble.
        ConnectOptions sha2First = MariaDbServer.options().withAuthPlugin("caching_sha2_password");
        try (MysqlConnection c = MysqlConnection.open(sha2First)) {
            assertEquals(1L, c.query("SELECT 1").value(0, 0));
        }
    }

    @Test
    void pingAndInitDb() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            c.ping();
            c.initDb("mysql");
            assertEquals("mysql", c.query("SELECT DATABASE()").value(0, 0));
            ServerErrorException e = assertThrows(ServerErrorException.class, () -> c.initDb("no_such_schema"));
            assertEquals(1049, e.errorCode());
            assertEquals("42000", e.sqlState());
            c.ping();
            assertEquals("mysql", c.query("SELECT DATABASE()").value(0, 0));
        }
    }

    @Test
    void quitEndsTheServersSession() throws Exception {
        long id;
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            id = c.connectionId();
        }
        try (Connection jdbc = MariaDbServer.jdbc("");
             PreparedStatement s = jdbc.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            s.setLong(1, id);
            long left = 1;
            for (int attempt = 0; attempt < 50 && left > 0; attempt++) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    left = rs.getLong(1);
                }
                if (left > 0) {
                    Thread.sleep(20);
                }
            }
            assertEquals(0, left, "connection " + id + " still open after COM_QUIT");
        }
    }

    @Test
    void errorLeavesTheSessionUsable() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            c.query("SET @kept = 42");
            ServerErrorException e = assertThrows(ServerErrorException.class,
                    () -> c.query("SELECT * FROM no_such_table"));
            assertEquals(1146, e.errorCode());
            assertEquals("42S02", e.sqlState());
            assertEquals("Table 'sqlxwire.no_such_table' doesn't exist", e.serverMessage());
            ServerErrorException syntax = assertThrows(ServerErrorException.class, () -> c.query("SELEC 1"));
            assertEquals(1064, syntax.errorCode());
            assertEquals("42000", syntax.sqlState());
            assertEquals(List.of(42L), c.query("SELECT @kept").rows().get(0));
        }
    }
}
