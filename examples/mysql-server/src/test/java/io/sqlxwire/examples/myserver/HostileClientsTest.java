package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.auth.MysqlNativePassword;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
                .withPlugin(AuthPlugin.MYSQL_NATIVE_PASSWORD).withMaxConnections(4)
                .withReadTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A raw connection that has read the greeting. */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;
        final byte[] greeting;

        Raw() throws Exception {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            greeting = packet();
        }

        byte[] packet() throws Exception {
            byte[] header = new byte[4];
            in.readFully(header);
            int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
            byte[] body = new byte[length];
            in.readFully(body);
            return body;
        }

        void send(int sequence, byte[] body) throws Exception {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(body.length & 0xFF);
            b.write(body.length >> 8 & 0xFF);
            b.write(body.length >> 16 & 0xFF);
            b.write(sequence);
            b.write(body);
            out.write(b.toByteArray());
            out.flush();
        }

        /** Logs in with mysql_native_password, built by hand. */
        void login() throws Exception {
            byte[] scramble = new byte[20];
            // greeting: version 10, server version NUL-terminated, thread id, 8 bytes of scramble ...
            int at = 1;
            while (greeting[at] != 0) {
                at++;
            }
            at += 1 + 4;
            System.arraycopy(greeting, at, scramble, 0, 8);
            at += 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10;
            System.arraycopy(greeting, at, scramble, 8, 12);
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            int flags = 0x200 | 0x8000 | 0x80000 | 0x1;   // PROTOCOL_41, SECURE_CONNECTION, PLUGIN_AUTH, LONG_PASSWORD
            r.write(new byte[] {(byte) flags, (byte) (flags >> 8), (byte) (flags >> 16), (byte) (flags >> 24)});
            r.write(new byte[] {0, 0, 0, 1, 45});
            r.write(new byte[23]);
            r.write(TestServers.USER.getBytes(StandardCharsets.UTF_8));
            r.write(0);
            byte[] auth = MysqlNativePassword.scramble(TestServers.PASSWORD, scramble);
            r.write(auth.length);
            r.write(auth);
            r.write("mysql_native_password".getBytes(StandardCharsets.UTF_8));
            r.write(0);
            send(1, r.toByteArray());
            byte[] ok = packet();
            assertEquals(0, ok[0], "OK after login: " + Arrays.toString(ok));
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    static int errorCode(byte[] packet) {
        assertEquals((byte) 0xFF, packet[0], "an ERR packet: " + Arrays.toString(packet));
        return (packet[1] & 0xFF) | (packet[2] & 0xFF) << 8;
    }

    /** The connection is closed by the server: the next read sees the end of the stream. */
    static void assertClosed(Raw raw) throws Exception {
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
        try (Raw raw = new Raw()) {
            raw.send(1, new byte[] {1, 2, 3, 4, 5, 6, 7});
            assertEquals(MyError.MALFORMED_PACKET, errorCode(raw.packet()));
            assertClosed(raw);
        }
        assertServerStillServes();
    }

    @Test
    void randomBytesNeverCrashTheServer() throws Exception {
        Random random = new Random(6);
        for (int i = 0; i < 30; i++) {
            try (Raw raw = new Raw()) {
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
        try (Raw raw = new Raw()) {
            raw.out.write(new byte[] {50, 0, 0, 1, 1, 2, 3});   // announces 50 bytes, sends 3
            raw.out.flush();
            raw.socket.shutdownOutput();
            assertEquals(0, raw.socket.getInputStream().readAllBytes().length);
        }
        assertServerStillServes();
    }

    @Test
    void unknownCommandIsAnErrAndTheConnectionGoesOn() throws Exception {
        try (Raw raw = new Raw()) {
            raw.login();
            raw.send(0, new byte[] {0x1b, 0, 0});   // COM_SET_OPTION: not offered
            assertEquals(MyError.UNKNOWN_COMMAND, errorCode(raw.packet()));
            raw.send(0, new byte[] {0x0e});          // COM_PING
            assertEquals(0, raw.packet()[0]);
        }
    }

    @Test
    void malformedCommandGetsErrAndClose() throws Exception {
        try (Raw raw = new Raw()) {
            raw.login();
            raw.send(0, new byte[] {0x17, 1, 0});     // COM_STMT_EXECUTE cut inside the statement id
            assertEquals(MyError.MALFORMED_PACKET, errorCode(raw.packet()));
            assertClosed(raw);
        }
        try (Raw raw = new Raw()) {
            raw.login();
            byte[] query = {0x03, (byte) 0xC3, 0x28};   // COM_QUERY whose text is no UTF-8
            raw.send(0, query);
            assertEquals(MyError.MALFORMED_PACKET, errorCode(raw.packet()));
            assertClosed(raw);
        }
        assertServerStillServes();
    }

    @Test
    void silentClientIsDisconnectedAfterTheReadTimeout() throws Exception {
        try (Raw raw = new Raw()) {
            long start = System.nanoTime();
            assertClosed(raw);
            assertTrue(System.nanoTime() - start < 9_000_000_000L);
        }
    }

    @Test
    void connectionsOverTheLimitAreRefusedWithErr1040() throws Exception {
        Raw[] held = new Raw[4];
        try {
            for (int i = 0; i < held.length; i++) {
                held[i] = new Raw();
                held[i].login();
            }
            try (Socket extra = new Socket("127.0.0.1", server.port())) {
                extra.setSoTimeout(10_000);
                byte[] all = extra.getInputStream().readAllBytes();
                assertEquals((byte) 0xFF, all[4]);
                assertEquals(1040, (all[5] & 0xFF) | (all[6] & 0xFF) << 8);
            }
        } finally {
            for (Raw raw : held) {
                if (raw != null) {
                    raw.close();
                }
            }
        }
        Thread.sleep(200);   // the held connections' threads release their slots
        assertServerStillServes();
    }
}
