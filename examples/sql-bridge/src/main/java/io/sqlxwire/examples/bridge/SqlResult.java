package io.sqlxwire.examples.bridge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The outcome of one statement: either rows (read one at a time, so a protocol can send them in
 * batches and suspend, as PostgreSQL's Execute with a row limit does) or an update count.
 * Close it when done; closing a result that owns its statement closes the statement too.
 */
public final class SqlResult implements AutoCloseable {
    private final SqlCommand command;
    private final List<SqlColumn> columns;
    private final ResultSet rows;
    private final Statement ownedStatement;
    private final long updateCount;
    private final Runnable onFailure;
    private long rowsRead;
    private boolean exhausted;

    private SqlResult(SqlCommand command, List<SqlColumn> columns, ResultSet rows, Statement ownedStatement,
                      long updateCount, Runnable onFailure) {
        this.command = command;
        this.columns = columns;
        this.rows = rows;
        this.ownedStatement = ownedStatement;
        this.updateCount = updateCount;
        this.onFailure = onFailure;
        this.exhausted = rows == null;
    }

    static SqlResult rows(SqlCommand command, ResultSet rows, Statement ownedStatement, Runnable onFailure)
            throws SQLException {
        return new SqlResult(command, SqlColumn.describe(rows.getMetaData()), rows, ownedStatement, -1, onFailure);
    }

    static SqlResult updated(SqlCommand command, long count, Statement ownedStatement) {
        return new SqlResult(command, List.of(), null, ownedStatement, count, () -> { });
    }

    /** A statement the session answered itself (BEGIN, COMMIT, ROLLBACK). */
    static SqlResult done(SqlCommand command) {
        return updated(command, 0, null);
    }

    public SqlCommand command() {
        return command;
    }

    public boolean hasRows() {
        return rows != null;
    }

    /** The result columns; empty for an update count. */
    public List<SqlColumn> columns() {
        return columns;
    }

    /** Rows changed by INSERT/UPDATE/DELETE/MERGE, 0 for DDL, -1 for a row result. */
    public long updateCount() {
        return updateCount;
    }

    /** Rows handed out by {@link #nextRow()} so far (PostgreSQL's {@code SELECT n} tag). */
    public long rowsRead() {
        return rowsRead;
    }

    /** Whether every row has been read (always true for an update count). */
    public boolean isExhausted() {
        return exhausted;
    }

    /**
     * The next row's values (index 0 = first column; {@code null} for SQL NULL), or {@code null}
     * after the last row. A failure here fails the transaction block like a failed statement.
     */
    public Object[] nextRow() throws SqlFailure {
        if (exhausted) {
            return null;
        }
        try {
            if (!rows.next()) {
                exhausted = true;
                return null;
            }
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = SqlValues.read(rows, i + 1, columns.get(i));
            }
            rowsRead++;
            return values;
        } catch (SQLException e) {
            exhausted = true;
            onFailure.run();
            throw new SqlFailure(e);
        }
    }

    @Override
    public void close() {
        try {
            if (rows != null) {
                rows.close();
            }
            if (ownedStatement != null) {
                ownedStatement.close();
            }
        } catch (SQLException ignored) {
            // Closing an in-memory result cannot lose anything the client still needs.
        }
    }
}
