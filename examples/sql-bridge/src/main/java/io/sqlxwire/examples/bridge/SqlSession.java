package io.sqlxwire.examples.bridge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * One client's session on the database: its own JDBC connection, its transaction state, and the
 * statements it runs. Not thread-safe: one connection thread owns it.
 *
 * <p>Transaction control (BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT) is done here,
 * through JDBC autocommit, rather than by H2's SQL, so the state a protocol reports (PostgreSQL's
 * ReadyForQuery I/T/E, MySQL's SERVER_STATUS_IN_TRANS) is always the state the connection is in.
 */
public final class SqlSession implements AutoCloseable {
    private final Connection connection;
    private final CompatibilityMode mode;
    private TransactionState state = TransactionState.IDLE;
    /** The statement executing right now, for {@link #cancel()} from another thread. */
    private volatile Statement running;

    SqlSession(Connection connection, CompatibilityMode mode) {
        this.connection = connection;
        this.mode = mode;
    }

    public CompatibilityMode mode() {
        return mode;
    }

    public TransactionState transactionState() {
        return state;
    }

    /** Runs one SQL statement (no parameters). */
    public SqlResult execute(String sql) throws SqlFailure {
        SqlCommand command = SqlCommand.of(sql);
        if (command.control() != SqlCommand.Control.NONE) {
            return control(command);
        }
        refuseIfFailed();
        Statement statement = null;
        try {
            statement = connection.createStatement();
            boolean hasRows = run(statement, sql);
            return hasRows
                    ? SqlResult.rows(command, statement.getResultSet(), statement, this::statementFailed)
                    : SqlResult.updated(command, Math.max(0, statement.getLargeUpdateCount()), statement);
        } catch (SQLException e) {
            closeQuietly(statement);
            statementFailed();
            throw new SqlFailure(e);
        }
    }

    /** Prepares SQL with {@code ?} parameters. A preparation error fails the transaction block too. */
    public SqlStatement prepare(String sql) throws SqlFailure {
        SqlCommand command = SqlCommand.of(sql);
        try {
            if (command.control() != SqlCommand.Control.NONE) {
                return new SqlStatement(this, sql, command, null);
            }
            refuseIfFailed();
            return new SqlStatement(this, sql, command, connection.prepareStatement(sql));
        } catch (SQLException e) {
            statementFailed();
            throw new SqlFailure(e);
        }
    }

    SqlResult executePrepared(SqlStatement statement, List<?> parameters) throws SqlFailure {
        if (statement.command().control() != SqlCommand.Control.NONE) {
            return control(statement.command());
        }
        refuseIfFailed();
        PreparedStatement prepared = statement.prepared();
        try {
            if (parameters.size() != statement.parameterCount()) {
                throw new SqlFailure(new SqlError("08P01", 0, "statement has " + statement.parameterCount()
                        + " parameters, " + parameters.size() + " given"));
            }
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value == null) {
                    prepared.setNull(i + 1, nullType(statement.parameterTypes().get(i)));
                } else {
                    prepared.setObject(i + 1, value);
                }
            }
            boolean hasRows = run(prepared, null);
            return hasRows
                    ? SqlResult.rows(statement.command(), prepared.getResultSet(), null, this::statementFailed)
                    : SqlResult.updated(statement.command(), Math.max(0, prepared.getLargeUpdateCount()), null);
        } catch (SQLException e) {
            statementFailed();
            throw new SqlFailure(e);
        } catch (SqlFailure e) {
            statementFailed();
            throw e;
        }
    }

    private boolean run(Statement statement, String sql) throws SQLException {
        running = statement;
        try {
            return sql == null ? ((PreparedStatement) statement).execute() : statement.execute(sql);
        } finally {
            running = null;
        }
    }

    /**
     * Asks the statement running now, if any, to stop (from another thread: a protocol's cancel
     * request). It then fails with SQLSTATE 57014; nothing happens when no statement is running.
     */
    public void cancel() {
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement finished or closed meanwhile: nothing left to cancel.
            }
        }
    }

    private static int nullType(int parameterType) {
        return parameterType == Types.OTHER ? Types.NULL : parameterType;
    }

    /** Opens a transaction block (a no-op inside one, as PostgreSQL does with a warning). */
    public void begin() throws SqlFailure {
        if (state != TransactionState.IDLE) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            state = TransactionState.IN_TRANSACTION;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /**
     * Ends the block: commits it, or rolls it back if it failed. Returns whether it committed
     * (PostgreSQL then tags the COMMIT as {@code ROLLBACK}).
     */
    public boolean commit() throws SqlFailure {
        if (state == TransactionState.FAILED) {
            rollback();
            return false;
        }
        try {
            if (state == TransactionState.IN_TRANSACTION) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            state = TransactionState.IDLE;
            return true;
        } catch (SQLException e) {
            statementFailed();
            throw new SqlFailure(e);
        }
    }

    /** Abandons the block (nothing happens outside one). */
    public void rollback() throws SqlFailure {
        try {
            if (state != TransactionState.IDLE) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            state = TransactionState.IDLE;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private SqlResult control(SqlCommand command) throws SqlFailure {
        switch (command.control()) {
            case BEGIN:
                if (!mode.errorAbortsTransaction() && state == TransactionState.IN_TRANSACTION) {
                    commit(); // MySQL: START TRANSACTION commits the open one first
                }
                begin();
                return SqlResult.done(command);
            case COMMIT:
                return commit() ? SqlResult.done(command) : SqlResult.done(new SqlCommand("ROLLBACK", SqlCommand.Control.ROLLBACK));
            case ROLLBACK:
                rollback();
                return SqlResult.done(command);
            default:
                throw new IllegalStateException("not a transaction-control statement: " + command);
        }
    }

    private void refuseIfFailed() throws SqlFailure {
        if (state == TransactionState.FAILED) {
            throw new SqlFailure(new SqlError(SqlError.IN_FAILED_TRANSACTION, 0,
                    "current transaction is aborted, commands ignored until end of transaction block"));
        }
    }

    /**
     * Reports a failure the protocol layer found itself (a malformed parameter, a bad SET value):
     * inside a block it fails the block in PostgreSQL mode, as a failed statement does.
     */
    public void failTransaction() {
        statementFailed();
    }

    /** After any failure inside a block: in PostgreSQL mode the block is now failed. */
    void statementFailed() {
        if (state == TransactionState.IN_TRANSACTION && mode.errorAbortsTransaction()) {
            state = TransactionState.FAILED;
        }
    }

    /** Ends the session; an open transaction block is rolled back, as when a client disconnects. */
    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is being closed anyway.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing left to release.
        }
    }

    private static void closeQuietly(Statement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // Failed already; the original error is what matters.
            }
        }
    }
}
