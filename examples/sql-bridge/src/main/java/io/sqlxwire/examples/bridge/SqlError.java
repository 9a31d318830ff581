package io.sqlxwire.examples.bridge;

import java.sql.SQLException;

/**
 * What went wrong, in the terms every SQL wire protocol reports: a five-character SQLSTATE, the
 * engine's own error number, and a message for humans.
 */
public record SqlError(String sqlState, int vendorCode, String message) {

    /** SQLSTATE of statements refused in a failed transaction block (PostgreSQL's in_failed_sql_transaction). */
    public static final String IN_FAILED_TRANSACTION = "25P02";
    /** SQLSTATE for errors without a better one (internal_error / HY000 "general error"). */
    public static final String GENERAL = "HY000";

    public SqlError {
        if (sqlState == null || sqlState.length() != 5) {
            sqlState = GENERAL;
        }
        message = message == null ? "" : message;
    }

    /** From a JDBC exception, without H2's appended SQL text and error-code suffix. */
    public static SqlError of(SQLException e) {
        return new SqlError(e.getSQLState(), e.getErrorCode(), cleanMessage(e.getMessage()));
    }

    /**
     * H2 messages read {@code Table "x" not found; SQL statement:\nselect ... [42102-232]}: the
     * client sent the statement itself and the bracket repeats the code, so both are cut.
     */
    static String cleanMessage(String message) {
        if (message == null) {
            return "";
        }
        String text = message;
        int statement = text.indexOf("; SQL statement:");
        if (statement >= 0) {
            text = text.substring(0, statement);
        } else {
            text = text.replaceFirst("\\s*\\[[0-9A-Z]{5}-[0-9]+]\\s*$", "");
        }
        return text.strip();
    }
}
