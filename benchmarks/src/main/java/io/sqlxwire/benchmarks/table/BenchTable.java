package io.sqlxwire.benchmarks.table;

/**
 * The table every result-set benchmark reads, PostgreSQL and MySQL alike: 10 columns of mixed types
 * and a deterministic value for every row, so each protocol's bytes carry the same values.
 *
 * <p>Columns: {@code id int} (1, 2, ...), {@code big bigint} (large, alternating sign),
 * {@code small smallint} (signed), {@code name varchar} (8 to 27 characters), {@code price
 * numeric(12,2)}, {@code ratio double}, {@code flag bool} ({@code t/f}; {@code 1/0} as a MySQL
 * TINYINT), {@code created timestamp}, {@code day date}, {@code note varchar} (NULL in every third
 * row). The text of each value is what the server sends in text format.
 */
public final class BenchTable {

    /** The row count of issue 7's result-set benchmarks. */
    public static final int DEFAULT_ROWS = 10_000;

    public static final int COLUMNS = 10;

    public static final String[] NAMES = {
        "id", "big", "small", "name", "price", "ratio", "flag", "created", "day", "note"
    };

    /** Index of the columns a reader parses to an integer (id, big, small). */
    public static boolean isInteger(int column) {
        return column <= 2;
    }

    private BenchTable() {
    }

    public static int id(int row) {
        return row + 1;
    }

    public static long big(int row) {
        long magnitude = (row + 1) * 4_294_967_311L;
        return row % 2 == 0 ? magnitude : -magnitude;
    }

    public static short small(int row) {
        return (short) (row * 7 % 60_000 - 30_000);
    }

    public static String name(int row) {
        return "user" + row + "x".repeat(row % 20);
    }

    public static String price(int row) {
        return (row * 13L % 100_000) + "." + twoDigits(row % 100);
    }

    public static double ratio(int row) {
        return row / 7.0;
    }

    public static boolean flag(int row) {
        return row % 2 == 0;
    }

    public static int year(int row) {
        return 2000 + row % 25;
    }

    public static int month(int row) {
        return 1 + row % 12;
    }

    public static int dayOfMonth(int row) {
        return 1 + row % 28;
    }

    public static int hour(int row) {
        return row % 24;
    }

    public static int minute(int row) {
        return row % 60;
    }

    public static int second(int row) {
        return row * 7 % 60;
    }

    /** {@code created} as text: {@code yyyy-mm-dd hh:mm:ss}. */
    public static String created(int row) {
        return day(row) + " " + twoDigits(hour(row)) + ":" + twoDigits(minute(row)) + ":" + twoDigits(second(row));
    }

    /** {@code day} as text: {@code yyyy-mm-dd}. */
    public static String day(int row) {
        return year(row) + "-" + twoDigits(month(row)) + "-" + twoDigits(dayOfMonth(row));
    }

    /** {@code note}, or null (SQL NULL) in every third row. */
    public static String note(int row) {
        return row % 3 == 0 ? null : "note " + row;
    }

    /** Column {@code column} of row {@code row} as the text a server sends, or null for NULL. */
    public static String text(int row, int column) {
        switch (column) {
            case 0:
                return Integer.toString(id(row));
            case 1:
                return Long.toString(big(row));
            case 2:
                return Short.toString(small(row));
            case 3:
                return name(row);
            case 4:
                return price(row);
            case 5:
                return Double.toString(ratio(row));
            case 6:
                return flag(row) ? "t" : "f";
            case 7:
                return created(row);
            case 8:
                return day(row);
            case 9:
                return note(row);
            default:
                throw new IllegalArgumentException("no column " + column);
        }
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
