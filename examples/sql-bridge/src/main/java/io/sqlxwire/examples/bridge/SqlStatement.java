package io.sqlxwire.examples.bridge;

import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement prepared once and executed many times with {@code ?} parameters (the protocol layer
 * translates its own placeholders, e.g. PostgreSQL's {@code $1}, before preparing).
 * Transaction-control statements are not given to H2: executing them drives the session instead.
 */
public final class SqlStatement implements AutoCloseable {
    private final SqlSession session;
    private final String sql;
    private final SqlCommand command;
    private final PreparedStatement prepared;
    private final List<SqlColumn> columns;
    private final List<Integer> parameterTypes;

    SqlStatement(SqlSession session, String sql, SqlCommand command, PreparedStatement prepared) throws SQLException {
        this.session = session;
        this.sql = sql;
        this.command = command;
        this.prepared = prepared;
        this.columns = prepared == null ? List.of() : SqlColumn.describe(prepared.getMetaData());
        this.parameterTypes = prepared == null ? List.of() : parameterTypes(prepared);
    }

    private static List<Integer> parameterTypes(PreparedStatement prepared) throws SQLException {
        ParameterMetaData meta = prepared.getParameterMetaData();
        List<Integer> types = new ArrayList<>();
        for (int i = 1; i <= meta.getParameterCount(); i++) {
            int type;
            try {
                type = meta.getParameterType(i);
            } catch (SQLException unknown) {
                type = Types.OTHER;
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    public String sql() {
        return sql;
    }

    public SqlCommand command() {
        return command;
    }

    public int parameterCount() {
        return parameterTypes.size();
    }

    /** {@link Types} of each parameter as H2 infers it from its use ({@code Types.OTHER} if unknown). */
    public List<Integer> parameterTypes() {
        return parameterTypes;
    }

    /** The columns the statement returns when executed; empty if it returns no rows. */
    public List<SqlColumn> columns() {
        return columns;
    }

    /**
     * Runs the statement with these parameter values (Java values as {@link SqlResult} returns
     * them, or Strings, which H2 converts to the parameter's type; {@code null} for SQL NULL).
     */
    public SqlResult execute(List<?> parameters) throws SqlFailure {
        return session.executePrepared(this, parameters);
    }

    PreparedStatement prepared() {
        return prepared;
    }

    @Override
    public void close() {
        if (prepared != null) {
            try {
                prepared.close();
            } catch (SQLException ignored) {
                // Nothing to report: the statement is gone either way.
            }
        }
    }
}
