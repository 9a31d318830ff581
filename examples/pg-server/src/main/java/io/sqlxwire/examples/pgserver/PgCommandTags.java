package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.SqlResult;

/** CommandComplete tags as PostgreSQL writes them ("INSERT 0 3", "SELECT 2", "CREATE TABLE"). */
final class PgCommandTags {
    private PgCommandTags() {
    }

    /** The tag of a finished result; {@code rows} is what was sent for a row result. */
    static String of(SqlResult result, long rows) {
        return of(result.command().verb(), result, rows);
    }

    /** As {@link #of(SqlResult, long)} for a statement the client wrote as {@code verb} (a rewritten one). */
    static String of(String verb, SqlResult result, long rows) {
        long count = result.hasRows() ? rows : result.updateCount();
        switch (verb) {
            case "INSERT":
                // The 0 is the OID of the inserted row, which PostgreSQL no longer assigns.
                return "INSERT 0 " + count;
            case "UPDATE":
            case "DELETE":
            case "MERGE":
            case "FETCH":
            case "MOVE":
            case "COPY":
                return verb + " " + count;
            case "TRUNCATE":
                return "TRUNCATE TABLE";
            case "SHOW":
                return result.hasRows() ? "SHOW" : verb;
            case "":
                return "SELECT " + count;
            default:
                // SELECT, VALUES, WITH, TABLE, CALL with rows are all "SELECT n" to clients.
                return result.hasRows() || verb.equals("SELECT") ? "SELECT " + count : verb;
        }
    }
}
