package io.sqlxwire.examples.pgserver;

import java.util.Map;

/**
 * SQLSTATEs as PostgreSQL reports them. H2 already uses the standard classes (23505, 22012, 57014,
 * ...); where it uses its own code for a condition PostgreSQL names differently, clients that
 * switch on the code (psycopg2's exception classes, ORMs) need PostgreSQL's.
 */
final class PgSqlStates {
    static final String PROTOCOL_VIOLATION = "08P01";
    static final String INVALID_PASSWORD = "28P01";
    static final String INVALID_AUTHORIZATION = "28000";
    static final String TOO_MANY_CONNECTIONS = "53300";
    static final String FEATURE_NOT_SUPPORTED = "0A000";
    static final String INVALID_TEXT_REPRESENTATION = "22P02";
    static final String INVALID_BINARY_REPRESENTATION = "22P03";
    static final String UNDEFINED_STATEMENT = "26000";
    static final String DUPLICATE_STATEMENT = "42P05";
    static final String UNDEFINED_PORTAL = "34000";
    static final String DUPLICATE_PORTAL = "42P03";
    static final String IDLE_SESSION_TIMEOUT = "57P05";
    static final String INTERNAL_ERROR = "XX000";

    private static final Map<String, String> FROM_H2 = Map.of(
            "42S02", "42P01", // table or view not found -> undefined_table
            "42S04", "42P01", // table not found, database empty -> undefined_table
            "42S22", "42703", // column not found -> undefined_column
            "42S01", "42P07", // table already exists -> duplicate_table
            "42000", "42601", // syntax error -> syntax_error
            "42001", "42601", // syntax error, expected ... -> syntax_error
            "90079", "42704", // schema not found -> undefined_object
            "HY000", INTERNAL_ERROR);

    private PgSqlStates() {
    }

    /** A statement-level error of this server's own (not H2's). */
    static io.sqlxwire.examples.bridge.SqlFailure failure(String sqlState, String message) {
        return new io.sqlxwire.examples.bridge.SqlFailure(new io.sqlxwire.examples.bridge.SqlError(sqlState, 0, message));
    }

    static String fromH2(String sqlState) {
        return FROM_H2.getOrDefault(sqlState, sqlState);
    }
}
