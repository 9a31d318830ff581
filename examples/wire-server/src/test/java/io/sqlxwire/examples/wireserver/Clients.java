package io.sqlxwire.examples.wireserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Test clients: send some bytes, read the server's one-line answer, or see it close. */
final class Clients {

    /** Longer than any answer takes; a test that waits this long has failed anyway. */
    static final int READ_TIMEOUT_MS = 10_000;

    private Clients() {}

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Sends {@code bytes} at once and returns the answer line, or {@code null} when the server closed without one. */
    static String exchange(int port, byte[] bytes) throws IOException {
        try (Socket socket = connect(port)) {
            send(socket, bytes);
            return answer(socket);
        }
    }

    static void send(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Sends one byte at a time, {@code pauseMs} apart: a client whose first message arrives in pieces. */
    static void trickle(Socket socket, byte[] bytes, long pauseMs) throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(pauseMs);
        }
    }

    /**
     * The first line the server sends, or {@code null} if it closes the connection without a line:
     * with a FIN, or with a reset (TCP's answer to a close with client bytes still unread).
     */
    static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.US_ASCII);
                }
                line.write(b);
            }
        } catch (SocketException reset) {
            if (!String.valueOf(reset.getMessage()).contains("reset")) {
                throw reset;
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    /**
     * The first TLS record a JDK client sends: a ClientHello, offering {@code alpn} when given (what
     * PostgreSQL 17's libpq sends with sslnegotiation=direct: ALPN "postgresql").
     */
    static byte[] clientHello(String... alpn) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine("localhost", 5432);
            engine.setUseClientMode(true);
            if (alpn.length > 0) {
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setApplicationProtocols(alpn);
                engine.setSSLParameters(parameters);
            }
            engine.beginHandshake();
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            return Arrays.copyOf(out.array(), out.position());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
