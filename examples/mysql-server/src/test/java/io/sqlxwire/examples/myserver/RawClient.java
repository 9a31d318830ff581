package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.examples.auth.MysqlNativePassword;
import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MySession;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-made client for what the real ones never send (garbage, commands they do not use, no
 * CLIENT_DEPRECATE_EOF): it writes packets byte by byte and reads the server's whole packets; tests
 * decode them with the generated records, given {@link #session} with the negotiated capabilities.
 */
final class RawClient implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;
    final byte[] greeting;
    final MySession session = new MySession();

    RawClient(int port) throws Exception {
        socket = new Socket("127.0.0.1", port);
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

    void command(int command, String argument) throws Exception {
        byte[] text = argument.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[1 + text.length];
        body[0] = (byte) command;
        System.arraycopy(text, 0, body, 1, text.length);
        send(0, body);
    }

    /** Logs in with mysql_native_password; {@code deprecateEof} decides CLIENT_DEPRECATE_EOF. */
    void login(boolean deprecateEof) throws Exception {
        byte[] scramble = new byte[20];
        int at = 1;
        while (greeting[at] != 0) {
            at++;
        }
        at += 1 + 4;
        System.arraycopy(greeting, at, scramble, 0, 8);
        at += 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10;
        System.arraycopy(greeting, at, scramble, 8, 12);
        long flags = MyCapabilityFlags.CLIENT_PROTOCOL_41 | MyCapabilityFlags.CLIENT_RESERVED2
                | MyCapabilityFlags.CLIENT_PLUGIN_AUTH | MyCapabilityFlags.CLIENT_LONG_PASSWORD
                | MyCapabilityFlags.CLIENT_TRANSACTIONS
                | (deprecateEof ? MyCapabilityFlags.CLIENT_DEPRECATE_EOF : 0);
        session.capabilities = new MyCapabilityFlags(flags);
        ByteArrayOutputStream r = new ByteArrayOutputStream();
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

    static int errorCode(byte[] packet) {
        assertEquals((byte) 0xFF, packet[0], "an ERR packet: " + Arrays.toString(packet));
        return (packet[1] & 0xFF) | (packet[2] & 0xFF) << 8;
    }

    @Override
    public void close() throws java.io.IOException {
        socket.close();
    }
}
