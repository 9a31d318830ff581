package io.sqlxwire.examples.myclient;

import java.io.IOException;
import java.util.List;

/**
 * A statement prepared on the server (COM_STMT_PREPARE), executed in the binary protocol with
 * parameters bound to its {@code ?} placeholders. {@link #close()} sends COM_STMT_CLOSE.
 * See {@link ParameterBlock} for the Java types parameters may have.
 */
public final class PreparedQuery implements AutoCloseable {

    private final MysqlConnection connection;
    private final long statementId;
    private final List<ColumnInfo> parameters;
    private final List<ColumnInfo> columns;
    private boolean closed;

    PreparedQuery(MysqlConnection connection, long statementId, List<ColumnInfo> parameters,
                  List<ColumnInfo> columns) {
        this.connection = connection;
        this.statementId = statementId;
        this.parameters = parameters;
        this.columns = columns;
    }

    /** The server's id of the statement. */
    public long statementId() {
        return statementId;
    }

    /** The parameters' definitions, as the server described them when preparing. */
    public List<ColumnInfo> parameters() {
        return parameters;
    }

    /** The result's columns, as the server described them when preparing (empty: no result set). */
    public List<ColumnInfo> columns() {
        return columns;
    }

    /** Executes with {@code values} and streams the rows to {@code handler}. */
    public Outcome execute(RowHandler handler, Object... values) throws IOException {
        checkOpen();
        return connection.execute(statementId, parameters.size(), values, handler);
    }

    /** Executes with {@code values} and returns the first result in memory. */
    public QueryResult execute(Object... values) throws IOException {
        QueryResult.Collector collector = new QueryResult.Collector();
        execute(collector, values);
        return collector.results.get(0);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("statement " + statementId + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            connection.closeStatement(statementId);
        }
    }
}
