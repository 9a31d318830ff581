package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.SqlColumn;
import io.sqlxwire.examples.bridge.SqlResult;
import io.sqlxwire.examples.bridge.SqlStatement;
import io.sqlxwire.runtime.sql.Translation;
import java.util.List;

/**
 * A prepared statement of the extended protocol (Parse): H2's statement with {@code ?} parameters,
 * a statement answered by {@link PgCompatibility}, or the empty statement.
 *
 * @param translation    the {@code $n} → {@code ?} rewrite (which {@code $n} feeds each {@code ?})
 * @param h2             H2's prepared statement, null for compatibility and empty statements
 * @param compat         the compatibility answer, or null
 * @param parameterOids  one per {@code $n}: the client's declared OID, else the one inferred from H2
 * @param parameterTypes the same as types this server can convert (null: unknown, text passed through)
 * @param rewrittenVerb  the client's command when H2 runs a rewrite of it (for the tag), else null
 */
record PgPrepared(String sql, Translation translation, SqlStatement h2, PgCompatibility.Statement compat,
                  long[] parameterOids, PgType[] parameterTypes, String rewrittenVerb) {

    boolean isEmpty() {
        return h2 == null && compat == null;
    }

    /** The columns it returns, as H2 describes them before execution (empty: no rows). */
    List<SqlColumn> h2Columns() {
        return h2 == null ? List.of() : h2.columns();
    }

    /** The CommandComplete tag of an execution that sent {@code rows} rows. */
    String tag(SqlResult result, long rows) {
        return rewrittenVerb == null ? PgCommandTags.of(result, rows) : PgCommandTags.of(rewrittenVerb, result, rows);
    }

    void close() {
        if (h2 != null) {
            h2.close();
        }
    }
}
