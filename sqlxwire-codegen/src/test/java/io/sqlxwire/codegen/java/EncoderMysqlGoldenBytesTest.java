package io.sqlxwire.codegen.java;

import static io.sqlxwire.codegen.java.EncoderHarness.call;
import static io.sqlxwire.codegen.java.EncoderHarness.framed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySQL packets from a MariaDB client session, re-encoded from their values. */
class EncoderMysqlGoldenBytesTest {

    static EncoderHarness my;
    static List<byte[]> client;
    static List<byte[]> server;

    @BeforeAll
    static void compile() throws IOException {
        my = new EncoderHarness("mysql.wire");
        byte[][] streams = EncoderHarness.streams(EncoderGoldenBytesTest.CAPTURES.resolve("local/my-mariadb-cli.conv"));
        client = EncoderHarness.mysqlPackets(streams[0]);
        server = EncoderHarness.mysqlPackets(streams[1]);
    }

    private static byte[] packet(int sequence, java.util.function.Consumer<io.sqlxwire.runtime.buffer.WireWriter> body) {
        Object frame = my.make("MyPacketFrameEncoder");
        return framed(frame, out -> call(frame, "sequenceId", sequence), body);
    }

    @Test
    void handshakeV10() {
        byte[] real = server.get(0);
        byte[] bytes = packet(0, out -> {
            Object m = my.make("MyHandshakeV10Encoder");
            call(m, "wrap", out);
            call(m, "serverVersion", "5.5.5-10.11.19-MariaDB-0+deb12u1");
            call(m, "threadId", 6L);
            call(m, "authPluginDataPart1", EncoderHarness.hex("265a73542a72255c"));
            call(m, "characterSet", 8);
            call(m, "statusFlags", 0x0002);
            call(m, "capabilities", 0x81fff7feL);
            call(m, "authPluginDataLen", 21);
            call(m, "mariadbCapabilities", 0x1dL);
            call(m, "authPluginDataPart2", EncoderHarness.hex("22316e574c56494d256e7b4300"));
            call(m, "authPluginName", "mysql_native_password");
            call(m, "finish");
        });
        // MariaDB's extended capabilities (0x1d) sit in the last 4 of the 10 reserved bytes; mysql.wire
        // reads them when CLIENT_MYSQL (CLIENT_LONG_PASSWORD) is clear, so the packet matches exactly.
        assertArrayEquals(real, bytes);
    }

    @Test
    void comQuery() {
        Object session = my.make("MySession");
        my.set(session, "capabilities", my.make("MyCapabilityFlags", 0x00bfa28cL & 0x81fff7feL));
        byte[] bytes = packet(0, out -> {
            Object m = my.make("MyComQueryEncoder");
            call(m, "wrap", out, session);
            call(m, "query", (Object) "select 1 as one, 'two' as two, null as nothing".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            call(m, "finish");
        });
        assertArrayEquals(client.get(1), bytes);
    }
}
