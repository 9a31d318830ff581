package io.sqlxwire.benchmarks.endtoend;

/**
 * The end-to-end benchmarks' table, created by the server itself: the 10-column shape of the decode
 * benchmarks' table ({@link io.sqlxwire.benchmarks.table.BenchTable}: id int, big bigint, small smallint, name varchar, price
 * numeric(12,2), ratio double, flag bool/TINYINT, created timestamp, day date, note varchar, NULL in
 * every third row), with the same value formulas, written as SQL over a generated series so that a
 * million rows are inserted in one statement.
 */
public final class EndToEndTable {

    public static final String NAME = "bench";
    public static final int COLUMNS = 10;
    public static final String SELECT_ALL = "SELECT id, big, small, name, price, ratio, flag, created, day, note FROM "
            + NAME + " ORDER BY id";

    private EndToEndTable() {
    }

    /** Columns 0..2 (id, big, small) are integers a reader parses to a number; the others it reads as text. */
    public static boolean isInteger(int column) {
        return column <= 2;
    }

    /** PostgreSQL: the table and its {@code rows} rows, r = 0 .. rows - 1. */
    public static String[] postgresql(int rows) {
        return new String[] {
            "DROP TABLE IF EXISTS " + NAME,
            "CREATE TABLE " + NAME + " (id int PRIMARY KEY, big bigint, small smallint, name varchar(40),"
                    + " price numeric(12,2), ratio double precision, flag boolean, created timestamp, day date,"
                    + " note varchar(40))",
            "INSERT INTO " + NAME + " SELECT r + 1,"
                    + " (r + 1) * 4294967311 * (CASE WHEN r % 2 = 0 THEN 1 ELSE -1 END),"
                    + " r * 7 % 60000 - 30000,"
                    + " 'user' || r || repeat('x', r % 20),"
                    + " (r::bigint * 13 % 100000) + (r % 100) / 100.0,"
                    + " r / 7.0::double precision,"
                    + " r % 2 = 0,"
                    + " make_timestamp(2000 + r % 25, 1 + r % 12, 1 + r % 28, r % 24, r % 60, r * 7 % 60),"
                    + " make_date(2000 + r % 25, 1 + r % 12, 1 + r % 28),"
                    + " CASE WHEN r % 3 = 0 THEN NULL ELSE 'note ' || r END"
                    + " FROM generate_series(0, " + (rows - 1) + ") AS r",
            "VACUUM ANALYZE " + NAME,
        };
    }

    /**
     * MariaDB: the same table; the rows come from the Sequence engine's {@code seq_0_to_N} (its
     * BIGINT UNSIGNED made signed, or {@code r * 7 % 60000 - 30000} would be out of range).
     */
    public static String[] mariadb(int rows) {
        return new String[] {
            "DROP TABLE IF EXISTS " + NAME,
            "CREATE TABLE " + NAME + " (id INT PRIMARY KEY, big BIGINT, small SMALLINT, name VARCHAR(40),"
                    + " price DECIMAL(12,2), ratio DOUBLE, flag TINYINT, created DATETIME, day DATE,"
                    + " note VARCHAR(40)) ENGINE=InnoDB",
            "INSERT INTO " + NAME + " SELECT r + 1,"
                    + " (r + 1) * 4294967311 * (CASE WHEN r % 2 = 0 THEN 1 ELSE -1 END),"
                    + " r * 7 % 60000 - 30000,"
                    + " CONCAT('user', r, REPEAT('x', r % 20)),"
                    + " (r * 13 % 100000) + (r % 100) / 100,"
                    + " r / 7e0,"
                    + " r % 2 = 0,"
                    + " TIMESTAMP(MAKEDATE(2000 + r % 25, 1) + INTERVAL (r % 12) MONTH + INTERVAL (r % 28) DAY,"
                    + " MAKETIME(r % 24, r % 60, r * 7 % 60)),"
                    + " MAKEDATE(2000 + r % 25, 1) + INTERVAL (r % 12) MONTH + INTERVAL (r % 28) DAY,"
                    + " CASE WHEN r % 3 = 0 THEN NULL ELSE CONCAT('note ', r) END"
                    + " FROM (SELECT CAST(seq AS SIGNED) AS r FROM seq_0_to_" + (rows - 1) + ") AS s",
            "ANALYZE TABLE " + NAME,
        };
    }
}
