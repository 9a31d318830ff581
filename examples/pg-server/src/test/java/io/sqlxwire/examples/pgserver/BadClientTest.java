package io.sqlxwire.examples.pgserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send bad bytes get an ErrorResponse with SQLSTATE 08P01 and a closed connection;
 * the server goes on serving everyone else.
 */
class BadClientTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(PgServerConfig.AuthMethod.MD5, null, 20, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        // After all the abuse a real client still gets served.
        try (Connection c = server.pgjdbc(""); ResultSet rs = c.createStatement().executeQuery("select 'still here'")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        } finally {
            server.close();
        }
    }

    private static List<String> answerTo(byte[]... parts) throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send(parts);
            client.socket.shutdownOutput();
            return client.readToEnd();
        }
    }

    private static void assertProtocolViolation(List<String> answer) {
        assertEquals(2, answer.size(), answer.toString());
        assertTrue(answer.get(0).startsWith("E 08P01 FATAL "), answer.toString());
        assertEquals("EOF", answer.get(1));
    }

    @Test
    void httpRequestInsteadOfAStartupPacket() throws Exception {
        List<String> answer = answerTo("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        assertProtocolViolation(answer);
    }

    @Test
    void startupPacketTooShortOrTooLong() throws Exception {
        assertProtocolViolation(answerTo(new byte[] {0, 0, 0, 2}));
        assertProtocolViolation(answerTo(new byte[] {0, 0, 0x7f, (byte) 0xff, 0, 3, 0, 0}));
    }

    @Test
    void unknownProtocolVersion() throws Exception {
        byte[] v2 = ByteBuffer.allocate(16).putInt(16).putInt(0x00020000).put("user\0a\0\0".getBytes()).array();
        List<String> answer = answerTo(v2);
        assertProtocolViolation(answer);
        assertTrue(answer.get(0).contains("startup packet"), answer.toString());
    }

    @Test
    void protocol32ClientIsToldToSpeak30() throws Exception {
        byte[] body = "\0\3\0\2user\0alice\0_pq_.future\0on\0\0".getBytes();
        byte[] startup = ByteBuffer.allocate(4 + body.length).putInt(4 + body.length).put(body).array();
        try (RawClient client = new RawClient(server.port())) {
            client.send(startup);
            assertEquals(List.of("v 0 1", "R5"), client.readUntil("R"));
        }
    }

    @Test
    void truncatedStartupPacket() throws Exception {
        byte[] startup = RawClient.startup("alice");
        List<String> answer = answerTo(java.util.Arrays.copyOf(startup, startup.length - 3));
        assertProtocolViolation(answer);
        assertTrue(answer.get(0).contains("EOF"), answer.toString());
    }

    @Test
    void startupWithoutUser() throws Exception {
        byte[] noUser = ByteBuffer.allocate(9).putInt(9).putInt(0x00030000).put((byte) 0).array();
        List<String> answer = answerTo(noUser);
        assertEquals(2, answer.size(), answer.toString());
        assertTrue(answer.get(0).startsWith("E 28000 FATAL"), answer.toString());
    }

    @Test
    void queryBeforeAuthenticationIsOutOfOrder() throws Exception {
        List<String> answer = answerTo(RawClient.startup("alice"), RawClient.query("select 1"));
        assertEquals("R5", answer.get(0));
        assertTrue(answer.get(1).startsWith("E 08P01 FATAL") && answer.get(1).contains("Query"), answer.toString());
        assertEquals("EOF", answer.get(2));
    }

    private static RawClient loggedIn() throws Exception {
        RawClient client = new RawClient(server.port());
        List<String> login = client.loginMd5(TestServer.USER, TestServer.PASSWORD);
        assertEquals("R0", login.get(0), login.toString());
        assertEquals("Z I", login.get(login.size() - 1));
        return client;
    }

    @Test
    void garbageAfterLogin() throws Exception {
        try (RawClient client = loggedIn()) {
            client.send(RawClient.query("select 1, null"));
            assertEquals(List.of("D 1|NULL", "C SELECT 1", "Z I"), client.readUntil("Z").subList(0, 3));
            client.send(new byte[] {'!', 0, 0, 0, 4});
            assertProtocolViolation(client.readToEnd());
        }
    }

    @Test
    void malformedMessageBodies() throws Exception {
        // A Bind announcing 5 parameter formats in a 12-byte body; a Query without its NUL; an oversized length;
        byte[] bind = RawClient.tagged('B', new byte[] {0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0});
        byte[] query = RawClient.tagged('Q', "select 1".getBytes());
        byte[] huge = {'Q', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        // A Parse with a negative parameter type count.
        byte[] parse = RawClient.tagged('P', new byte[] {0, 'x', 0, (byte) 0xff, (byte) 0xff});
        for (byte[] bad : List.of(bind, query, huge, parse)) {
            try (RawClient client = loggedIn()) {
                client.send(bad);
                client.socket.shutdownOutput();
                assertProtocolViolation(client.readToEnd());
            }
        }
    }

    @Test
    void truncatedMessageAfterLogin() throws Exception {
        try (RawClient client = loggedIn()) {
            byte[] query = RawClient.query("select 12345");
            client.send(java.util.Arrays.copyOf(query, query.length - 4));
            client.socket.shutdownOutput();
            List<String> answer = client.readToEnd();
            assertProtocolViolation(answer);
            assertTrue(answer.get(0).contains("EOF"), answer.toString());
        }
    }

    @Test
    void extendedQueryErrorsSkipToSync() throws Exception {
        try (RawClient client = loggedIn()) {
            // Bind to a statement that does not exist, then an Execute that must be skipped, then Sync.
            byte[] bind = RawClient.tagged('B', new byte[] {0, 'n', 'o', 0, 0, 0, 0, 0, 0, 0});
            byte[] execute = RawClient.tagged('E', new byte[] {0, 0, 0, 0, 0});
            byte[] sync = RawClient.tagged('S', new byte[0]);
            client.send(bind, execute, sync);
            List<String> answer = client.readUntil("Z");
            assertEquals(2, answer.size(), answer.toString());
            assertTrue(answer.get(0).startsWith("E 26000 ERROR"), answer.toString());
            assertEquals("Z I", answer.get(1));
            client.send(RawClient.query("select 2"));
            assertEquals("D 2", client.readUntil("D").get(0), "the session goes on");
        }
    }

    @Test
    void executeWithARowLimitSuspendsThePortal() throws Exception {
        try (RawClient client = loggedIn()) {
            client.send(RawClient.query("begin"));
            client.readUntil("Z");
            client.send(RawClient.parse("select * from system_range(1, 5)"), RawClient.bind(),
                    RawClient.execute(2), RawClient.execute(2), RawClient.execute(0), RawClient.sync());
            assertEquals(List.of("1", "2", "D 1", "D 2", "s", "D 3", "D 4", "s", "D 5", "C SELECT 5", "Z T"),
                    client.readUntil("Z"));
        }
    }

    @Test
    void aBadParameterInsideABlockFailsTheBlock() throws Exception {
        try (RawClient client = loggedIn()) {
            client.send(RawClient.query("begin"));
            assertEquals(List.of("C BEGIN", "Z T"), client.readUntil("Z"));
            // $1 is int4 (declared); its text "x" is not an integer.
            byte[] parse = RawClient.tagged('P', new byte[] {0, 's', 'e', 'l', 'e', 'c', 't', ' ', '$', '1', 0, 0, 1, 0, 0, 0, 23});
            byte[] bind = RawClient.tagged('B', new byte[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 'x', 0, 0});
            client.send(parse, bind, RawClient.execute(0), RawClient.sync());
            List<String> answer = client.readUntil("Z");
            assertEquals("1", answer.get(0));
            assertTrue(answer.get(1).startsWith("E 22P02 ERROR"), answer.toString());
            assertEquals("Z E", answer.get(2));
            client.send(RawClient.query("rollback"));
            assertEquals(List.of("C ROLLBACK", "Z I"), client.readUntil("Z"));
        }
    }

    @Test
    void aRouterThatReadTheFirstBytesHandsTheConnectionOver() throws Exception {
        PgConnectionHandler handler = new PgConnectionHandler(new PgServerConfig(TestServer.USER, TestServer.PASSWORD,
                PgServerConfig.AuthMethod.SCRAM_SHA_256, server.database, null, Duration.ofSeconds(30)));
        try (java.net.ServerSocket router = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread routerThread = new Thread(() -> {
                try (java.net.Socket socket = router.accept()) {
                    byte[] prefix = socket.getInputStream().readNBytes(8); // enough to tell the protocol
                    handler.serve(socket, prefix);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            routerThread.start();
            String url = "jdbc:postgresql://127.0.0.1:" + router.getLocalPort() + "/db?sslmode=disable";
            try (Connection c = java.sql.DriverManager.getConnection(url, TestServer.USER, TestServer.PASSWORD);
                 ResultSet rs = c.createStatement().executeQuery("select 'handed over'")) {
                assertTrue(rs.next());
                assertEquals("handed over", rs.getString(1));
            }
            routerThread.join(10_000);
        }
    }

    @Test
    void randomBytesNeverHangOrCrashTheServer() throws Exception {
        Random random = new Random(20261122);
        for (int i = 0; i < 150; i++) {
            byte[] garbage = new byte[1 + random.nextInt(40)];
            random.nextBytes(garbage);
            if (i % 3 == 0 && garbage.length >= 4) {
                // Plausible lengths get past the first check and exercise the decoders.
                ByteBuffer.wrap(garbage).putInt(garbage.length);
            }
            List<String> answer = answerTo(garbage);
            assertEquals("EOF", answer.get(answer.size() - 1), answer.toString());
            for (String message : answer.subList(0, answer.size() - 1)) {
                assertTrue(message.startsWith("E 08P01 FATAL") || message.startsWith("E 28000 FATAL")
                        || message.equals("R5") || message.equals("N"), "after " + java.util.HexFormat.of().formatHex(garbage) + ": " + answer);
            }
        }
    }

    @Test
    void randomMessagesAfterLoginNeverCauseAnInternalError() throws Exception {
        Random random = new Random(5);
        String tags = "PBDECSHQFdcfXp";
        for (int i = 0; i < 120; i++) {
            byte[] body = new byte[random.nextInt(24)];
            random.nextBytes(body);
            if (i % 2 == 0) {
                for (int b = 0; b < body.length; b++) {
                    body[b] = (byte) random.nextInt(3); // small numbers: plausible counts, names, formats
                }
            }
            char tag = tags.charAt(random.nextInt(tags.length()));
            try (RawClient client = loggedIn()) {
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                all.writeBytes(RawClient.tagged(tag, body));
                all.writeBytes(RawClient.sync());
                all.writeBytes(RawClient.query("select 'alive'"));
                try {
                    client.send(all.toByteArray());
                    client.socket.shutdownOutput();
                } catch (java.net.SocketException hungUp) {
                    // The server dropped the connection on the bad message already: read why.
                }
                List<String> answer = client.readToEnd();
                for (String message : answer) {
                    assertTrue(!message.startsWith("E XX000"), tag + " " + java.util.HexFormat.of().formatHex(body) + ": " + answer);
                }
                assertEquals("EOF", answer.get(answer.size() - 1));
            }
        }
    }

    @Test
    void connectionLimit() throws Exception {
        try (TestServer small = new TestServer(PgServerConfig.AuthMethod.MD5, null, 1, Duration.ofSeconds(30));
             RawClient first = new RawClient(small.port())) {
            first.loginMd5(TestServer.USER, TestServer.PASSWORD);
            try (RawClient second = new RawClient(small.port())) {
                List<String> answer = second.readToEnd();
                assertTrue(answer.get(0).startsWith("E 53300 FATAL"), answer.toString());
            }
        }
    }

    @Test
    void silentClientsAreDroppedAfterTheReadTimeout() throws Exception {
        try (TestServer impatient = new TestServer(PgServerConfig.AuthMethod.MD5, null, 5, Duration.ofMillis(600));
             RawClient client = new RawClient(impatient.port())) {
            client.loginMd5(TestServer.USER, TestServer.PASSWORD);
            List<String> answer = client.readToEnd();
            assertTrue(answer.get(0).startsWith("E 57P05 FATAL"), answer.toString());
            assertEquals("EOF", answer.get(1));
        }
    }
}
