package io.sqlxwire.examples.pgserver;

/** Ends the connection after telling the client why: an ErrorResponse with severity FATAL. */
final class PgFatalException extends RuntimeException {
    private final String sqlState;

    PgFatalException(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    String sqlState() {
        return sqlState;
    }
}
