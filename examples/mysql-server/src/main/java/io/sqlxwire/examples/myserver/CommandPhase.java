package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.bridge.SqlCommand;
import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.bridge.SqlResult;
import io.sqlxwire.examples.bridge.SqlSession;
import io.sqlxwire.examples.bridge.SqlStatement;
import io.sqlxwire.examples.bridge.TransactionState;
import io.sqlxwire.protocols.mysql.MyAuthSwitchResponseDecoder;
import io.sqlxwire.protocols.mysql.MyClientHandler;
import io.sqlxwire.protocols.mysql.MyColumnFlags;
import io.sqlxwire.protocols.mysql.MyColumnType;
import io.sqlxwire.protocols.mysql.MyComChangeUserDecoder;
import io.sqlxwire.protocols.mysql.MyComFieldListDecoder;
import io.sqlxwire.protocols.mysql.MyComInitDbDecoder;
import io.sqlxwire.protocols.mysql.MyComPingDecoder;
import io.sqlxwire.protocols.mysql.MyComQueryDecoder;
import io.sqlxwire.protocols.mysql.MyComQuitDecoder;
import io.sqlxwire.protocols.mysql.MyComResetConnectionDecoder;
import io.sqlxwire.protocols.mysql.MyComStatisticsDecoder;
import io.sqlxwire.protocols.mysql.MyComStmtCloseDecoder;
import io.sqlxwire.protocols.mysql.MyComStmtExecuteDecoder;
import io.sqlxwire.protocols.mysql.MyComStmtPrepareDecoder;
import io.sqlxwire.protocols.mysql.MyComStmtPrepareOkEncoder;
import io.sqlxwire.protocols.mysql.MyComStmtResetDecoder;
import io.sqlxwire.protocols.mysql.MyComStmtSendLongDataDecoder;
import io.sqlxwire.protocols.mysql.MyHandshakeResponse41Decoder;
import io.sqlxwire.protocols.mysql.MyLocalInfileDataDecoder;
import io.sqlxwire.protocols.mysql.MyLocalInfileEndDecoder;
import io.sqlxwire.protocols.mysql.MyMachine;
import io.sqlxwire.protocols.mysql.MySSLRequestDecoder;
import io.sqlxwire.protocols.mysql.MySession;
import io.sqlxwire.protocols.mysql.MyStatisticsEncoder;
import io.sqlxwire.protocols.mysql.MyTlsRecordFromClientDecoder;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command phase: the generated dispatcher decodes each command and calls the method for it
 * here; each method hands the decoder to the machine first (which checks the command is allowed now
 * and moves the conversation on), then runs it against the H2 session and answers through the
 * {@link ResultWriter}. Messages that may not come between commands go to the machine only, which
 * refuses them.
 */
final class CommandPhase implements MyClientHandler {
    private static final int PARAMETER_DEFINITION_FLAGS = (int) MyColumnFlags.BINARY;

    private final ServerContext context;
    private final PacketChannel channel;
    private final MyMachine machine;
    private final MySession session;
    private final SqlSession sql;
    private final ResultWriter writer;
    private final ConnectionState state = new ConnectionState();
    private final SystemVariables variables;
    private final PreparedStatements statements = new PreparedStatements();
    private final ExecuteParameters parameters = new ExecuteParameters();
    private final int textCharset;
    private final long startedAt = System.nanoTime();
    private long questions;

    CommandPhase(ServerContext context, PacketChannel channel, MyMachine machine, SqlSession sql, int textCharset,
                 long connectionId) {
        this.context = context;
        this.channel = channel;
        this.machine = machine;
        this.session = machine.session();
        this.sql = sql;
        this.writer = new ResultWriter(channel, session);
        this.variables = new SystemVariables(context.config, state);
        this.textCharset = textCharset;
        this.state.connectionId = connectionId;
    }

    ResultWriter writer() {
        return writer;
    }

    ConnectionState state() {
        return state;
    }

    /** SERVER_STATUS_AUTOCOMMIT and SERVER_STATUS_IN_TRANS as they are now. */
    int status() {
        return ServerCapabilities.status(state.autocommit, sql.transactionState() != TransactionState.IDLE);
    }

    /** Selects the database of the handshake or COM_INIT_DB; empty when it exists. */
    Optional<MyError> useDatabase(String name) {
        try {
            sql.execute("SET SCHEMA \"" + name.replace("\"", "\"\"") + "\"").close();
            state.schema = name;
            return Optional.empty();
        } catch (SqlFailure e) {
            MyError error = ErrorMapping.of(e);
            return Optional.of(error.code() == 1049
                    ? new MyError(1049, "42000", "Unknown database '" + name + "'") : error);
        }
    }

    // ------------------------------------------------------------------ text protocol

    @Override
    public void onComQuery(MyComQueryDecoder m) {
        machine.receive(m);
        questions++;
        Optional<String> text = BinaryLiterals.sql(m.query().toByteArray());
        if (text.isEmpty()) {
            writer.error(new MyError(MyError.INVALID_CHARACTER_STRING, "HY000",
                    "Invalid utf8mb4 character string in the statement"));
            return;
        }
        query(text.get());
    }

    private void query(String text) {
        Optional<CompatibilityQueries.Answer> answer = CompatibilityQueries.answer(text, variables);
        if (answer.isPresent() && answer.get() instanceof CompatibilityQueries.Rewritten) {
            text = ((CompatibilityQueries.Rewritten) answer.get()).sql();
        } else if (answer.isPresent()) {
            answer(answer.get(), false);
            return;
        }
        beginImplicitTransaction(text);
        try (SqlResult result = sql.execute(text)) {
            respond(result, false);
        } catch (SqlFailure e) {
            writer.error(ErrorMapping.of(e));
        }
    }

    private void answer(CompatibilityQueries.Answer answer, boolean binary) {
        if (answer instanceof CompatibilityQueries.Rows) {
            CompatibilityQueries.Rows rows = (CompatibilityQueries.Rows) answer;
            var iterator = rows.rows().iterator();
            writeResultSet(rows.columns(), () -> iterator.hasNext() ? iterator.next() : null, binary);
        } else if (answer instanceof CompatibilityQueries.Done) {
            Boolean autocommit = ((CompatibilityQueries.Done) answer).autocommit();
            if (autocommit != null) {
                Optional<MyError> failed = setAutocommit(autocommit);
                if (failed.isPresent()) {
                    writer.error(failed.get());
                    return;
                }
            }
            writer.ok(0, 0, status());
        } else if (answer instanceof CompatibilityQueries.Failed) {
            writer.error(((CompatibilityQueries.Failed) answer).error());
        } else {
            throw new IllegalStateException("a rewritten statement is run, not answered: " + answer);
        }
    }

    /** MySQL: turning autocommit on commits the open transaction. */
    private Optional<MyError> setAutocommit(boolean on) {
        if (on && !state.autocommit && sql.transactionState() != TransactionState.IDLE) {
            try {
                sql.commit();
            } catch (SqlFailure e) {
                return Optional.of(ErrorMapping.of(e));
            }
        }
        state.autocommit = on;
        return Optional.empty();
    }

    /** With autocommit off, MySQL opens a transaction for the first statement after the last one ended. */
    private void beginImplicitTransaction(String text) {
        if (!state.autocommit && sql.transactionState() == TransactionState.IDLE
                && SqlCommand.of(text).control() == SqlCommand.Control.NONE) {
            try {
                sql.begin();
            } catch (SqlFailure e) {
                // The statement itself will fail the same way and report it.
            }
        }
    }

    private void respond(SqlResult result, boolean binary) {
        if (result.hasRows()) {
            List<ResultColumn> columns = columns(result);
            writeResultSet(columns, result::nextRow, binary);
        } else {
            writer.ok(result.updateCount(), lastInsertId(result), status());
        }
    }

    private List<ResultColumn> columns(SqlResult result) {
        List<ResultColumn> columns = new ArrayList<>();
        result.columns().forEach(c -> columns.add(ColumnMapping.of(c, textCharset)));
        return columns;
    }

    private void writeResultSet(List<ResultColumn> columns, ResultWriter.Rows rows, boolean binary) {
        try {
            writer.resultSet(columns, rows, binary, this::status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id an INSERT generated, for the OK packet (MySQL clients' getGeneratedKeys / lastrowid). */
    private long lastInsertId(SqlResult result) {
        String verb = result.command().verb();
        if (result.updateCount() <= 0 || !(verb.equals("INSERT") || verb.equals("REPLACE") || verb.equals("MERGE"))) {
            return 0;
        }
        try (SqlResult id = sql.execute("SELECT LAST_INSERT_ID()")) {
            Object[] row = id.nextRow();
            return row != null && row[0] instanceof Number ? ((Number) row[0]).longValue() : 0;
        } catch (SqlFailure e) {
            return 0;
        }
    }

    @Override
    public void onComInitDb(MyComInitDbDecoder m) {
        machine.receive(m);
        Optional<MyError> failed = useDatabase(m.schemaNameAsString());
        if (failed.isPresent()) {
            writer.error(failed.get());
        } else {
            writer.ok(0, 0, status());
        }
    }

    @Override
    public void onComPing(MyComPingDecoder m) {
        machine.receive(m);
        writer.ok(0, 0, status());
    }

    @Override
    public void onComQuit(MyComQuitDecoder m) {
        machine.receive(m);
        state.quit = true;
    }

    /** Back to a fresh session without reconnecting: no transaction, no statements, autocommit on. */
    @Override
    public void onComResetConnection(MyComResetConnectionDecoder m) {
        machine.receive(m);
        statements.closeAll();
        try {
            sql.rollback();
            state.autocommit = true;
            writer.ok(0, 0, status());
        } catch (SqlFailure e) {
            writer.error(ErrorMapping.of(e));
        }
    }

    /** The columns of a table, as definitions with (unknown, so NULL) default values. */
    @Override
    public void onComFieldList(MyComFieldListDecoder m) {
        machine.receive(m);
        String table = m.tableAsString();
        try (SqlStatement probe = sql.prepare("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            for (var column : probe.columns()) {
                writer.definition(ColumnMapping.of(column, textCharset), null);
            }
            writer.endOfRows(status());
        } catch (SqlFailure e) {
            writer.error(ErrorMapping.of(e));
        }
    }

    @Override
    public void onComStatistics(MyComStatisticsDecoder m) {
        machine.receive(m);
        long uptime = Math.max(1, (System.nanoTime() - startedAt) / 1_000_000_000L);
        WireWriter out = channel.begin();
        new MyStatisticsEncoder().wrap(out).status("Uptime: " + uptime + "  Threads: 1  Questions: " + questions
                + "  Slow queries: 0  Opens: 0  Open tables: 0  Queries per second avg: "
                + String.format("%.3f", (double) questions / uptime)).finish();
        channel.end();
    }

    /** Re-authentication as another user is not offered: the connection keeps its user. */
    @Override
    public void onComChangeUser(MyComChangeUserDecoder m) {
        machine.receive(m);
        writer.error(new MyError(MyError.NOT_SUPPORTED_YET, "42000",
                "This version of MySQL doesn't yet support 'COM_CHANGE_USER'"));
    }

    // ------------------------------------------------------------------ prepared statements

    @Override
    public void onComStmtPrepare(MyComStmtPrepareDecoder m) {
        machine.receive(m);
        questions++;
        String text = m.queryAsString();
        Optional<CompatibilityQueries.Answer> answer = CompatibilityQueries.answer(text, variables);
        if (answer.isPresent() && answer.get() instanceof CompatibilityQueries.Rewritten) {
            text = ((CompatibilityQueries.Rewritten) answer.get()).sql();
        } else if (answer.isPresent()) {
            // Answered at execution like the text query; no parameters, columns sent then.
            prepareOk(statements.add(null, text, 0, List.of()), 0, List.of());
            return;
        }
        SqlStatement statement;
        try {
            statement = sql.prepare(text);
        } catch (SqlFailure e) {
            writer.error(ErrorMapping.of(e));
            return;
        }
        List<ResultColumn> columns = new ArrayList<>();
        statement.columns().forEach(c -> columns.add(ColumnMapping.of(c, textCharset)));
        long id = statements.add(statement, null, statement.parameterCount(), columns);
        prepareOk(id, statement.parameterCount(), columns);
    }

    /**
     * COM_STMT_PREPARE_OK, then a definition per parameter (MySQL sends them untyped: "?" of type
     * VAR_STRING) and per column, each group followed by an EOF unless CLIENT_DEPRECATE_EOF.
     */
    private void prepareOk(long id, int parameterCount, List<ResultColumn> columns) {
        WireWriter out = channel.begin();
        new MyComStmtPrepareOkEncoder().wrap(out, session).statementId(id).numColumns(columns.size())
                .numParams(parameterCount).warningCount(0).finish();
        channel.end();
        if (parameterCount > 0) {
            ResultColumn parameter = new ResultColumn("", "", "?", ResultColumn.BINARY_CHARSET, 0,
                    MyColumnType.VAR_STRING, PARAMETER_DEFINITION_FLAGS, 0);
            for (int i = 0; i < parameterCount; i++) {
                writer.definition(parameter, null);
            }
            if (!writer.deprecateEof()) {
                writer.eof(status());
            }
        }
        if (!columns.isEmpty()) {
            for (ResultColumn column : columns) {
                writer.definition(column, null);
            }
            if (!writer.deprecateEof()) {
                writer.eof(status());
            }
        }
    }

    @Override
    public void onComStmtExecute(MyComStmtExecuteDecoder m) {
        machine.receive(m);
        questions++;
        PreparedStatements.Entry entry = statements.get(m.statementId());
        if (entry == null) {
            writer.error(unknownStatement(m.statementId(), "mysqld_stmt_execute"));
            return;
        }
        if (entry.statement() == null) {
            answer(CompatibilityQueries.answer(entry.compatibilitySql(), variables).orElseThrow(), true);
            return;
        }
        List<Object> values = parameters.read(m, entry.parameterCount(), entry.bound(), entry.longData());
        entry.longData().clear();
        beginImplicitTransaction(entry.statement().sql());
        try (SqlResult result = entry.statement().execute(values)) {
            respond(result, true);
        } catch (SqlFailure e) {
            writer.error(ErrorMapping.of(e));
        }
    }

    /** No answer: the client does not wait for one. */
    @Override
    public void onComStmtClose(MyComStmtCloseDecoder m) {
        machine.receive(m);
        statements.close(m.statementId());
    }

    @Override
    public void onComStmtReset(MyComStmtResetDecoder m) {
        machine.receive(m);
        PreparedStatements.Entry entry = statements.get(m.statementId());
        if (entry == null) {
            writer.error(unknownStatement(m.statementId(), "mysqld_stmt_reset"));
        } else {
            entry.longData().clear();
            writer.ok(0, 0, status());
        }
    }

    /**
     * Before a COM_STMT_EXECUTE is decoded: its parameter block is laid out by the parameter count
     * of the statement it names, and which values it leaves out depends on the long data sent for
     * that statement. {@code mysql.wire}'s session holds one count (the last statement prepared) and
     * one "long data sent" flag, since the language has no map from statement ids: the server, which
     * has the map, sets both for the statement being executed.
     */
    void beforeExecute(WireBuffer frame) {
        int at = io.sqlxwire.protocols.mysql.MyPacketFraming.HEADER_LENGTH + 1;
        PreparedStatements.Entry entry = frame.length() >= at + 4 ? statements.get(frame.u32le(at)) : null;
        session.executeParamCount = entry == null ? 0 : entry.parameterCount();
        session.longDataSent = entry != null && !entry.longData().isEmpty();
    }

    /**
     * COM_STMT_SEND_LONG_DATA: a piece of a parameter's value, sent before COM_STMT_EXECUTE (streams
     * and large values with server-side prepared statements). It has no answer, as in MySQL, and a
     * piece for an unknown statement or parameter is dropped (the execution then reports it).
     */
    @Override
    public void onComStmtSendLongData(MyComStmtSendLongDataDecoder m) {
        machine.receive(m);
        long id = m.statementId();
        int parameter = m.paramId();
        PreparedStatements.Entry entry = statements.get(id);
        if (entry != null && parameter < entry.parameterCount()) {
            byte[] piece = m.data().toByteArray();
            java.io.ByteArrayOutputStream value =
                    entry.longData().computeIfAbsent(parameter, p -> new java.io.ByteArrayOutputStream());
            if ((long) value.size() + piece.length > PacketChannel.MAX_PAYLOAD) {
                // As MySQL's max_long_data_size: a value may not outgrow what a packet could hold.
                throw new CodecException("long data of parameter " + parameter + " exceeds "
                        + PacketChannel.MAX_PAYLOAD + " bytes", 0);
            }
            value.writeBytes(piece);
        }
    }

    private static MyError unknownStatement(long id, String where) {
        return new MyError(MyError.UNKNOWN_STMT_HANDLER, "HY000",
                "Unknown prepared statement handler (" + id + ") given to " + where);
    }

    // ------------------------------------------------------------------ not between commands

    @Override
    public void onSSLRequest(MySSLRequestDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onHandshakeResponse41(MyHandshakeResponse41Decoder m) {
        machine.receive(m);
    }

    @Override
    public void onAuthSwitchResponse(MyAuthSwitchResponseDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onLocalInfileData(MyLocalInfileDataDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onLocalInfileEnd(MyLocalInfileEndDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onTlsRecordFromClient(MyTlsRecordFromClientDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onUnknown(long tag, WireBuffer body) {
        throw new CodecException("no command matches this packet", 0);
    }

    /** Ends the session: statements closed, an open transaction rolled back. */
    void close() {
        statements.closeAll();
        sql.close();
    }
}
