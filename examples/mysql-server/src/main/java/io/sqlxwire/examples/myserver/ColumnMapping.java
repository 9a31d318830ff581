package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.bridge.SqlColumn;
import io.sqlxwire.protocols.mysql.MyColumnFlags;
import io.sqlxwire.protocols.mysql.MyColumnType;
import java.sql.Types;

/**
 * Describes an H2 result column the way MySQL would describe the column it corresponds to: the type
 * a MySQL table would have (BOOLEAN is TINYINT(1), TIMESTAMP is DATETIME, CLOB is TEXT), the
 * {@code binary} character set for everything that is not text, and the display lengths MySQL
 * reports (11 for INT, 20 for BIGINT, precision + 2 for DECIMAL, 4 bytes per character of utf8mb4).
 * Clients build their Java/Python types from these: Connector/J reads TINYINT(1) as Boolean and a
 * VARCHAR with charset 63 as byte[].
 */
final class ColumnMapping {
    private static final long MAX_LENGTH = 0xFFFFFFFFL;
    /** The decimals value of floating-point and other not-fixed columns. */
    static final int NOT_FIXED_DECIMALS = 0x1f;

    private ColumnMapping() {
    }

    static ResultColumn of(SqlColumn column, int textCharset) {
        int nullFlag = column.nullable() == SqlColumn.Nullability.NO_NULLS ? (int) MyColumnFlags.NOT_NULL : 0;
        int number = nullFlag | (int) (MyColumnFlags.NUM | MyColumnFlags.BINARY);
        int binary = nullFlag | (int) MyColumnFlags.BINARY;
        int precision = Math.max(0, column.precision());
        int scale = Math.max(0, column.scale());
        switch (column.jdbcType()) {
            case Types.BOOLEAN:
            case Types.BIT:
                // MySQL's BOOLEAN is a signed TINYINT(1); H2 reports booleans as unsigned.
                return make(column, ResultColumn.BINARY_CHARSET, 1, MyColumnType.TINY, number, 0);
            case Types.TINYINT:
                return numeric(column, MyColumnType.TINY, 4, number, 0);
            case Types.SMALLINT:
                return numeric(column, MyColumnType.SHORT, 6, number, 0);
            case Types.INTEGER:
                return numeric(column, MyColumnType.LONG, 11, number, 0);
            case Types.BIGINT:
                return numeric(column, MyColumnType.LONGLONG, 20, number, 0);
            case Types.REAL:
                return numeric(column, MyColumnType.FLOAT, 12, number, NOT_FIXED_DECIMALS);
            case Types.FLOAT:
            case Types.DOUBLE:
                return numeric(column, MyColumnType.DOUBLE, 22, number, NOT_FIXED_DECIMALS);
            case Types.NUMERIC:
            case Types.DECIMAL:
                // Sign and point count in MySQL's display length.
                return numeric(column, MyColumnType.NEWDECIMAL, precision + (scale > 0 ? 2 : 1), number,
                        Math.min(scale, 0x51));
            case Types.DATE:
                return make(column, ResultColumn.BINARY_CHARSET, 10, MyColumnType.DATE, binary, 0);
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return make(column, ResultColumn.BINARY_CHARSET, 10 + fraction(scale), MyColumnType.TIME, binary,
                        Math.min(scale, 6));
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return make(column, ResultColumn.BINARY_CHARSET, 19 + fraction(scale), MyColumnType.DATETIME, binary,
                        Math.min(scale, 6));
            case Types.BINARY:
                return make(column, ResultColumn.BINARY_CHARSET, bytes(precision, 1), MyColumnType.STRING, binary, 0);
            case Types.VARBINARY:
                return make(column, ResultColumn.BINARY_CHARSET, bytes(precision, 1), MyColumnType.VAR_STRING, binary, 0);
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return make(column, ResultColumn.BINARY_CHARSET, MAX_LENGTH, MyColumnType.BLOB,
                        binary | (int) MyColumnFlags.BLOB, 0);
            case Types.CHAR:
            case Types.NCHAR:
                return make(column, textCharset, bytes(precision, 4), MyColumnType.STRING, nullFlag, 0);
            case Types.CLOB:
            case Types.NCLOB:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
                return make(column, textCharset, MAX_LENGTH, MyColumnType.BLOB, nullFlag | (int) MyColumnFlags.BLOB, 0);
            case Types.NULL:
                return make(column, ResultColumn.BINARY_CHARSET, 0, MyColumnType.NULL, binary, 0);
            default:
                // VARCHAR, and types MySQL has no counterpart for (UUID, JSON, ARRAY, INTERVAL ...),
                // which are sent as their text.
                return make(column, textCharset, bytes(precision, 4), MyColumnType.VAR_STRING, nullFlag, 0);
        }
    }

    private static ResultColumn numeric(SqlColumn column, MyColumnType type, long length, int flags, int decimals) {
        // H2 has no unsigned types; a column it reports as unsigned is one MySQL would call UNSIGNED.
        int sign = column.signed() ? 0 : (int) MyColumnFlags.UNSIGNED;
        return make(column, ResultColumn.BINARY_CHARSET, length, type, flags | sign, decimals);
    }

    private static ResultColumn make(SqlColumn column, int charset, long length, MyColumnType type, int flags,
                                     int decimals) {
        return new ResultColumn(column.schema(), column.table(), column.name(), charset, length, type, flags, decimals);
    }

    private static int fraction(int scale) {
        return scale > 0 ? 1 + Math.min(scale, 6) : 0;
    }

    private static long bytes(int characters, int bytesPerCharacter) {
        return Math.min(MAX_LENGTH, (long) Math.max(characters, 1) * bytesPerCharacter);
    }
}
