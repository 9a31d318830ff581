package io.sqlxwire.examples.wireserver;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Handlers that answer a marker line instead of serving a protocol. The PostgreSQL ones read the
 * client's whole first message — the bytes handed over, then the socket — and echo it in hex, so a
 * test sees that the router lost, doubled or reordered nothing.
 */
final class StubHandlers {

    private StubHandlers() {}

    /** Answers {@code postgresql <hex of the first message>}: length-prefixed (i32 including itself). */
    static ProtocolHandler postgres() {
        return (socket, alreadyRead) -> {
            DataInputStream in = stream(socket, alreadyRead);
            int length = in.readInt();
            byte[] rest = in.readNBytes(length - 4);
            answer(socket, "postgresql " + hex(length) + HexFormat.of().formatHex(rest));
        };
    }

    /** Also takes direct TLS: answers {@code postgresql-tls <hex of the first TLS record>}. */
    static ProtocolHandler postgresWithDirectTls() {
        ProtocolHandler plain = postgres();
        return new ProtocolHandler() {
            @Override
            public void serve(Socket socket, byte[] alreadyRead) throws IOException {
                if (alreadyRead.length == 0 || alreadyRead[0] != 0x16) {
                    plain.serve(socket, alreadyRead);
                    return;
                }
                DataInputStream in = stream(socket, alreadyRead);
                byte[] header = in.readNBytes(5);
                int length = (header[3] & 0xFF) << 8 | header[4] & 0xFF;
                byte[] body = in.readNBytes(length);
                answer(socket, "postgresql-tls " + HexFormat.of().formatHex(header) + HexFormat.of().formatHex(body));
            }

            @Override
            public boolean acceptsDirectTls() {
                return true;
            }
        };
    }

    /** Server-first: greets the silent client with {@code mysql}. */
    static ProtocolHandler mysql() {
        return ProtocolHandler.serverFirst(socket -> answer(socket, "mysql"));
    }

    static DataInputStream stream(Socket socket, byte[] alreadyRead) throws IOException {
        InputStream rest = socket.getInputStream();
        return new DataInputStream(new SequenceInputStream(new ByteArrayInputStream(alreadyRead), rest));
    }

    static void answer(Socket socket, String marker) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((marker + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String hex(int i32) {
        return HexFormat.of().toHexDigits(i32);
    }
}
