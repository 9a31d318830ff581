package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyColumnFlags;
import io.sqlxwire.protocols.mysql.MyColumnType;

/**
 * One column of a result as a ColumnDefinition41 describes it.
 *
 * @param schema    the database (H2 schema) the table is in, empty for expressions
 * @param table     the table, empty for expressions
 * @param name      the column label
 * @param charset   collation id of the values: 63 ({@code binary}) for numbers, dates and byte
 *                  strings, the connection's utf8mb4 collation for text
 * @param length    the maximum display length in bytes
 * @param type      MySQL column type
 * @param flags     NOT_NULL, UNSIGNED, BINARY, BLOB, NUM ... bits
 * @param decimals  digits after the point (0x1f: not fixed, for floating point)
 */
record ResultColumn(String schema, String table, String name, int charset, long length, MyColumnType type,
                    int flags, int decimals) {
    /** The {@code binary} pseudo character set of non-text values. */
    static final int BINARY_CHARSET = 63;
    /** utf8mb4_general_ci: known to MariaDB and MySQL clients alike. */
    static final int UTF8MB4_GENERAL_CI = 45;

    /** A text column of an answer the server makes up (system variables, SHOW ...). */
    static ResultColumn text(String name) {
        return new ResultColumn("", "", name, UTF8MB4_GENERAL_CI, 1024, MyColumnType.VAR_STRING, 0, 0);
    }

    /** A BIGINT column of an answer the server makes up. */
    static ResultColumn number(String name) {
        return new ResultColumn("", "", name, BINARY_CHARSET, 21, MyColumnType.LONGLONG,
                (int) (MyColumnFlags.NUM | MyColumnFlags.BINARY), 0);
    }

    boolean isUnsigned() {
        return (flags & MyColumnFlags.UNSIGNED) != 0;
    }
}
