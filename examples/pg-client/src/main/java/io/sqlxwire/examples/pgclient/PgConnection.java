package io.sqlxwire.examples.pgclient;

import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgObjectKind;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgState;
import io.sqlxwire.runtime.Direction;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL session over plain TCP, on codecs generated from {@code postgresql.wire}: the
 * generated encoders write every message, the generated framing, dispatcher and decoders read
 * every answer in place, and the generated state machine checks both directions.
 *
 * <pre>{@code
 * try (PgConnection pg = PgConnection.connect("localhost", 5432, "app", "secret", "appdb")) {
 *     QueryResult r = pg.query("select $1::int4 + 1", Format.BINARY, Param.int4(41));
 *     int answer = (Integer) r.value(0, 0);   // 42
 * }
 * }</pre>
 *
 * <p>Server errors are thrown as {@link PgServerException} after the conversation is back at
 * ReadyForQuery, so the session stays usable; I/O errors and protocol violations leave it broken.
 * Not thread-safe, except {@link #cancel()}, which is meant to be called from another thread.
 */
public final class PgConnection implements Closeable {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int COPY_CHUNK = 64 * 1024;

    private final String host;
    private final int port;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PgMachine machine = new PgMachine(new PgSession());
    private final Outbox outbox = new Outbox(machine);
    private final Inbox inbox = new Inbox(machine);
    private final Authenticator authenticator;
    private final Conversation conversation;
    private final int processId;
    private final byte[] secretKey;
    private int statements;
    private boolean broken;

    private PgConnection(String host, int port, String user, String password, String database) throws IOException {
        this.host = host;
        this.port = port;
        this.authenticator = new Authenticator(user, password);
        this.conversation = new Conversation(machine, outbox, authenticator);
        this.socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            login(user, database);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        this.processId = conversation.processId();
        this.secretKey = conversation.secretKey();
    }

    /**
     * Connects, authenticates (SCRAM-SHA-256, MD5, cleartext or none, as the server asks) and
     * waits until the server is ready for queries.
     *
     * @param password null when the server is not expected to ask for one
     * @throws PgServerException when the server refuses the login (28P01 wrong password, ...)
     */
    public static PgConnection connect(String host, int port, String user, String password, String database)
            throws IOException {
        return new PgConnection(host, port, user, password, database);
    }

    private void login(String user, String database) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        // The text forms PgTypes reads: UTF-8, ISO dates, hex bytea.
        parameters.put("client_encoding", "UTF8");
        parameters.put("DateStyle", "ISO");
        parameters.put("bytea_output", "hex");
        parameters.put("application_name", "sqlxwire-pg-client");
        conversation.begin(null, null);
        outbox.startup(user, database, parameters);
        send();
        awaitReady();
    }

    // ---------------------------------------------------------------- what the session knows

    /** The backend's process id (BackendKeyData), as pg_backend_pid() shows it. */
    public int processId() {
        return processId;
    }

    /** A run-time parameter the server reported (ParameterStatus): server_version, TimeZone, ... */
    public String parameter(String name) {
        return conversation.parameters().get(name);
    }

    /** The authentication the server asked for: "SCRAM-SHA-256", "md5", "password" or "trust". */
    public String authenticationMethod() {
        return authenticator.method();
    }

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed one (the last ReadyForQuery). */
    public char transactionStatus() {
        return conversation.transactionStatus();
    }

    /** Where the generated state machine stands: Idle between exchanges. */
    public PgState state() {
        return machine.state();
    }

    // ---------------------------------------------------------------- simple query

    /** Runs one or more ';'-separated statements with the simple query protocol; one result each. */
    public List<QueryResult> simpleQuery(String sql) throws IOException {
        QueryResult.Collector collector = new QueryResult.Collector();
        simpleQuery(sql, collector);
        return collector.results();
    }

    /** Streams the results of a simple query to {@code rows}, one reused {@link Row} per DataRow. */
    public void simpleQuery(String sql, RowHandler rows) throws IOException {
        start(rows, null);
        outbox.query(sql);
        send();
        awaitReady();
    }

    // ---------------------------------------------------------------- extended query

    /**
     * Parses a named statement and describes it (Parse, Describe, Sync).
     *
     * @param parameterTypes type OIDs for $1, $2, ...; fewer (or 0) leaves them to the server
     */
    public PreparedQuery prepare(String sql, long... parameterTypes) throws IOException {
        String name = "sqlxwire_" + (++statements);
        start(null, null);
        outbox.parse(name, sql, parameterTypes);
        outbox.describe(PgObjectKind.PREPARED_STATEMENT, name);
        outbox.sync();
        send();
        awaitReady();
        return new PreparedQuery(name, sql, conversation.parameterTypes(), conversation.columns());
    }

    /** Executes a prepared statement (Bind, Describe, Execute, Sync) and collects its result. */
    public QueryResult execute(PreparedQuery statement, Format resultFormat, Param... parameters) throws IOException {
        QueryResult.Collector collector = new QueryResult.Collector();
        execute(statement, resultFormat, collector, parameters);
        return collector.single();
    }

    /** Executes a prepared statement, streaming its rows to {@code rows}. */
    public void execute(PreparedQuery statement, Format resultFormat, RowHandler rows, Param... parameters)
            throws IOException {
        checkParameters(statement, parameters);
        start(rows, null);
        bindAndExecute(statement.name(), resultFormat, parameters);
        send();
        awaitReady();
    }

    /**
     * Runs one statement with parameters through the unnamed statement, in one round trip (Parse,
     * Bind, Describe, Execute, Sync). Parameter types come from the {@link Param}s (0: the server
     * infers them).
     */
    public QueryResult query(String sql, Format resultFormat, Param... parameters) throws IOException {
        QueryResult.Collector collector = new QueryResult.Collector();
        query(sql, resultFormat, collector, parameters);
        return collector.single();
    }

    /** {@link #query(String, Format, Param...)}, streaming the rows to {@code rows}. */
    public void query(String sql, Format resultFormat, RowHandler rows, Param... parameters) throws IOException {
        long[] types = new long[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            types[i] = parameters[i].typeOid();
        }
        start(rows, null);
        outbox.parse("", sql, types);
        bindAndExecute("", resultFormat, parameters);
        send();
        awaitReady();
    }

    /** Closes a prepared statement on the server (Close, Sync). */
    public void close(PreparedQuery statement) throws IOException {
        start(null, null);
        outbox.close(PgObjectKind.PREPARED_STATEMENT, statement.name());
        outbox.sync();
        send();
        awaitReady();
    }

    private void bindAndExecute(String statement, Format resultFormat, Param[] parameters) {
        outbox.bind("", statement, parameters, resultFormat);
        outbox.describe(PgObjectKind.PORTAL, "");
        outbox.execute("", 0);
        outbox.sync();
    }

    /** A binary value is read as the statement's parameter type: a different one would be misread. */
    private static void checkParameters(PreparedQuery statement, Param[] parameters) {
        if (parameters.length != statement.parameterTypes().size()) {
            throw new IllegalArgumentException(statement.name() + " takes " + statement.parameterTypes().size()
                    + " parameters, got " + parameters.length);
        }
        for (int i = 0; i < parameters.length; i++) {
            Param p = parameters[i];
            long declared = statement.parameterTypes().get(i);
            if (p.format() == Format.BINARY && p.typeOid() != declared) {
                throw new IllegalArgumentException("parameter $" + (i + 1) + " is binary of type " + p.typeOid()
                        + " but the statement expects type " + declared);
            }
        }
    }

    // ---------------------------------------------------------------- COPY

    /**
     * Runs {@code COPY ... FROM STDIN} and sends all of {@code data} (in the COPY's format) as
     * CopyData, then CopyDone.
     *
     * @return the number of rows copied (the command tag's count)
     */
    public long copyIn(String copySql, InputStream data) throws IOException {
        start(null, null);
        outbox.query(copySql);
        send();
        while (!conversation.ready() && !conversation.copyInRequested()) {
            receive();
        }
        if (conversation.copyInRequested()) {
            byte[] chunk = new byte[COPY_CHUNK];
            try {
                for (int n; (n = data.read(chunk)) >= 0; ) {
                    outbox.copyData(chunk, 0, n);
                    if (outbox.pending() >= COPY_CHUNK) {
                        send();
                    }
                }
                outbox.copyDone();
            } catch (IOException reading) {
                // The source failed, not the connection: tell the server, which aborts the COPY.
                outbox.copyFail("client could not read the data: " + reading.getMessage());
            }
            send();
        }
        awaitReady();
        return count(conversation.commandTag());
    }

    /**
     * Runs {@code COPY ... TO STDOUT} and writes every CopyData's bytes to {@code sink}.
     *
     * @return the number of rows copied
     */
    public long copyOut(String copySql, OutputStream sink) throws IOException {
        start(null, sink);
        outbox.query(copySql);
        send();
        awaitReady();
        return count(conversation.commandTag());
    }

    private static long count(String commandTag) {
        return commandTag == null ? 0 : Long.parseLong(commandTag.substring(commandTag.lastIndexOf(' ') + 1));
    }

    // ---------------------------------------------------------------- LISTEN / NOTIFY

    public void listen(String channel) throws IOException {
        simpleQuery("LISTEN " + quoteIdentifier(channel));
    }

    public void notify(String channel, String payload) throws IOException {
        query("SELECT pg_notify($1, $2)", Format.TEXT, Param.text(channel), Param.text(payload));
    }

    /**
     * The next notification for a channel this session listens to: one that arrived already, or
     * the first to arrive within {@code timeout}; null if none does.
     */
    public Notification awaitNotification(Duration timeout) throws IOException {
        ensureUsable();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (conversation.notifications().isEmpty()) {
                long millis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                if (millis == 0) {
                    return null;
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
                try {
                    receive();
                } catch (SocketTimeoutException quiet) {
                    return null;   // no bytes were lost: the accumulator keeps any partial frame
                }
            }
            return conversation.notifications().poll();
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(0);
            }
        }
    }

    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    // ---------------------------------------------------------------- cancel

    /**
     * Asks the server to cancel what this session is running: a CancelRequest with the session's
     * BackendKeyData, sent on a new connection. The running call then fails with SQLSTATE 57014
     * (if the request arrived while a statement ran; otherwise nothing happens). Thread-safe.
     */
    public void cancel() throws IOException {
        try (Socket cancelSocket = new Socket()) {
            cancelSocket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            // A connection of its own, with its own machine: Startup -> CancelRequest -> Closed.
            Outbox request = new Outbox(new PgMachine(new PgSession()));
            request.cancelRequest(processId, secretKey);
            request.flushTo(cancelSocket.getOutputStream());
            // The server answers nothing and closes; waiting for that means it has read the request.
            cancelSocket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            cancelSocket.getInputStream().read();
        }
    }

    // ---------------------------------------------------------------- the exchange loop

    private void start(RowHandler rows, OutputStream copySink) {
        ensureUsable();
        conversation.begin(rows, copySink);
    }

    private void send() throws IOException {
        try {
            outbox.flushTo(out);
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    private void receive() throws IOException {
        try {
            inbox.receive(in, conversation);
        } catch (SocketTimeoutException timeout) {
            throw timeout;
        } catch (UncheckedIOException e) {
            broken = true;
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Reads to the ReadyForQuery that ends the exchange, then throws the server's error if any. */
    private void awaitReady() throws IOException {
        try {
            while (!conversation.ready()) {
                receive();
                if (conversation.copyInRequested() && machine.state() == PgState.CopyIn) {
                    // COPY FROM STDIN outside copyIn(): there is no data to send, abort it.
                    outbox.copyFail("COPY FROM STDIN needs PgConnection.copyIn");
                }
                if (outbox.pending() > 0) {
                    send();   // authentication answers, CopyFail
                }
            }
        } catch (EOFException closed) {
            if (conversation.error() != null) {
                throw conversation.error();   // FATAL, e.g. a refused login: the server hung up after it
            }
            throw closed;
        }
        if (conversation.error() != null) {
            throw conversation.error();
        }
    }

    private void ensureUsable() {
        if (broken || socket.isClosed()) {
            throw new IllegalStateException("connection is " + (broken ? "broken" : "closed"));
        }
    }

    /** Says goodbye (Terminate) when the conversation allows it, and closes the socket. */
    @Override
    public void close() throws IOException {
        if (socket.isClosed()) {
            return;
        }
        try {
            if (!broken && machine.allows(Direction.CLIENT_TO_SERVER, PgMachine.TERMINATE)) {
                outbox.terminate();
                outbox.flushTo(out);
            }
        } finally {
            socket.close();
        }
    }
}
