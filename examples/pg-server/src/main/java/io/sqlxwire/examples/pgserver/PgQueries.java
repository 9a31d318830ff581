package io.sqlxwire.examples.pgserver;


import io.sqlxwire.examples.bridge.SqlColumn;
import io.sqlxwire.examples.bridge.SqlCommand;
import io.sqlxwire.examples.bridge.SqlError;
import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.bridge.SqlResult;
import io.sqlxwire.examples.bridge.SqlSession;
import io.sqlxwire.examples.bridge.SqlStatement;
import io.sqlxwire.examples.bridge.TransactionState;
import io.sqlxwire.protocols.postgresql.PgBindDecoder;
import io.sqlxwire.protocols.postgresql.PgObjectKind;
import io.sqlxwire.protocols.postgresql.PgParseDecoder;
import io.sqlxwire.protocols.postgresql.PgTransactionStatus;
import io.sqlxwire.runtime.sql.SqlLexer;
import io.sqlxwire.runtime.sql.SqlSyntax;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The query half of a session: simple queries, and the extended protocol's statements and portals,
 * run on the session's H2 connection (or answered by {@link PgCompatibility}) and written back
 * through {@link PgOutput}.
 */
final class PgQueries {

    private final SqlSession sql;
    private final PgSettings settings;
    private final PgOutput out;
    private final PgRows rows;
    private final Map<String, PgPrepared> statements = new HashMap<>();
    private final Map<String, PgPortal> portals = new HashMap<>();
    /** After an error in an extended-query batch, everything up to Sync is skipped. */
    private boolean skippingToSync;

    PgQueries(SqlSession sql, PgSettings settings, PgOutput out) {
        this.sql = sql;
        this.settings = settings;
        this.out = out;
        this.rows = new PgRows(out);
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
        List<String> statementsInQuery = SqlLexer.splitStatements(text, SqlSyntax.POSTGRESQL);
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
                out.rowDescription(PgRows.compatColumns(compat, null));
            }
            rows.sendCompatRows(outcome, 0, outcome.rows().size());
            out.commandComplete(outcome.tag());
            return;
        }
        PgCompatibility.Rewrite rewrite = PgCompatibility.rewrite(statement);
        warnAboutTransactionControl(SqlCommand.of(statement));
        try (SqlResult result = sql.execute(rewrite == null ? statement : rewrite.sql())) {
            if (result.hasRows()) {
                List<PgType> types = PgRows.types(result.columns());
                int[] formats = new int[types.size()];
                out.rowDescription(PgRows.describe(result.columns(), formats));
                rows.sendRows(result, types, formats, 0);
            }
            String tag = rewrite == null ? PgCommandTags.of(result, result.rowsRead())
                    : PgCommandTags.of(rewrite.verb(), result, result.rowsRead());
            out.commandComplete(tag);
        }
    }

    /** PostgreSQL's warnings for BEGIN inside a block and COMMIT / ROLLBACK outside one. */
    private void warnAboutTransactionControl(SqlCommand command) {
        TransactionState state = sql.transactionState();
        if (command.control() == SqlCommand.Control.BEGIN && state != TransactionState.IDLE) {
            out.warning("25001", "there is already a transaction in progress");
        } else if ((command.control() == SqlCommand.Control.COMMIT || command.control() == SqlCommand.Control.ROLLBACK)
                && state == TransactionState.IDLE) {
            out.warning("25P01", "there is no transaction in progress");
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
            PgPrepared prepared = PgPreparer.prepare(sql, m.queryAsString(), declared);
            dropStatement(name);
            statements.put(name, prepared);
            out.parseComplete();
        } catch (SqlFailure e) {
            extendedError(e.error());
        }
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
            List<Object> values = PgBindValues.parameterValues(m, statement);
            int columnCount = statement.compat() != null ? statement.compat().columns().size() : statement.h2Columns().size();
            int[] formats = PgBindValues.resultFormats(m, columnCount);
            dropPortal(portalName);
            List<Object> h2Order = statement.translation().arrangePositional(values);
            portals.put(portalName, new PgPortal(statement, h2Order, formats));
            out.bindComplete();
        } catch (SqlFailure e) {
            extendedError(e.error());
        }
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
            out.rowDescription(PgRows.compatColumns(statement.compat(), formats));
        } else if (!statement.h2Columns().isEmpty()) {
            List<SqlColumn> columns = statement.h2Columns();
            out.rowDescription(PgRows.describe(columns, formats == null ? new int[columns.size()] : formats));
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
        rows.sendCompatRows(outcome, portal.compatRowsSent, batch);
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
            warnAboutTransactionControl(statement.command());
            if (sharedStatementBusy(statement)) {
                portal.ownStatement = sql.prepare(statement.sql());
                statement = portal.ownStatement;
            }
            portal.result = statement.execute(portal.parameters);
        }
        SqlResult result = portal.result;
        if (result.hasRows()) {
            List<PgType> types = PgRows.types(result.columns());
            int[] formats = portal.resultFormats.length == types.size() ? portal.resultFormats : new int[types.size()];
            if (rows.sendRows(result, types, formats, maxRows)) {
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

    private static SqlFailure failure(String sqlState, String message) {
        return PgSqlStates.failure(sqlState, message);
    }
}
