package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.SqlResult;
import io.sqlxwire.examples.bridge.SqlStatement;
import java.util.List;

/**
 * A portal of the extended protocol (Bind): a prepared statement with its parameter values and
 * result formats, executed at the first Execute and read from, possibly in several batches.
 */
final class PgPortal {
    final PgPrepared statement;
    /** Parameter values in H2's {@code ?} order. */
    final List<Object> parameters;
    /** The format of each result column (0 text, 1 binary), already expanded from Bind's list. */
    final int[] resultFormats;

    /** Set at the first Execute. */
    SqlResult result;
    /** A statement prepared for this portal alone when another portal still reads the shared one. */
    SqlStatement ownStatement;
    PgCompatibility.Outcome compatOutcome;
    int compatRowsSent;
    long rowsSent;
    boolean completed;

    PgPortal(PgPrepared statement, List<Object> parameters, int[] resultFormats) {
        this.statement = statement;
        this.parameters = parameters;
        this.resultFormats = resultFormats;
    }

    /** Whether this portal holds an open result on the statement's shared H2 statement. */
    boolean readsShared() {
        return result != null && ownStatement == null && !result.isExhausted();
    }

    void close() {
        if (result != null) {
            result.close();
        }
        if (ownStatement != null) {
            ownStatement.close();
        }
    }
}
