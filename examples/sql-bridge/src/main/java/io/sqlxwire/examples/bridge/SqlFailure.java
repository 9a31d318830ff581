package io.sqlxwire.examples.bridge;

import java.sql.SQLException;

/** A statement failed; {@link #error()} carries what the protocol layer reports to its client. */
public final class SqlFailure extends Exception {
    private final SqlError error;

    public SqlFailure(SqlError error) {
        super(error.sqlState() + ": " + error.message());
        this.error = error;
    }

    public SqlFailure(SQLException cause) {
        this(SqlError.of(cause));
        initCause(cause);
    }

    public SqlError error() {
        return error;
    }
}
