package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Garbage, truncated and out-of-turn packets, unknown commands, silence and too many connections:
 * each gets an ERR (or a closed connection) and the server keeps serving real clients.
 */
class HostileClientsTest {
    static MyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = MyServer.start(ServerConfig.of(TestServers.USER, TestServers.PASSWORD)
                .withPlugin(AuthPlugin.MYSQL_NATIVE_PASSWORD)
                .withReadTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The connection is closed by the server: the next read sees the end of the stream. */
    static void assertClosed(RawClient raw) throws Exception {
        InputStream in = raw.socket.getInputStream();
        assertEquals(-1, in.read());
    }

    void assertServerStillServes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port()
                + "/?sslMode=disable", TestServers.USER, TestServers.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 40 + 2")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void garbageHandshakeResponseGetsErrAndClose() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.send(1, new byte[] {1, 2, 3, 4, 5, 6, 7});
            assertEquals(MyError.MALFORMED_PACKET, RawClient.errorCode(raw.packet()));
            assertClosed(raw);
        }
        assertServerStillServes();
    }

    @Test
    void randomBytesNeverCrashTheServer() throws Exception {
        Random random = new Random(6);
        for (int i = 0; i < 30; i++) {
            try (RawClient raw = new RawClient(server.port())) {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                raw.out.write(junk);
                raw.out.flush();
                raw.socket.shutdownOutput();
                // Whatever it answers (an ERR, or nothing for a packet that never completes), it closes.
                byte[] rest = raw.socket.getInputStream().readAllBytes();
                assertTrue(rest.length == 0 || (rest[4] & 0xFF) == 0xFF || (rest[4] & 0xFF) == 0x01
                        || (rest[4] & 0xFF) == 0xFE, Arrays.toString(rest));
            }
        }
        assertServerStillServes();
    }

    @Test
    void truncatedPacketClosesTheConnection() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.out.write(new byte[] {50, 0, 0, 1, 1, 2, 3});   // announces 50 bytes, sends 3
            raw.out.flush();
            raw.socket.shutdownOutput();
            assertEquals(0, raw.socket.getInputStream().readAllBytes().length);
        }
        assertServerStillServes();
    }

    @Test
    void unknownCommandIsAnErrAndTheConnectionGoesOn() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.login(true);
            raw.send(0, new byte[] {0x1b, 0, 0});   // COM_SET_OPTION: not offered
            assertEquals(MyError.UNKNOWN_COMMAND, RawClient.errorCode(raw.packet()));
            raw.send(0, new byte[] {0x0e});          // COM_PING
            assertEquals(0, raw.packet()[0]);
        }
    }

    @Test
    void malformedCommandGetsErrAndClose() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.login(true);
            raw.send(0, new byte[] {0x17, 1, 0});     // COM_STMT_EXECUTE cut inside the statement id
            assertEquals(MyError.MALFORMED_PACKET, RawClient.errorCode(raw.packet()));
            assertClosed(raw);
        }
        try (RawClient raw = new RawClient(server.port())) {
            raw.login(true);
            raw.send(0, "\u0016select cast(? as timestamp)".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, raw.packet()[0]);
            raw.packet();   // the parameter's definition
            raw.packet();   // the column's
            // COM_STMT_EXECUTE with a well-formed DATETIME of month 13
            raw.send(0, new byte[] {0x17, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0x0c, 0, 4, (byte) 0xe8, 0x07, 13, 1});
            assertEquals(MyError.MALFORMED_PACKET, RawClient.errorCode(raw.packet()));
            assertClosed(raw);
        }
        try (RawClient raw = new RawClient(server.port())) {
            raw.login(true);
            raw.send(0, "\u0016select cast(? as timestamp)".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, raw.packet()[0]);
            raw.packet();   // the parameter's definition
            raw.packet();   // the column's
            // COM_STMT_EXECUTE with a DATETIME of length 5 (only 0, 4, 7 and 11 exist): the decoder refuses it
            raw.send(0, new byte[] {0x17, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0x0c, 0, 5, (byte) 0xe8, 0x07, 1, 1, 0});
            byte[] err = raw.packet();
            assertEquals(MyError.MALFORMED_PACKET, RawClient.errorCode(err));
            assertTrue(new String(err, java.nio.charset.StandardCharsets.UTF_8).contains("form"));
            assertClosed(raw);
        }
        assertServerStillServes();
    }

    /** The statement travels as bytes: text that is no UTF-8 is the statement's problem, not the packet's. */
    @Test
    void aQueryThatIsNoUtf8GetsErr1300AndTheConnectionGoesOn() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.login(true);
            byte[] query = {0x03, (byte) 0xC3, 0x28};   // COM_QUERY whose text is no UTF-8
            raw.send(0, query);
            assertEquals(MyError.INVALID_CHARACTER_STRING, RawClient.errorCode(raw.packet()));
            raw.send(0, new byte[] {0x0e});          // COM_PING
            assertEquals(0, raw.packet()[0]);
        }
    }

    @Test
    void silentClientIsDisconnectedAfterTheReadTimeout() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            long start = System.nanoTime();
            assertClosed(raw);
            assertTrue(System.nanoTime() - start < 9_000_000_000L);
        }
    }

    /** On a server of its own, so that connections of other tests still closing take no slot. */
    @Test
    void connectionsOverTheLimitAreRefusedWithErr1040() throws Exception {
        try (MyServer small = MyServer.start(ServerConfig.of(TestServers.USER, TestServers.PASSWORD)
                .withPlugin(AuthPlugin.MYSQL_NATIVE_PASSWORD).withMaxConnections(2))) {
            RawClient first = new RawClient(small.port());
            RawClient second = new RawClient(small.port());
            try {
                first.login(true);
                second.login(true);
                try (Socket extra = new Socket("127.0.0.1", small.port())) {
                    extra.setSoTimeout(10_000);
                    byte[] all = extra.getInputStream().readAllBytes();
                    assertEquals((byte) 0xFF, all[4]);
                    assertEquals(1040, (all[5] & 0xFF) | (all[6] & 0xFF) << 8);
                }
            } finally {
                first.close();
                second.close();
            }
            // The slots come back when the connections end.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (RawClient again = new RawClient(small.port())) {
                    if (again.greeting[0] == 10) {
                        again.login(true);
                        break;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "no slot freed");
                Thread.sleep(50);
            }
        }
    }

    /**
     * Valid commands with one byte changed or the end cut off, after a real login: each gets an
     * answer (a result, OK, or an ERR that is never the server's "internal error") or a closed
     * connection, and the server goes on serving.
     */
    @Test
    void mutatedCommandsGetAnswersNotInternalErrors() throws Exception {
        byte[][] commands = {
            "\u0003select 1, 'two', null".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            {0x17, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 0, 7, 0, 0, 0},   // COM_STMT_EXECUTE of statement 1, one INT
            "\u0016select cast(? as int)".getBytes(java.nio.charset.StandardCharsets.UTF_8),   // COM_STMT_PREPARE
            {0x04, 't', 0, '%'},                                        // COM_FIELD_LIST
            {0x02, 'p', 'u', 'b', 'l', 'i', 'c'},                       // COM_INIT_DB
            {0x1a, 1, 0, 0, 0},                                         // COM_STMT_RESET
            // COM_STMT_EXECUTE with a DATETIME parameter: 2024-02-29 10:20:30
            {0x17, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0x0c, 0, 7, (byte) 0xe8, 0x07, 2, 29, 10, 20, 30},
        };
        Random random = new Random(66);
        for (int round = 0; round < 60; round++) {
            byte[] command = commands[round % commands.length].clone();
            if (random.nextBoolean()) {
                command[random.nextInt(command.length)] ^= (byte) (1 << random.nextInt(8));
            } else {
                command = Arrays.copyOf(command, random.nextInt(command.length));
            }
            try (RawClient raw = new RawClient(server.port())) {
                raw.login(true);
                raw.send(0, "\u0016select cast(? as int)".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                byte[] prepared = raw.packet();   // statement 1
                assertEquals(0, prepared[0], Arrays.toString(prepared));
                raw.packet();   // its parameter's definition
                raw.packet();   // its column's
                raw.send(0, command);
                raw.socket.shutdownOutput();
                byte[] rest = raw.socket.getInputStream().readAllBytes();
                String text = new String(rest, java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(!text.contains("internal error"), Arrays.toString(command) + " -> " + text);
            }
        }
        assertServerStillServes();
    }
}
