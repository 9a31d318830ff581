package io.sqlxwire.examples.pgserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sqlxwire.examples.bridge.SqlColumn;
import io.sqlxwire.examples.bridge.SqlError;
import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.bridge.SqlResult;
import io.sqlxwire.examples.bridge.SqlSession;
import io.sqlxwire.examples.bridge.SqlStatement;
import io.sqlxwire.examples.bridge.TransactionState;
import io.sqlxwire.protocols.postgresql.PgBindDecoder;
import io.sqlxwire.protocols.postgresql.PgFormatCode;
import io.sqlxwire.protocols.postgresql.PgObjectKind;
import io.sqlxwire.protocols.postgresql.PgParseDecoder;
import io.sqlxwire.protocols.postgresql.PgTransactionStatus;
import io.sqlxwire.runtime.sql.ParamStyle;
import io.sqlxwire.runtime.sql.ParameterTranslator;
import io.sqlxwire.runtime.sql.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The query half of a session: simple queries, and the extended protocol's statements and portals,
 * run on the session's H2 connection (or answered by {@link PgCompatibility}) and written back
 * through {@link PgOutput}.
 */
final class PgQueries {
    private static final int TEXT = PgFormatCode.TEXT.value();
    private static final int BINARY = PgFormatCode.BINARY.value();

    private final SqlSession sql;
    private final PgSettings settings;
    private final PgOutput out;
    private final Map<String, PgPrepared> statements = new HashMap<>();
    private final Map<String, PgPortal> portals = new HashMap<>();
    /** After an error in an extended-query batch, everything up to Sync is skipped. */
    private boolean skippingToSync;

    PgQueries(SqlSession sql, PgSettings settings, PgOutput out) {
        this.sql = sql;
        this.settings = settings;
        this.out = out;
    }

    PgTransactionStatus status() {
        TransactionState state = sql.transactionState();
        switch (state) {
            case IN_TRANSACTION:
                return PgTransactionStatus.IN_TRANSACTION;
            case FAILED:
                return PgTransactionStatus.FAILED_TRANSACTION;
            default:
                return PgTransactionStatus.IDLE;
        }
    }

    // ------------------------------------------------------------------ simple query

    void simpleQuery(String text) {
        // A simple Query drops the unnamed statement and portal, as PostgreSQL does.
        dropPortal("");
        dropStatement("");
        List<String> statementsInQuery = PgStatementSplitter.split(text);
        if (statementsInQuery.isEmpty()) {
            out.emptyQueryResponse();
        }
        for (String statement : statementsInQuery) {
            try {
                runSimple(statement);
            } catch (SqlFailure e) {
                error(e.error());
                break;
            }
        }
        out.readyForQuery(status());
    }

    private void runSimple(String statement) throws SqlFailure {
        PgCompatibility.Statement compat = PgCompatibility.match(statement);
        if (compat != null) {
            PgCompatibility.Outcome outcome = runCompat(compat);
            if (!compat.columns().isEmpty()) {
                out.rowDescription(compatColumns(compat, null));
            }
            sendCompatRows(outcome, 0, outcome.rows().size());
            out.commandComplete(outcome.tag());
            return;
        }
        PgCompatibility.Rewrite rewrite = PgCompatibility.rewrite(statement);
        try (SqlResult result = sql.execute(rewrite == null ? statement : rewrite.sql())) {
            if (result.hasRows()) {
                List<PgType> types = types(result.columns());
                int[] formats = new int[types.size()];
                out.rowDescription(describe(result.columns(), formats));
                sendRows(result, types, formats, 0);
            }
            String tag = rewrite == null ? PgCommandTags.of(result, result.rowsRead())
                    : PgCommandTags.of(rewrite.verb(), result, result.rowsRead());
            out.commandComplete(tag);
        }
    }

    private PgCompatibility.Outcome runCompat(PgCompatibility.Statement compat) throws SqlFailure {
        if (sql.transactionState() == TransactionState.FAILED) {
            throw new SqlFailure(new SqlError(SqlError.IN_FAILED_TRANSACTION, 0,
                    "current transaction is aborted, commands ignored until end of transaction block"));
        }
        PgCompatibility.Outcome outcome = compat.action().run(settings);
        for (String name : outcome.changedParameters()) {
            out.parameterStatus(settings.displayName(name), settings.get(name));
        }
        return outcome;
    }

    // ------------------------------------------------------------------ extended query

    void parse(PgParseDecoder m) {
        if (skippingToSync) {
            return;
        }
        String name = m.statementAsString();
        try {
            if (!name.isEmpty() && statements.containsKey(name)) {
                throw failure(PgSqlStates.DUPLICATE_STATEMENT, "prepared statement \"" + name + "\" already exists");
            }
            long[] declared = new long[m.parameterTypeCount()];
            PgParseDecoder.ParameterTypesCursor types = m.parameterTypes();
            for (int i = 0; types.hasNext(); i++) {
                declared[i] = types.next();
            }
            PgPrepared prepared = prepare(m.queryAsString(), declared);
            dropStatement(name);
            statements.put(name, prepared);
            out.parseComplete();
        } catch (SqlFailure e) {
            extendedError(e.error());
        }
    }

    private PgPrepared prepare(String text, long[] declared) throws SqlFailure {
        Translation translation = ParameterTranslator.translate(text, ParamStyle.DOLLAR, ParamStyle.QMARK);
        int count = declared.length;
        for (Translation.Binding binding : translation.bindings()) {
            count = Math.max(count, Integer.parseInt(binding.source()));
        }
        PgCompatibility.Statement compat = count == 0 ? PgCompatibility.match(text) : null;
        boolean empty = PgStatementSplitter.split(text).isEmpty();
        String h2Sql = withDeclaredTypes(translation, declared);
        PgCompatibility.Rewrite rewrite = compat == null && !empty ? PgCompatibility.rewrite(h2Sql) : null;
        SqlStatement h2 = compat == null && !empty ? sql.prepare(rewrite == null ? h2Sql : rewrite.sql()) : null;
        long[] oids = new long[count];
        PgType[] types = new PgType[count];
        for (int i = 0; i < count; i++) {
            long oid = i < declared.length ? declared[i] : 0;
            if (oid == 0 && h2 != null) {
                oid = inferredType(translation, h2, i + 1).oid;
            }
            oids[i] = oid == 0 ? PgType.TEXT.oid : oid;
            types[i] = PgType.ofOid(oids[i]);
        }
        return new PgPrepared(text, translation, h2, compat, oids, types, rewrite == null ? null : rewrite.verb());
    }

    /**
     * The statement with {@code ?} for H2, each parameter whose type the client declared written as
     * {@code CAST(? AS type)}: a declared type is part of the statement in PostgreSQL, and H2
     * cannot prepare {@code ? IS NULL} or {@code SELECT ?} without knowing it.
     */
    private static String withDeclaredTypes(Translation translation, long[] declared) {
        String h2Sql = translation.sql();
        List<Integer> placeholders = new ArrayList<>();
        PgStatementSplitter.scanCode(h2Sql, i -> {
            if (h2Sql.charAt(i) == '?') {
                placeholders.add(i);
            }
        });
        if (placeholders.size() != translation.bindings().size()) {
            return h2Sql; // a '?' operator in the client's SQL: leave the statement alone
        }
        StringBuilder cast = new StringBuilder(h2Sql.length() + 16 * placeholders.size());
        int copied = 0;
        for (int target = 0; target < placeholders.size(); target++) {
            int at = placeholders.get(target);
            int source = Integer.parseInt(translation.bindings().get(target).source());
            PgType type = source <= declared.length ? PgType.ofOid(declared[source - 1]) : null;
            cast.append(h2Sql, copied, at);
            cast.append(type == null ? "?" : "CAST(? AS " + type.h2Name + ")");
            copied = at + 1;
        }
        return cast.append(h2Sql, copied, h2Sql.length()).toString();
    }

    /** The type H2 infers for {@code $n} at its first {@code ?}; text if H2 cannot tell. */
    private static PgType inferredType(Translation translation, SqlStatement h2, int source) {
        List<Translation.Binding> bindings = translation.bindings();
        for (int target = 0; target < bindings.size(); target++) {
            if (bindings.get(target).source().equals(String.valueOf(source)) && target < h2.parameterTypes().size()) {
                return PgType.ofJdbc(h2.parameterTypes().get(target));
            }
        }
        return PgType.TEXT;
    }

    void bind(PgBindDecoder m) {
        if (skippingToSync) {
            return;
        }
        String portalName = m.portalAsString();
        String statementName = m.statementAsString();
        try {
            PgPrepared statement = statements.get(statementName);
            if (statement == null) {
                throw failure(PgSqlStates.UNDEFINED_STATEMENT, "prepared statement \"" + statementName + "\" does not exist");
            }
            if (!portalName.isEmpty() && portals.containsKey(portalName)) {
                throw failure(PgSqlStates.DUPLICATE_PORTAL, "portal \"" + portalName + "\" already exists");
            }
            List<Object> values = parameterValues(m, statement);
            int columnCount = statement.compat() != null ? statement.compat().columns().size() : statement.h2Columns().size();
            int[] formats = expandFormats(m.resultFormats(), m.resultFormatCount(), columnCount, "result");
            dropPortal(portalName);
            List<Object> h2Order = statement.translation().arrangePositional(values);
            portals.put(portalName, new PgPortal(statement, h2Order, formats));
            out.bindComplete();
        } catch (SqlFailure e) {
            extendedError(e.error());
        }
    }

    private List<Object> parameterValues(PgBindDecoder m, PgPrepared statement) throws SqlFailure {
        int count = statement.parameterOids().length;
        if (m.parameterCount() != count) {
            throw failure(PgSqlStates.PROTOCOL_VIOLATION, "bind message supplies " + m.parameterCount()
                    + " parameters, but prepared statement requires " + count);
        }
        int[] formats = expandParameterFormats(m, count);
        List<Object> values = new ArrayList<>(count);
        PgBindDecoder.ParameterValuesCursor cursor = m.parameterValues();
        for (int i = 0; cursor.hasNext(); i++) {
            cursor.next();
            if (cursor.isValueNull()) {
                values.add(null);
                continue;
            }
            byte[] bytes = cursor.value().toByteArray();
            PgType type = statement.parameterTypes()[i];
            try {
                values.add(formats[i] == BINARY ? PgValues.parseBinary(bytes, type) : PgValues.parseText(new String(bytes, UTF_8), type));
            } catch (RuntimeException e) {
                String state = formats[i] == BINARY ? PgSqlStates.INVALID_BINARY_REPRESENTATION : PgSqlStates.INVALID_TEXT_REPRESENTATION;
                throw failure(state, "parameter $" + (i + 1) + ": " + e.getMessage());
            }
        }
        return values;
    }

    private static int[] expandParameterFormats(PgBindDecoder m, int count) throws SqlFailure {
        PgBindDecoder.ParameterFormatsCursor cursor = m.parameterFormats();
        int given = m.parameterFormatCount();
        int[] formats = new int[count];
        if (given == 1) {
            java.util.Arrays.fill(formats, checkFormat(cursor.next()));
        } else if (given == count) {
            for (int i = 0; i < count; i++) {
                formats[i] = checkFormat(cursor.next());
            }
        } else if (given != 0) {
            throw failure(PgSqlStates.PROTOCOL_VIOLATION, "bind message has " + given + " parameter formats but " + count + " parameters");
        }
        return formats;
    }

    private static int[] expandFormats(PgBindDecoder.ResultFormatsCursor cursor, int given, int columns, String what)
            throws SqlFailure {
        int[] formats = new int[columns];
        if (given == 1) {
            java.util.Arrays.fill(formats, checkFormat(cursor.next()));
        } else if (given == columns) {
            for (int i = 0; i < columns; i++) {
                formats[i] = checkFormat(cursor.next());
            }
        } else if (given != 0) {
            throw failure(PgSqlStates.PROTOCOL_VIOLATION, "bind message has " + given + " " + what
                    + " formats but query has " + columns + " columns");
        }
        return formats;
    }

    private static int checkFormat(int format) throws SqlFailure {
        if (format != TEXT && format != BINARY) {
            throw failure(PgSqlStates.PROTOCOL_VIOLATION, "unsupported format code: " + format);
        }
        return format;
    }

    void describe(int kind, String name) {
        if (skippingToSync) {
            return;
        }
        try {
            if (kind == PgObjectKind.PREPARED_STATEMENT.value()) {
                PgPrepared statement = statements.get(name);
                if (statement == null) {
                    throw failure(PgSqlStates.UNDEFINED_STATEMENT, "prepared statement \"" + name + "\" does not exist");
                }
                out.parameterDescription(statement.parameterOids());
                describeColumns(statement, null);
            } else if (kind == PgObjectKind.PORTAL.value()) {
                PgPortal portal = portals.get(name);
                if (portal == null) {
                    throw failure(PgSqlStates.UNDEFINED_PORTAL, "portal \"" + name + "\" does not exist");
                }
                describeColumns(portal.statement, portal.resultFormats);
            } else {
                throw failure(PgSqlStates.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype " + kind);
            }
        } catch (SqlFailure e) {
            extendedError(e.error());
        }
    }

    /** RowDescription or NoData; a statement's columns are described as text (formats come at Bind). */
    private void describeColumns(PgPrepared statement, int[] formats) {
        if (statement.compat() != null && !statement.compat().columns().isEmpty()) {
            out.rowDescription(compatColumns(statement.compat(), formats));
        } else if (!statement.h2Columns().isEmpty()) {
            List<SqlColumn> columns = statement.h2Columns();
            out.rowDescription(describe(columns, formats == null ? new int[columns.size()] : formats));
        } else {
            out.noData();
        }
    }

    void execute(String portalName, int maxRows) {
        if (skippingToSync) {
            return;
        }
        try {
            PgPortal portal = portals.get(portalName);
            if (portal == null) {
                throw failure(PgSqlStates.UNDEFINED_PORTAL, "portal \"" + portalName + "\" does not exist");
            }
            PgPrepared statement = portal.statement;
            if (statement.isEmpty()) {
                out.emptyQueryResponse();
            } else if (statement.compat() != null) {
                executeCompat(portal, maxRows);
            } else {
                executeH2(portal, maxRows);
            }
        } catch (SqlFailure e) {
            extendedError(e.error());
        }
    }

    private void executeCompat(PgPortal portal, int maxRows) throws SqlFailure {
        if (portal.compatOutcome == null) {
            portal.compatOutcome = runCompat(portal.statement.compat());
        }
        PgCompatibility.Outcome outcome = portal.compatOutcome;
        int remaining = outcome.rows().size() - portal.compatRowsSent;
        int batch = maxRows > 0 ? Math.min(maxRows, remaining) : remaining;
        sendCompatRows(outcome, portal.compatRowsSent, batch);
        portal.compatRowsSent += batch;
        if (maxRows > 0 && batch == maxRows) {
            out.portalSuspended();
        } else {
            out.commandComplete(outcome.tag());
        }
    }

    private void executeH2(PgPortal portal, int maxRows) throws SqlFailure {
        if (portal.completed) {
            // Executing a finished portal again yields nothing more.
            out.commandComplete(portal.statement.tag(portal.result, 0));
            return;
        }
        if (portal.result == null) {
            SqlStatement statement = portal.statement.h2();
            if (sharedStatementBusy(statement)) {
                portal.ownStatement = sql.prepare(statement.sql());
                statement = portal.ownStatement;
            }
            portal.result = statement.execute(portal.parameters);
        }
        SqlResult result = portal.result;
        if (result.hasRows()) {
            List<PgType> types = types(result.columns());
            int[] formats = portal.resultFormats.length == types.size() ? portal.resultFormats : new int[types.size()];
            if (sendRows(result, types, formats, maxRows)) {
                out.portalSuspended();
                return;
            }
        }
        portal.completed = true;
        out.commandComplete(portal.statement.tag(result, result.rowsRead()));
    }

    private boolean sharedStatementBusy(SqlStatement statement) {
        for (PgPortal other : portals.values()) {
            if (other.statement.h2() == statement && other.readsShared()) {
                return true;
            }
        }
        return false;
    }

    void close(int kind, String name) {
        if (skippingToSync) {
            return;
        }
        if (kind == PgObjectKind.PREPARED_STATEMENT.value()) {
            dropStatement(name);
        } else if (kind == PgObjectKind.PORTAL.value()) {
            dropPortal(name);
        } else {
            extendedError(new SqlError(PgSqlStates.PROTOCOL_VIOLATION, 0, "invalid CLOSE message subtype " + kind));
            return;
        }
        // Closing what does not exist is not an error.
        out.closeComplete();
    }

    void sync() {
        skippingToSync = false;
        if (sql.transactionState() == TransactionState.IDLE) {
            // Outside a transaction block every portal ends with the implicit transaction at Sync.
            for (String name : List.copyOf(portals.keySet())) {
                dropPortal(name);
            }
        }
        out.readyForQuery(status());
    }

    /** An error in an extended-query batch: reported once, then the rest of the batch is skipped. */
    private void extendedError(SqlError error) {
        error(error);
        skippingToSync = true;
    }

    /** Every error inside a transaction block fails the block, as in PostgreSQL. */
    private void error(SqlError error) {
        sql.failTransaction();
        out.error(PgSqlStates.fromH2(error.sqlState()), error.message(), false);
    }

    void closeAll() {
        portals.values().forEach(PgPortal::close);
        portals.clear();
        statements.values().forEach(PgPrepared::close);
        statements.clear();
    }

    private void dropPortal(String name) {
        PgPortal portal = portals.remove(name);
        if (portal != null) {
            portal.close();
            closeIfUnused(portal.statement);
        }
    }

    private void dropStatement(String name) {
        PgPrepared statement = statements.remove(name);
        if (statement != null) {
            closeIfUnused(statement);
        }
    }

    /**
     * Closes H2's statement once neither a name nor a portal refers to it: a portal outlives the
     * statement it was bound from (pgjdbc re-parses the unnamed statement while a cursor on it is
     * still being fetched).
     */
    private void closeIfUnused(PgPrepared statement) {
        if (statements.containsValue(statement)) {
            return;
        }
        for (PgPortal portal : portals.values()) {
            if (portal.statement == statement) {
                return;
            }
        }
        statement.close();
    }

    // ------------------------------------------------------------------ rows

    private static List<PgType> types(List<SqlColumn> columns) {
        List<PgType> types = new ArrayList<>(columns.size());
        for (SqlColumn column : columns) {
            types.add(PgType.of(column));
        }
        return types;
    }

    private static List<PgOutput.Column> describe(List<SqlColumn> columns, int[] formats) {
        List<PgOutput.Column> described = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            SqlColumn column = columns.get(i);
            PgType type = PgType.of(column);
            described.add(new PgOutput.Column(column.name(), type, PgType.typeModifier(column, type), formats[i]));
        }
        return described;
    }

    private static List<PgOutput.Column> compatColumns(PgCompatibility.Statement compat, int[] formats) {
        List<PgOutput.Column> described = new ArrayList<>();
        for (int i = 0; i < compat.columns().size(); i++) {
            int format = formats == null || formats.length <= i ? TEXT : formats[i];
            described.add(new PgOutput.Column(compat.columns().get(i), PgType.TEXT, -1, format));
        }
        return described;
    }

    /** Sends up to {@code maxRows} rows (0: all); true when it stopped at the limit (portal suspended). */
    private boolean sendRows(SqlResult result, List<PgType> types, int[] formats, int maxRows) throws SqlFailure {
        int sent = 0;
        while (maxRows <= 0 || sent < maxRows) {
            Object[] row = result.nextRow();
            if (row == null) {
                return false;
            }
            byte[][] values = new byte[row.length][];
            for (int i = 0; i < row.length; i++) {
                if (row[i] != null) {
                    values[i] = formats[i] == BINARY ? PgValues.binary(row[i], types.get(i)) : PgValues.text(row[i], types.get(i));
                }
            }
            out.dataRow(values);
            sent++;
        }
        return true;
    }

    private void sendCompatRows(PgCompatibility.Outcome outcome, int from, int count) {
        for (int r = from; r < from + count; r++) {
            List<String> row = outcome.rows().get(r);
            byte[][] values = new byte[row.size()][];
            for (int i = 0; i < row.size(); i++) {
                values[i] = row.get(i) == null ? null : row.get(i).getBytes(UTF_8);
            }
            out.dataRow(values);
        }
    }

    private static SqlFailure failure(String sqlState, String message) {
        return new SqlFailure(new SqlError(sqlState, 0, message));
    }
}
