package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyAuthMoreDataDecoder;
import io.sqlxwire.protocols.mysql.MyAuthSwitchRequestDecoder;
import io.sqlxwire.protocols.mysql.MyAuthSwitchResponseEncoder;
import io.sqlxwire.protocols.mysql.MyBinaryResultsetRowDecoder;
import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MyClientDispatcher;
import io.sqlxwire.protocols.mysql.MyColumnDefinition41Decoder;
import io.sqlxwire.protocols.mysql.MyComInitDbEncoder;
import io.sqlxwire.protocols.mysql.MyComPingEncoder;
import io.sqlxwire.protocols.mysql.MyComQueryEncoder;
import io.sqlxwire.protocols.mysql.MyComQuitEncoder;
import io.sqlxwire.protocols.mysql.MyComStmtCloseEncoder;
import io.sqlxwire.protocols.mysql.MyComStmtExecuteEncoder;
import io.sqlxwire.protocols.mysql.MyComStmtPrepareEncoder;
import io.sqlxwire.protocols.mysql.MyComStmtPrepareOkDecoder;
import io.sqlxwire.protocols.mysql.MyEofPacketDecoder;
import io.sqlxwire.protocols.mysql.MyErrPacketDecoder;
import io.sqlxwire.protocols.mysql.MyHandshakeResponse41Encoder;
import io.sqlxwire.protocols.mysql.MyHandshakeV10Decoder;
import io.sqlxwire.protocols.mysql.MyMachine;
import io.sqlxwire.protocols.mysql.MyOkFieldsDecoder;
import io.sqlxwire.protocols.mysql.MyOkPacketDecoder;
import io.sqlxwire.protocols.mysql.MyResultSetHeaderDecoder;
import io.sqlxwire.protocols.mysql.MyResultSetOkDecoder;
import io.sqlxwire.protocols.mysql.MyServerDispatcher;
import io.sqlxwire.protocols.mysql.MyServerHandler;
import io.sqlxwire.protocols.mysql.MySession;
import io.sqlxwire.protocols.mysql.MyState;
import io.sqlxwire.protocols.mysql.MyTextResultsetRowDecoder;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection to a MySQL or MariaDB server, on codecs generated from {@code mysql.wire}: the
 * generated encoders write every command, the generated dispatcher and decoders read every answer,
 * and the generated state machine ({@link MyMachine}) checks the order of both directions and keeps
 * the session (negotiated capabilities, column count and types) that the decoders depend on.
 *
 * <pre>{@code
 * try (MysqlConnection c = MysqlConnection.open(ConnectOptions.of("127.0.0.1", 3306, "app", "secret"))) {
 *     QueryResult r = c.query("SELECT id, name FROM t");
 *     c.query("SELECT id FROM big", row -> sum += row.getLong(0));     // streaming, no row objects
 *     try (PreparedQuery p = c.prepare("SELECT name FROM t WHERE id = ?")) {
 *         QueryResult one = p.execute(42L);
 *     }
 * }
 * }</pre>
 *
 * <p>One command at a time; not thread-safe. An ERR packet raises {@link ServerErrorException} and
 * leaves the connection usable; bad bytes from the server raise the runtime's
 * {@link CodecException} and leave it unusable.
 */
public final class MysqlConnection implements AutoCloseable {

    /** utf8mb4_general_ci: text travels as UTF-8. */
    private static final int UTF8MB4 = 45;

    /** What this client asks for; the handshake keeps the part the server offers. */
    private static final long WANTED = MyCapabilityFlags.CLIENT_LONG_PASSWORD
            | MyCapabilityFlags.CLIENT_LONG_FLAG
            | MyCapabilityFlags.CLIENT_PROTOCOL_41
            | MyCapabilityFlags.CLIENT_TRANSACTIONS
            | MyCapabilityFlags.CLIENT_RESERVED2
            | MyCapabilityFlags.CLIENT_MULTI_STATEMENTS
            | MyCapabilityFlags.CLIENT_MULTI_RESULTS
            | MyCapabilityFlags.CLIENT_PS_MULTI_RESULTS
            | MyCapabilityFlags.CLIENT_PLUGIN_AUTH
            | MyCapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
            | MyCapabilityFlags.CLIENT_DEPRECATE_EOF;

    private final PacketChannel channel;
    private final MySession session = new MySession();
    private final MyMachine machine = new MyMachine(session);
    private final MyServerDispatcher fromServer = new MyServerDispatcher(session, machine);
    private final MyClientDispatcher toServer = new MyClientDispatcher(session, machine);
    private final Responses responses = new Responses();
    private final Row row = new Row();

    private final MyHandshakeResponse41Encoder handshakeResponse = new MyHandshakeResponse41Encoder();
    private final MyAuthSwitchResponseEncoder authSwitchResponse = new MyAuthSwitchResponseEncoder();
    private final MyComQueryEncoder comQuery = new MyComQueryEncoder();
    private final MyComPingEncoder comPing = new MyComPingEncoder();
    private final MyComInitDbEncoder comInitDb = new MyComInitDbEncoder();
    private final MyComQuitEncoder comQuit = new MyComQuitEncoder();
    private final MyComStmtPrepareEncoder comStmtPrepare = new MyComStmtPrepareEncoder();
    private final MyComStmtExecuteEncoder comStmtExecute = new MyComStmtExecuteEncoder();
    private final MyComStmtCloseEncoder comStmtClose = new MyComStmtCloseEncoder();

    private String serverVersion;
    private long connectionId;
    private boolean broken;

    private MysqlConnection(PacketChannel channel) {
        this.channel = channel;
    }

    /** Connects, authenticates and returns a connection ready for commands. */
    public static MysqlConnection open(ConnectOptions options) throws IOException {
        Socket socket = new Socket();
        try {
            int timeout = (int) options.timeout().toMillis();
            socket.connect(new InetSocketAddress(options.host(), options.port()), timeout);
            socket.setSoTimeout(timeout);
            socket.setTcpNoDelay(true);
            MysqlConnection connection = new MysqlConnection(new PacketChannel(socket));
            connection.handshake(options);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The version string of the server's greeting, e.g. {@code 11.4.5-MariaDB}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** The server's id of this connection (its thread id). */
    public long connectionId() {
        return connectionId;
    }

    /** The capabilities both sides agreed on (CLIENT_* bits). */
    public long capabilities() {
        return session.capabilities.bits();
    }

    // ------------------------------------------------------------------ connection phase

    private void handshake(ConnectOptions options) throws IOException {
        channel.newCommand();   // the greeting is packet 0
        MyHandshakeV10Decoder greeting = responses.expectGreeting(readAnswer());
        serverVersion = greeting.serverVersionAsString();
        connectionId = greeting.threadId();
        byte[] seed = scrambleOf(greeting);
        String serverPlugin = greeting.hasAuthPluginName() ? greeting.authPluginNameAsString() : Authentication.NATIVE;
        String plugin = options.authPlugin() != null ? options.authPlugin() : serverPlugin;
        Authentication auth = new Authentication(options.password());
        byte[] authData = auth.respond(plugin, seed);

        long flags = WANTED & greeting.capabilities();
        if (options.database() != null) {
            flags |= MyCapabilityFlags.CLIENT_CONNECT_WITH_DB & greeting.capabilities();
        }
        long clientFlags = flags;
        String user = options.user();
        String database = options.database();
        String maxSize = user + (database == null ? "" : database) + plugin;
        send(64 + 3 * maxSize.length() + authData.length, out -> {
            handshakeResponse.wrap(out, session)
                    .clientFlag(clientFlags)
                    .maxPacketSize(1L << 30)
                    .characterSet(UTF8MB4);
            if ((clientFlags & MyCapabilityFlags.CLIENT_LONG_PASSWORD) == 0) {
                // MariaDB clears CLIENT_MYSQL (CLIENT_LONG_PASSWORD) and reads its extended
                // capabilities here; this client asks for none of them.
                handshakeResponse.mariadbCapabilities(0);
            }
            handshakeResponse.username(user);
            if ((clientFlags & MyCapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
                handshakeResponse.authResponse(authData);
            } else {
                handshakeResponse.authResponseShort(authData);
            }
            if ((clientFlags & MyCapabilityFlags.CLIENT_CONNECT_WITH_DB) != 0) {
                handshakeResponse.database(database);
            }
            if ((clientFlags & MyCapabilityFlags.CLIENT_PLUGIN_AUTH) != 0) {
                handshakeResponse.clientPluginName(plugin);
            }
            handshakeResponse.finish();
        });
        authenticate(auth, plugin);
    }

    /** The scramble: part 1 and part 2 of auth-plugin-data, without part 2's terminating NUL. */
    private static byte[] scrambleOf(MyHandshakeV10Decoder greeting) {
        byte[] part1 = greeting.authPluginDataPart1().toByteArray();
        byte[] part2 = greeting.authPluginDataPart2().toByteArray();
        int length = greeting.authPluginDataLen() > 8 ? greeting.authPluginDataLen() - 1 : 20;
        byte[] seed = new byte[Math.min(length, part1.length + part2.length)];
        System.arraycopy(part1, 0, seed, 0, part1.length);
        System.arraycopy(part2, 0, seed, part1.length, seed.length - part1.length);
        return seed;
    }

    /** The server's answers to the handshake response until OK (or ERR). */
    private void authenticate(Authentication auth, String firstPlugin) throws IOException {
        String plugin = firstPlugin;
        while (machine.state() != MyState.Idle) {
            responses.reset(null);
            dispatch(readAnswer());
            if (responses.error != null) {
                throw responses.takeError();   // the machine is Closed: so is the socket
            }
            byte[] reply = null;
            if (responses.switchPlugin != null) {
                plugin = responses.switchPlugin;
                reply = auth.respond(plugin, responses.switchData);
            } else if (responses.moreData != null) {
                reply = auth.more(plugin, responses.moreData);
            }
            if (reply != null) {
                byte[] data = reply;
                send(data.length, out -> authSwitchResponse.wrap(out).data(data).finish());
            }
        }
    }

    // ------------------------------------------------------------------ text protocol

    /**
     * Runs {@code sql} (COM_QUERY) and streams every result to {@code handler}: several results
     * when {@code sql} holds several statements. Returns how the last one ended.
     *
     * @throws ServerErrorException when a statement fails (results before it have been delivered)
     */
    public Outcome query(String sql, RowHandler handler) throws IOException {
        byte[] statement = sql.getBytes(StandardCharsets.UTF_8);   // the statement travels as bytes
        command(statement.length + 1, out -> comQuery.wrap(out, session).query(statement).finish());
        return readResults(handler);
    }

    /** Runs {@code sql} and returns its first result in memory (see {@link #queryAll}). */
    public QueryResult query(String sql) throws IOException {
        return queryAll(sql).get(0);
    }

    /** Runs {@code sql} and returns all its results (one per statement) in memory. */
    public List<QueryResult> queryAll(String sql) throws IOException {
        QueryResult.Collector collector = new QueryResult.Collector();
        query(sql, collector);
        return collector.results;
    }

    /** COM_PING: checks the server is alive. */
    public void ping() throws IOException {
        command(1, out -> comPing.wrap(out).finish());
        readResults(null);
    }

    /** COM_INIT_DB: makes {@code schema} the default schema. */
    public void initDb(String schema) throws IOException {
        command(3 * schema.length() + 1, out -> comInitDb.wrap(out).schemaName(schema).finish());
        readResults(null);
    }

    // ------------------------------------------------------------------ prepared statements

    /** COM_STMT_PREPARE: prepares {@code sql} (with {@code ?} placeholders) on the server. */
    public PreparedQuery prepare(String sql) throws IOException {
        command(3 * sql.length() + 1, out -> comStmtPrepare.wrap(out).query(sql).finish());
        responses.reset(null);
        readUntilIdle();
        if (responses.error != null) {
            throw responses.takeError();
        }
        return new PreparedQuery(this, responses.statementId, List.copyOf(responses.parameterDefinitions),
                List.copyOf(responses.columns));
    }

    /** COM_STMT_EXECUTE with {@code values} bound to the statement's parameters, in binary. */
    Outcome execute(long statementId, int parameterCount, Object[] values, RowHandler handler) throws IOException {
        if (values.length != parameterCount) {
            throw new IllegalArgumentException("the statement has " + parameterCount + " parameters, "
                    + values.length + " values given");
        }
        Object[] prepared = ParameterBlock.prepare(values);
        // The block is laid out by this statement's parameter count; the session holds the count of
        // the statement prepared last (mysql.wire has no map from statement ids), so set it here.
        session.executeParamCount = parameterCount;
        session.longDataSent = false;
        command(10 + ParameterBlock.maxBytes(prepared), out -> {
            comStmtExecute.wrap(out, session).statementId(statementId).flags(0);
            if (parameterCount > 0) {
                ParameterBlock.writeTo(comStmtExecute.parameters(), prepared);
            }
            comStmtExecute.finish();
        });
        return readResults(handler);
    }

    /** COM_STMT_CLOSE: the server answers nothing. */
    void closeStatement(long statementId) throws IOException {
        command(5, out -> comStmtClose.wrap(out).statementId(statementId).finish());
    }

    // ------------------------------------------------------------------ plumbing

    private void command(int maxBodyBytes, PacketChannel.BodyWriter body) throws IOException {
        if (broken) {
            throw new IllegalStateException("the connection is unusable after an earlier failure");
        }
        channel.newCommand();
        send(maxBodyBytes, body);
    }

    /** Encodes a packet, lets the machine check and record it, then sends it. */
    private void send(int maxBodyBytes, PacketChannel.BodyWriter body) throws IOException {
        WireBuffer packet = channel.encode(maxBodyBytes, body);
        toServer.dispatch(packet, machine.client());
        channel.flush();
    }

    /** Reads the answer to the command just sent, feeding {@code handler}, until the machine is Idle. */
    private Outcome readResults(RowHandler handler) throws IOException {
        responses.reset(handler);
        readUntilIdle();
        if (responses.error != null) {
            throw responses.takeError();
        }
        return responses.outcome;
    }

    private void readUntilIdle() throws IOException {
        do {
            dispatch(readAnswer());
        } while (machine.state() != MyState.Idle && machine.state() != MyState.Closed);
    }

    private WireBuffer readAnswer() throws IOException {
        try {
            return channel.readMessage();
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    private void dispatch(WireBuffer message) {
        try {
            fromServer.dispatch(message, responses);
        } catch (RuntimeException e) {
            // Bad bytes or a message out of order: the stream can no longer be trusted. An
            // exception thrown by the caller's row handler ends up here too: the rest of the
            // answer is still on the wire, so the connection cannot go on either.
            broken = true;
            throw e;
        }
    }

    /** COM_QUIT, then closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (!broken && machine.state() == MyState.Idle) {
                command(1, out -> comQuit.wrap(out).finish());
            }
        } finally {
            broken = true;
            channel.close();
        }
    }

    /**
     * What the server says, message by message: each is first given to the machine (which checks
     * the state allows it and records what it decides), then turned into results.
     */
    private final class Responses implements MyServerHandler {
        private RowHandler handler;
        private List<ColumnInfo> columns = new ArrayList<>();
        private long expectedColumns;
        private Outcome outcome;
        private ServerErrorException error;
        private MyHandshakeV10Decoder greeting;
        private String switchPlugin;
        private byte[] switchData;
        private byte[] moreData;
        private long statementId;
        private int parameterCount;
        private final List<ColumnInfo> parameterDefinitions = new ArrayList<>();

        void reset(RowHandler rowHandler) {
            handler = rowHandler;
            columns = new ArrayList<>();
            outcome = null;
            error = null;
            switchPlugin = null;
            switchData = null;
            moreData = null;
            parameterDefinitions.clear();
        }

        ServerErrorException takeError() {
            ServerErrorException e = error;
            error = null;
            return e;
        }

        MyHandshakeV10Decoder expectGreeting(WireBuffer message) {
            reset(null);
            greeting = null;
            dispatch(message);
            if (error != null) {
                throw takeError();
            }
            return greeting;
        }

        @Override
        public void onHandshakeV10(MyHandshakeV10Decoder m) {
            machine.receive(m);
            greeting = m;
        }

        @Override
        public void onAuthSwitchRequest(MyAuthSwitchRequestDecoder m) {
            machine.receive(m);
            switchPlugin = m.pluginNameAsString();
            byte[] data = m.pluginData().toByteArray();
            // The scramble is NUL-terminated here.
            int length = data.length > 0 && data[data.length - 1] == 0 ? data.length - 1 : data.length;
            switchData = java.util.Arrays.copyOf(data, length);
        }

        @Override
        public void onAuthMoreData(MyAuthMoreDataDecoder m) {
            machine.receive(m);
            moreData = m.data().toByteArray();
        }

        @Override
        public void onOkPacket(MyOkPacketDecoder m) {
            machine.receive(m);
            end(m.ok());
        }

        @Override
        public void onErrPacket(MyErrPacketDecoder m) {
            machine.receive(m);
            String sqlState = m.hasSqlState() ? m.sqlStateAsString() : "HY000";
            error = new ServerErrorException(m.errorCode(), sqlState, m.errorMessageAsString());
        }

        @Override
        public void onResultSetHeader(MyResultSetHeaderDecoder m) {
            machine.receive(m);
            columns = new ArrayList<>();
            expectedColumns = m.columnCount();
        }

        @Override
        public void onColumnDefinition41(MyColumnDefinition41Decoder m) {
            MyState at = machine.state();
            machine.receive(m);
            ColumnInfo column = ColumnInfo.from(m);
            if (at == MyState.PreparedDefinitions) {
                if (parameterDefinitions.size() < parameterCount) {
                    parameterDefinitions.add(column);
                } else {
                    columns.add(column);
                }
                return;
            }
            columns.add(column);
            if (columns.size() == expectedColumns) {
                List<ColumnInfo> all = List.copyOf(columns);
                row.startResult(all, session.binaryRows);
                if (handler != null) {
                    handler.columns(all);
                }
            }
        }

        @Override
        public void onEofPacket(MyEofPacketDecoder m) {
            MyState at = machine.state();
            machine.receive(m);
            // An EOF after the rows ends the result; the one after the column definitions does not.
            if (at == MyState.Rows) {
                end(0, 0, m.hasWarnings() ? m.warnings() : 0, m.hasStatusFlags() ? m.statusFlags() : 0, "");
            }
        }

        @Override
        public void onResultSetOk(MyResultSetOkDecoder m) {
            machine.receive(m);
            end(m.ok());
        }

        @Override
        public void onTextResultsetRow(MyTextResultsetRowDecoder m) {
            machine.receive(m);
            row.readText(m);
            if (handler != null) {
                handler.row(row);
            }
        }

        @Override
        public void onBinaryResultsetRow(MyBinaryResultsetRowDecoder m) {
            machine.receive(m);
            row.readBinary(m);
            if (handler != null) {
                handler.row(row);
            }
        }

        @Override
        public void onComStmtPrepareOk(MyComStmtPrepareOkDecoder m) {
            machine.receive(m);
            statementId = m.statementId();
            parameterCount = m.numParams();
            columns = new ArrayList<>();
        }

        @Override
        public void onUnknown(long tag, WireBuffer body) {
            machine.server().onUnknown(tag, body);   // a protocol error, named by the machine
        }

        private void end(MyOkFieldsDecoder ok) {
            end(ok.affectedRows(), ok.lastInsertId(), ok.hasWarnings() ? ok.warnings() : 0,
                    ok.hasStatusFlags() ? ok.statusFlags() : 0,
                    ok.hasInfo() ? ok.infoAsString() : ok.hasInfoRest() ? ok.infoRestAsString() : "");
        }

        private void end(long affected, long insertId, int warnings, int status, String info) {
            outcome = new Outcome(affected, insertId, warnings, status, info);
            if (handler != null) {
                handler.end(outcome);
            }
        }
    }
}
