package io.sqlxwire.examples.myclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.auth.CachingSha2Password;
import io.sqlxwire.protocols.mysql.MyAuthMoreDataEncoder;
import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MyHandshakeResponse41Decoder;
import io.sqlxwire.protocols.mysql.MyHandshakeV10Encoder;
import io.sqlxwire.protocols.mysql.MyOkPacketEncoder;
import io.sqlxwire.protocols.mysql.MySession;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What MariaDB cannot show: a MySQL 8 style server whose users authenticate with
 * caching_sha2_password, and a server that sends bad bytes. The server side is scripted with the
 * generated encoders on a loopback socket.
 */
class ScriptedServerTest {

    private static final String PASSWORD = "sha2-secret";
    private static final byte[] SEED = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    private static final long SERVER_CAPABILITIES = MyCapabilityFlags.CLIENT_LONG_PASSWORD
            | MyCapabilityFlags.CLIENT_PROTOCOL_41 | MyCapabilityFlags.CLIENT_TRANSACTIONS
            | MyCapabilityFlags.CLIENT_RESERVED2 | MyCapabilityFlags.CLIENT_MULTI_RESULTS
            | MyCapabilityFlags.CLIENT_PLUGIN_AUTH | MyCapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
            | MyCapabilityFlags.CLIENT_DEPRECATE_EOF;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void cachingSha2FastAuthentication() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Boolean> verified = executor.submit(() -> {
                try (Socket socket = listener.accept()) {
                    Packets server = new Packets(socket);
                    server.write(0, greeting());
                    MySession session = new MySession();
                    session.capabilities = new MyCapabilityFlags(SERVER_CAPABILITIES);
                    MyHandshakeResponse41Decoder response = new MyHandshakeResponse41Decoder()
                            .wrap(WireBuffer.of(server.read(1)), session);
                    boolean ok = response.clientPluginNameAsString().equals("caching_sha2_password")
                            && CachingSha2Password.verify(CachingSha2Password.cachedHash(PASSWORD), SEED,
                                    response.authResponse().toByteArray());
                    server.write(2, moreData(3));   // fast_auth_success
                    session.capabilities = new MyCapabilityFlags(SERVER_CAPABILITIES & response.clientFlag());
                    server.write(3, ok(session));
                    assertEquals(0x01, server.read(0)[0]);   // COM_QUIT
                    return ok;
                }
            });
            try (MysqlConnection c = MysqlConnection.open(options(listener))) {
                assertEquals("8.4.0-scripted", c.serverVersion());
            }
            assertTrue(verified.get(10, TimeUnit.SECONDS), "the scramble did not verify");
        }
    }

    @Test
    void cachingSha2FullAuthenticationIsRefusedClearly() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            executor.submit(() -> {
                try (Socket socket = listener.accept()) {
                    Packets server = new Packets(socket);
                    server.write(0, greeting());
                    server.read(1);
                    server.write(2, moreData(4));   // perform_full_authentication
                    socket.getInputStream().read();   // until the client hangs up
                }
                return null;
            });
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> MysqlConnection.open(options(listener)));
            assertTrue(e.getMessage().contains("full authentication"), e.getMessage());
        }
    }

    @Test
    void badBytesFromTheServerAreACodecException() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            executor.submit(() -> {
                try (Socket socket = listener.accept()) {
                    Packets server = new Packets(socket);
                    server.write(0, greeting());
                    server.read(1);
                    server.write(2, new byte[] {0x00, (byte) 0xFC, 0x01});   // an OK cut inside affected_rows
                    socket.getInputStream().read();
                }
                return null;
            });
            CodecException e = assertThrows(CodecException.class, () -> MysqlConnection.open(options(listener)));
            assertTrue(e.getMessage().startsWith("mysql OkPacket.ok.affected_rows"), e.getMessage());
        }
    }

    private static ConnectOptions options(ServerSocket listener) {
        return new ConnectOptions("127.0.0.1", listener.getLocalPort(), "app", PASSWORD, null, null,
                Duration.ofSeconds(10));
    }

    private static byte[] greeting() {
        WireWriter out = WireWriter.growable();
        new MyHandshakeV10Encoder().wrap(out)
                .serverVersion("8.4.0-scripted")
                .threadId(7)
                .authPluginDataPart1(SEED, 0, 8)
                .characterSet(255)
                .statusFlags(2)
                .capabilities(SERVER_CAPABILITIES)
                .authPluginDataLen(21)
                .authPluginDataPart2(java.util.Arrays.copyOfRange(SEED, 8, 21))   // 12 bytes and a NUL (copyOfRange pads)
                .authPluginName("caching_sha2_password")
                .finish();
        return out.toByteArray();
    }

    private static byte[] moreData(int status) {
        WireWriter out = WireWriter.growable();
        new MyAuthMoreDataEncoder().wrap(out).data(new byte[] {(byte) status}).finish();
        return out.toByteArray();
    }

    private static byte[] ok(MySession session) {
        WireWriter out = WireWriter.growable();
        MyOkPacketEncoder ok = new MyOkPacketEncoder().wrap(out, session);
        ok.ok().affectedRows(0).lastInsertId(0).statusFlags(2).warnings(0).infoRest("");
        ok.finish();
        return out.toByteArray();
    }

    /** The scripted server's packets: a 3-byte length and a sequence id, checked. */
    private static final class Packets {
        private final DataInputStream in;
        private final OutputStream out;

        Packets(Socket socket) throws IOException {
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        byte[] read(int expectedSequence) throws IOException {
            byte[] header = new byte[4];
            in.readFully(header);
            int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
            assertEquals(expectedSequence, header[3] & 0xFF, "sequence id");
            byte[] body = new byte[length];
            in.readFully(body);
            return body;
        }

        void write(int sequence, byte[] body) throws IOException {
            out.write(new byte[] {(byte) body.length, (byte) (body.length >> 8), (byte) (body.length >> 16),
                (byte) sequence});
            out.write(body);
            out.flush();
        }
    }
}
