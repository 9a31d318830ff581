package io.sqlxwire.examples.pgserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sqlxwire.examples.auth.PostgresMd5Password;
import io.sqlxwire.protocols.postgresql.PgAuthenticationDecoder;
import io.sqlxwire.protocols.postgresql.PgBackendDispatcher;
import io.sqlxwire.protocols.postgresql.PgBackendHandler;
import io.sqlxwire.protocols.postgresql.PgCommandCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgDataRowDecoder;
import io.sqlxwire.protocols.postgresql.PgErrorResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldCode;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldDecoder;
import io.sqlxwire.protocols.postgresql.PgReadyForQueryDecoder;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgTaggedFraming;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-driven client that sends whatever bytes a test gives it and reads the server's answers
 * with the generated backend decoders, summarised as short strings: {@code R5} (an authentication
 * request with code 5), {@code E 08P01 FATAL message}, {@code Z I}, {@code C SELECT 1}, {@code D 1|x}.
 */
final class RawClient implements AutoCloseable {
    final Socket socket;
    private final InputStream in;
    private final FrameAccumulator frames = new FrameAccumulator(PgTaggedFraming.INSTANCE, Limits.DEFAULTS);
    private final PgBackendDispatcher dispatcher = new PgBackendDispatcher(new PgSession());
    private final List<String> received = new ArrayList<>();
    private byte[] lastMd5Salt;
    private boolean eof;

    RawClient(int port) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Over a socket the test opened itself (a TLS one, say). */
    RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    /** A TLS connection that trusts any certificate and offers the given ALPN names (none if empty). */
    static javax.net.ssl.SSLSocket directTls(int port, String... alpn) throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                // A test's self-signed certificate.
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port);
        if (alpn.length > 0) {
            javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(alpn);
            socket.setSSLParameters(parameters);
        }
        return socket;
    }

    void send(byte[]... parts) throws IOException {
        for (byte[] part : parts) {
            socket.getOutputStream().write(part);
        }
        socket.getOutputStream().flush();
    }

    static byte[] startup(String user) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 3, 0, 0});
        body.writeBytes(cstring("user"));
        body.writeBytes(cstring(user));
        body.write(0);
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(4 + b.length).putInt(4 + b.length).put(b).array();
    }

    static byte[] tagged(char tag, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) tag).putInt(4 + body.length).put(body).array();
    }

    static byte[] cstring(String s) {
        byte[] bytes = s.getBytes(UTF_8);
        return ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) 0).array();
    }

    /** Parse of an unnamed statement without declared parameter types. */
    static byte[] parse(String sql) {
        byte[] text = cstring(sql);
        return tagged('P', ByteBuffer.allocate(1 + text.length + 2).put((byte) 0).put(text).putShort((short) 0).array());
    }

    /** Bind of the unnamed portal to the unnamed statement, no parameters, text results. */
    static byte[] bind() {
        return tagged('B', new byte[] {0, 0, 0, 0, 0, 0, 0, 0});
    }

    static byte[] execute(int maxRows) {
        return tagged('E', ByteBuffer.allocate(5).put((byte) 0).putInt(maxRows).array());
    }

    static byte[] sync() {
        return tagged('S', new byte[0]);
    }

    static byte[] query(String sql) {
        return tagged('Q', cstring(sql));
    }

    /** Logs in against a server using MD5; returns what the server said up to ReadyForQuery. */
    List<String> loginMd5(String user, String password) throws IOException {
        send(startup(user));
        List<String> request = readUntil("R");
        if (!request.get(request.size() - 1).equals("R5")) {
            throw new IllegalStateException("expected an MD5 request, got " + request);
        }
        send(tagged('p', cstring(PostgresMd5Password.response(user, password, lastMd5Salt))));
        return readUntil("Z");
    }

    /** Reads messages until one starting with {@code prefix} (or EOF); returns all read. */
    List<String> readUntil(String prefix) throws IOException {
        int from = received.size();
        byte[] buffer = new byte[8192];
        while (true) {
            for (int i = from; i < received.size(); i++) {
                if (received.get(i).startsWith(prefix)) {
                    List<String> read = new ArrayList<>(received.subList(from, i + 1));
                    received.subList(from, i + 1).clear();
                    return read;
                }
            }
            if (eof) {
                List<String> read = new ArrayList<>(received.subList(from, received.size()));
                read.add("EOF");
                return read;
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException reset) {
                n = -1; // a reset after the server's last words counts as its close
            }
            if (n < 0) {
                eof = true;
                continue;
            }
            frames.feed(buffer, 0, n);
            while (frames.next()) {
                dispatcher.dispatch(frames.frame(), handler);
            }
        }
    }

    /** Everything until the server closes the connection; the last element is "EOF". */
    List<String> readToEnd() throws IOException {
        return readUntil("\u0000never");
    }

    private final PgBackendHandler handler = new PgBackendHandler() {
        @Override
        public void onAuthentication(PgAuthenticationDecoder m) {
            if (m.bodyArm() == 1) {
                lastMd5Salt = m.bodyAsMd5Password().salt().toByteArray();
            }
            received.add("R" + m.code());
        }

        @Override
        public void onErrorResponse(PgErrorResponseDecoder m) {
            String severity = "";
            String state = "";
            String message = "";
            PgErrorResponseDecoder.FieldsCursor fields = m.fields();
            while (fields.hasNext()) {
                PgNoticeFieldDecoder f = fields.next();
                if (f.code() == PgNoticeFieldCode.SEVERITY.value()) {
                    severity = f.valueAsString();
                } else if (f.code() == PgNoticeFieldCode.SQLSTATE.value()) {
                    state = f.valueAsString();
                } else if (f.code() == PgNoticeFieldCode.MESSAGE.value()) {
                    message = f.valueAsString();
                }
            }
            received.add("E " + state + " " + severity + " " + message);
        }

        @Override
        public void onNegotiateProtocolVersion(io.sqlxwire.protocols.postgresql.PgNegotiateProtocolVersionDecoder m) {
            received.add("v " + m.newestMinorVersion() + " " + m.unrecognizedCount());
        }

        @Override
        public void onPortalSuspended(io.sqlxwire.protocols.postgresql.PgPortalSuspendedDecoder m) {
            received.add("s");
        }

        @Override
        public void onParseComplete(io.sqlxwire.protocols.postgresql.PgParseCompleteDecoder m) {
            received.add("1");
        }

        @Override
        public void onBindComplete(io.sqlxwire.protocols.postgresql.PgBindCompleteDecoder m) {
            received.add("2");
        }

        @Override
        public void onReadyForQuery(PgReadyForQueryDecoder m) {
            received.add("Z " + (char) m.status());
        }

        @Override
        public void onCommandComplete(PgCommandCompleteDecoder m) {
            received.add("C " + m.commandTagAsString());
        }

        @Override
        public void onDataRow(PgDataRowDecoder m) {
            StringBuilder row = new StringBuilder("D ");
            PgDataRowDecoder.ColumnsCursor columns = m.columns();
            while (columns.hasNext()) {
                columns.next();
                row.append(row.length() > 2 ? "|" : "").append(columns.isValueNull() ? "NULL" : new String(columns.value().toByteArray(), UTF_8));
            }
            received.add(row.toString());
        }

        @Override
        public void onUnknown(long tag, io.sqlxwire.runtime.buffer.WireBuffer body) {
            received.add("? " + (char) tag);
        }
    };

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
