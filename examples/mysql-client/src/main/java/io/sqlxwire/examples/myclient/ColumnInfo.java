package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyColumnDefinition41Decoder;
import io.sqlxwire.protocols.mysql.MyColumnFlags;
import io.sqlxwire.protocols.mysql.MyColumnType;

/**
 * One column of a result set, copied out of its ColumnDefinition41 packet (once per result set,
 * not per row).
 *
 * @param name the column's name or alias
 * @param table the table's name or alias, empty for an expression
 * @param type the wire type, which decides how binary rows encode the values
 * @param flags the column flags ({@link MyColumnFlags})
 * @param characterSet the collation id; 63 ({@code binary}) marks byte strings
 * @param columnLength the maximum display length
 * @param decimals digits after the point (DECIMAL, DOUBLE) or of the fractional seconds (TIME,
 *     DATETIME, TIMESTAMP)
 */
public record ColumnInfo(String name, String table, MyColumnType type, int flags,
                         int characterSet, long columnLength, int decimals) {

    /** The collation id of the {@code binary} character set: BINARY, VARBINARY, BLOB, BIT. */
    public static final int BINARY_CHARSET = 63;

    static ColumnInfo from(MyColumnDefinition41Decoder definition) {
        return new ColumnInfo(definition.nameAsString(), definition.tableAsString(),
                definition.typeValue(), definition.flags(), definition.characterSet(),
                definition.columnLength(), definition.decimals());
    }

    public boolean isUnsigned() {
        return (flags & MyColumnFlags.UNSIGNED) != 0;
    }

    /** Whether values are bytes rather than text: binary strings, blobs and BIT. */
    public boolean isBinary() {
        int t = type.value();
        return t == MyColumnType.BIT.value()
                || (characterSet == BINARY_CHARSET && isStringType(t));
    }

    private static boolean isStringType(int t) {
        return t == MyColumnType.VARCHAR.value() || t == MyColumnType.VAR_STRING.value()
                || t == MyColumnType.STRING.value() || t == MyColumnType.TINY_BLOB.value()
                || t == MyColumnType.BLOB.value() || t == MyColumnType.MEDIUM_BLOB.value()
                || t == MyColumnType.LONG_BLOB.value() || t == MyColumnType.GEOMETRY.value();
    }
}
