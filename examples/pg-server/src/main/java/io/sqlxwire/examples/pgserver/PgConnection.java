package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.CompatibilityMode;
import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.bridge.SqlSession;
import io.sqlxwire.protocols.postgresql.PgBindDecoder;
import io.sqlxwire.protocols.postgresql.PgCancelRequestDecoder;
import io.sqlxwire.protocols.postgresql.PgCloseDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyDataInDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyDoneInDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyFailDecoder;
import io.sqlxwire.protocols.postgresql.PgDescribeDecoder;
import io.sqlxwire.protocols.postgresql.PgExecuteDecoder;
import io.sqlxwire.protocols.postgresql.PgFlushDecoder;
import io.sqlxwire.protocols.postgresql.PgFrontendDispatcher;
import io.sqlxwire.protocols.postgresql.PgFrontendHandler;
import io.sqlxwire.protocols.postgresql.PgFunctionCallDecoder;
import io.sqlxwire.protocols.postgresql.PgGSSENCRequestDecoder;
import io.sqlxwire.protocols.postgresql.PgGSSResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgParseDecoder;
import io.sqlxwire.protocols.postgresql.PgPasswordMessageDecoder;
import io.sqlxwire.protocols.postgresql.PgQueryDecoder;
import io.sqlxwire.protocols.postgresql.PgSASLInitialResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgSASLResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgSSLRequestDecoder;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgStartupMessageDecoder;
import io.sqlxwire.protocols.postgresql.PgStartupParameterDecoder;
import io.sqlxwire.protocols.postgresql.PgState;
import io.sqlxwire.protocols.postgresql.PgSyncDecoder;
import io.sqlxwire.protocols.postgresql.PgTerminateDecoder;
import io.sqlxwire.protocols.postgresql.PgTlsRecordFromClientDecoder;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * One client connection, from its first byte to its close, on the calling thread.
 *
 * <p>Bytes go through the runtime's {@link FrameAccumulator} with the framing the generated
 * {@link PgMachine} says is in force (untagged startup packets, then tagged messages) and through
 * the generated {@link PgFrontendDispatcher}, which decodes each message and calls this handler.
 * Each handler method first hands the message to the machine ({@code machine.receive}), which
 * refuses messages the current state does not allow; the server's answers go back to the machine
 * through {@link PgOutput}. Any {@link CodecException} — bad bytes, a message out of order — ends
 * the connection with an ErrorResponse (08P01).
 */
final class PgConnection implements PgFrontendHandler {
    private static final System.Logger LOG = System.getLogger(PgConnection.class.getName());
    /** The runtime's default bounds (32 MiB frames); the framings' own maxima (startup packets: 10000) apply first. */
    private static final Limits LIMITS = Limits.DEFAULTS;

    private final PgServerConfig config;
    private final BackendRegistry registry;
    private Socket socket;
    private InputStream in;
    private final PgOutput out;

    private PgMachine machine;
    private PgFrontendDispatcher dispatcher;
    private FrameAccumulator frames;
    private boolean tls;
    private boolean upgradeToTls;
    private boolean closed;

    private String user;
    private PgSettings settings;
    private PgPasswordCheck passwordCheck;
    private SqlSession session;
    private PgQueries queries;
    private BackendRegistry.Backend backend;

    /** {@code encrypted}: the socket is already TLS (direct TLS); SSLRequest is then refused with 'N'. */
    PgConnection(PgServerConfig config, BackendRegistry registry, Socket socket, boolean encrypted) throws IOException {
        this.config = config;
        this.registry = registry;
        this.socket = socket;
        this.tls = encrypted;
        this.in = socket.getInputStream();
        this.out = new PgOutput(socket.getOutputStream());
        startConversation();
    }

    /** A fresh machine in Startup: at connect, and again inside TLS after the handshake. */
    private void startConversation() throws IOException {
        machine = new PgMachine(new PgSession());
        dispatcher = new PgFrontendDispatcher(machine.session(), machine);
        frames = new FrameAccumulator(dispatcher.framing(), LIMITS);
        out.attach(socket.getOutputStream(), machine);
    }

    /** Serves the connection until it ends; never throws. */
    void run(byte[] prefix) {
        try {
            if (prefix.length > 0) {
                frames.feed(prefix, 0, prefix.length);
                processFrames();
            }
            byte[] buffer = new byte[16 * 1024];
            while (!closed) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    timedOut();
                    break;
                }
                if (n < 0) {
                    endOfInput();
                    break;
                }
                frames.feed(buffer, 0, n);
                processFrames();
            }
        } catch (PgFatalException e) {
            fatal(e.sqlState(), e.getMessage());
        } catch (CodecException e) {
            // Bad bytes or a message the conversation does not allow here: the stream cannot be trusted further.
            fatal(PgSqlStates.PROTOCOL_VIOLATION, "protocol violation: " + e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection ended: {0}", e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "internal error on a connection", e);
            fatal(PgSqlStates.INTERNAL_ERROR, "internal error: " + e);
        } finally {
            close();
        }
    }

    private void processFrames() throws IOException {
        while (!closed && frames.next()) {
            dispatcher.dispatch(frames.frame(), this);
            if (upgradeToTls) {
                upgradeToTls();
                return;
            }
            frames.switchReader(dispatcher.framing());
        }
        if (!closed) {
            // Answers still buffered (a client that waits without sending Sync or Flush) go out now.
            out.flush();
        }
    }

    private void endOfInput() {
        if (frames.buffered() > 0) {
            fatal(PgSqlStates.PROTOCOL_VIOLATION, "unexpected EOF within message (" + frames.buffered() + " bytes)");
        }
    }

    private void timedOut() {
        if (machine.state() == PgState.Idle && frames.buffered() == 0) {
            fatal(PgSqlStates.IDLE_SESSION_TIMEOUT, "terminating connection due to idle-session timeout");
        } else {
            fatal(PgSqlStates.PROTOCOL_VIOLATION, "timeout waiting for the client");
        }
    }

    // ------------------------------------------------------------------ startup phase

    @Override
    public void onSSLRequest(PgSSLRequestDecoder m) {
        machine.receive(m);
        try {
            if (config.tls() == null || tls) {
                out.encryptionRefused();
            } else if (frames.buffered() > 0) {
                // Bytes after SSLRequest, before the answer, would be read as if they had come
                // through TLS (CVE-2021-23214): refuse them.
                throw new PgFatalException(PgSqlStates.PROTOCOL_VIOLATION, "received unencrypted data after SSL request");
            } else {
                out.sslAccepted();
                upgradeToTls = true;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void onGSSENCRequest(PgGSSENCRequestDecoder m) {
        machine.receive(m);
        try {
            out.encryptionRefused();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void upgradeToTls() throws IOException {
        upgradeToTls = false;
        SSLSocket secure = (SSLSocket) config.tls().getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        socket = secure;
        in = secure.getInputStream();
        tls = true;
        // The decrypted stream starts over with a StartupMessage.
        startConversation();
    }

    @Override
    public void onCancelRequest(PgCancelRequestDecoder m) {
        machine.receive(m);
        registry.cancel(m.processId(), m.secretKey().toByteArray());
        closed = true; // PostgreSQL answers nothing and closes
    }

    @Override
    public void onStartupMessage(PgStartupMessageDecoder m) {
        machine.receive(m);
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> unrecognized = new ArrayList<>();
        PgStartupMessageDecoder.ParametersCursor cursor = m.parameters();
        while (cursor.hasNext()) {
            PgStartupParameterDecoder p = cursor.next();
            String name = p.nameAsString();
            if (name.startsWith("_pq_.")) {
                unrecognized.add(name);
            } else {
                parameters.put(name, p.valueAsString());
            }
        }
        if (m.protocolMinor() != 0 || !unrecognized.isEmpty()) {
            // This server speaks 3.0: a 3.2 client (or one with protocol options) is told so and goes on.
            out.negotiateProtocolVersion(0, unrecognized);
        }
        user = parameters.get("user");
        if (user == null || user.isEmpty()) {
            throw new PgFatalException(PgSqlStates.INVALID_AUTHORIZATION, "no PostgreSQL user name specified in startup packet");
        }
        settings = new PgSettings(user);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            applyStartupParameter(e.getKey(), e.getValue());
        }
        passwordCheck = new PgPasswordCheck(config, user);
        passwordCheck.start(out);
        flush();
    }

    /** Startup parameters other than user/database/options are run-time settings, as SET would do. */
    private void applyStartupParameter(String name, String value) {
        switch (name) {
            case "user":
            case "database":
            case "options":
            case "replication":
                return;
            case "client_encoding":
                // psql sends "auto" (pick from the locale); this server only speaks UTF8.
                if (value.equalsIgnoreCase("auto")) {
                    return;
                }
                break;
            default:
                break;
        }
        try {
            settings.set(name, value);
        } catch (IllegalArgumentException e) {
            throw new PgFatalException("22023", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ authentication

    @Override
    public void onSASLInitialResponse(PgSASLInitialResponseDecoder m) {
        machine.receive(m);
        byte[] data = m.isDataNull() ? new byte[0] : m.data().toByteArray();
        passwordCheck.saslInitial(m.mechanismAsString(), data, out);
        flush();
    }

    @Override
    public void onSASLResponse(PgSASLResponseDecoder m) {
        machine.receive(m);
        passwordCheck.saslResponse(m.data().toByteArray(), out);
        authenticated();
    }

    @Override
    public void onPasswordMessage(PgPasswordMessageDecoder m) {
        machine.receive(m);
        passwordCheck.password(m.passwordAsString());
        authenticated();
    }

    @Override
    public void onGSSResponse(PgGSSResponseDecoder m) {
        machine.receive(m);
        throw new PgFatalException(PgSqlStates.PROTOCOL_VIOLATION, "GSSAPI authentication is not supported");
    }

    /** Password accepted: open the database session and tell the client it may start. */
    private void authenticated() {
        try {
            // PostgreSQL's transaction rules whatever mode the database is in: a one-port server shares
            // one MySQL-mode database with its MySQL clients (see sql-bridge's SqlDatabase).
            session = config.database().openSession(CompatibilityMode.POSTGRESQL);
        } catch (SqlFailure e) {
            throw new PgFatalException(e.error().sqlState(), "cannot open the database: " + e.error().message());
        }
        SqlSession opened = session;
        backend = registry.register(opened::cancel);
        queries = new PgQueries(session, settings, out);
        out.authenticationOk();
        for (Map.Entry<String, String> p : settings.reported().entrySet()) {
            out.parameterStatus(p.getKey(), p.getValue());
        }
        out.backendKeyData(backend.processId(), backend.secret());
        out.readyForQuery(queries.status());
        flush();
    }

    // ------------------------------------------------------------------ queries

    @Override
    public void onQuery(PgQueryDecoder m) {
        machine.receive(m);
        queries.simpleQuery(m.sqlAsString());
        flush();
    }

    @Override
    public void onParse(PgParseDecoder m) {
        machine.receive(m);
        queries.parse(m);
    }

    @Override
    public void onBind(PgBindDecoder m) {
        machine.receive(m);
        queries.bind(m);
    }

    @Override
    public void onDescribe(PgDescribeDecoder m) {
        machine.receive(m);
        queries.describe(m.kind(), m.nameAsString());
    }

    @Override
    public void onExecute(PgExecuteDecoder m) {
        machine.receive(m);
        queries.execute(m.portalAsString(), m.maxRows());
    }

    @Override
    public void onClose(PgCloseDecoder m) {
        machine.receive(m);
        queries.close(m.kind(), m.nameAsString());
    }

    @Override
    public void onSync(PgSyncDecoder m) {
        machine.receive(m);
        queries.sync();
        flush();
    }

    @Override
    public void onFlush(PgFlushDecoder m) {
        machine.receive(m);
        flush();
    }

    @Override
    public void onTerminate(PgTerminateDecoder m) {
        machine.receive(m);
        closed = true;
    }

    @Override
    public void onFunctionCall(PgFunctionCallDecoder m) {
        machine.receive(m);
        out.error(PgSqlStates.FEATURE_NOT_SUPPORTED, "function calls are not supported", false);
        out.readyForQuery(queries.status());
        flush();
    }

    // COPY is never started by this server (no CopyInResponse), so these arrive only out of order:
    // the machine refuses them.
    @Override
    public void onCopyDataIn(PgCopyDataInDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onCopyDoneIn(PgCopyDoneInDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onCopyFail(PgCopyFailDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onTlsRecordFromClient(PgTlsRecordFromClientDecoder m) {
        // TLS records are read by the SSLSocket, never by the dispatcher.
        machine.receive(m);
    }

    @Override
    public void onUnknown(long tag, WireBuffer body) {
        String what = tag < 0 ? "startup packet" : "message type 0x" + Long.toHexString(tag);
        throw new PgFatalException(PgSqlStates.PROTOCOL_VIOLATION, "invalid " + what + " in state " + machine.state());
    }

    // ------------------------------------------------------------------ ending

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Tells the client why the connection ends (if the state machine allows an ErrorResponse now), then closes. */
    private void fatal(String sqlState, String message) {
        closed = true;
        try {
            out.fatalError(sqlState, message);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send the error: {0}", e.toString());
        }
    }

    private void close() {
        closed = true;
        registry.unregister(backend);
        if (queries != null) {
            queries.closeAll();
        }
        if (session != null) {
            session.close();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
