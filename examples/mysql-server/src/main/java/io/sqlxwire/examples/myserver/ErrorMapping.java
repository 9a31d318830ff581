package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.bridge.SqlError;
import io.sqlxwire.examples.bridge.SqlFailure;

/**
 * H2's error codes (which are its SQLSTATEs, plus its own 9xxxx numbers) translated to the MySQL
 * error numbers and SQLSTATEs that MySQL clients and their users know: Connector/J, for one, turns
 * 1062 into SQLIntegrityConstraintViolationException and 1064 into SQLSyntaxErrorException.
 */
final class ErrorMapping {
    private ErrorMapping() {
    }

    /** A failure while running a statement or reading its rows. */
    static MyError of(Exception e) {
        if (e instanceof SqlFailure) {
            return of(((SqlFailure) e).error());
        }
        return new MyError(MyError.UNKNOWN_ERROR, "HY000", String.valueOf(e.getMessage()));
    }

    static MyError of(SqlError error) {
        String message = error.message();
        switch (error.vendorCode()) {
            case 42000: // syntax error
            case 42001: // syntax error, with the expected tokens
                return new MyError(1064, "42000", "You have an error in your SQL syntax: " + message);
            case 42101: // table already exists
                return new MyError(1050, "42S01", message);
            case 42102: // table not found
            case 42103: // table not found, with candidates
            case 42104: // table not found, database empty
                return new MyError(1146, "42S02", message);
            case 42111: // index not found
                return new MyError(1091, "42000", message);
            case 42121: // duplicate column name
                return new MyError(1060, "42S21", message);
            case 42122: // column not found
                return new MyError(1054, "42S22", message);
            case 42131: // ambiguous column
                return new MyError(1052, "23000", message);
            case 23505: // unique index or primary key violation
                return new MyError(1062, "23000", "Duplicate entry: " + message);
            case 23502: // NULL not allowed
                return new MyError(1048, "23000", message);
            case 23503: // referential integrity: no parent row
                return new MyError(1452, "23000", message);
            case 23506: // referential integrity: child rows exist
                return new MyError(1451, "23000", message);
            case 23513: // check constraint
                return new MyError(3819, "HY000", message);
            case 22001: // value too long
                return new MyError(1406, "22001", message);
            case 22003: // numeric value out of range
                return new MyError(1264, "22003", message);
            case 22012: // division by zero
                return new MyError(1365, "22012", message);
            case 22007: // cannot parse date/time
            case 22018: // data conversion error
                return new MyError(1292, "22007", message);
            case 90022: // function not found
                return new MyError(1305, "42000", message);
            case 90079: // schema not found
                return new MyError(1049, "42000", message);
            case 90057: // constraint not found
                return new MyError(1091, "42000", message);
            case 40001: // deadlock
                return new MyError(1213, "40001", message);
            case 50200: // lock timeout
                return new MyError(1205, "HY000", message);
            default:
                return new MyError(MyError.UNKNOWN_ERROR, error.sqlState(), message);
        }
    }
}
