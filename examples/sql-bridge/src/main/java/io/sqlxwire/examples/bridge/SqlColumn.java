package io.sqlxwire.examples.bridge;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One result column as the engine describes it; the protocol layers map it to their own type codes
 * (PostgreSQL OIDs, MySQL column types).
 *
 * @param name      the column label (alias if given)
 * @param table     the table the column comes from, empty for expressions
 * @param schema    the table's schema, empty for expressions
 * @param jdbcType  a {@link java.sql.Types} constant
 * @param typeName  the engine's type name, e.g. {@code CHARACTER VARYING}, {@code UUID}
 * @param precision the declared precision / maximum length (0 if unknown)
 * @param scale     digits after the decimal point (0 if not applicable)
 * @param nullable  whether NULL may occur
 * @param signed    whether a numeric column is signed
 */
public record SqlColumn(String name, String table, String schema, int jdbcType, String typeName,
                        int precision, int scale, Nullability nullable, boolean signed) {

    public enum Nullability { NO_NULLS, NULLABLE, UNKNOWN }

    static List<SqlColumn> describe(ResultSetMetaData meta) throws SQLException {
        List<SqlColumn> columns = new ArrayList<>();
        if (meta == null) {
            return columns;
        }
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new SqlColumn(
                    meta.getColumnLabel(i),
                    nonNull(meta.getTableName(i)),
                    nonNull(meta.getSchemaName(i)),
                    meta.getColumnType(i),
                    nonNull(meta.getColumnTypeName(i)),
                    meta.getPrecision(i),
                    meta.getScale(i),
                    nullability(meta.isNullable(i)),
                    meta.isSigned(i)));
        }
        return List.copyOf(columns);
    }

    private static Nullability nullability(int jdbc) {
        if (jdbc == ResultSetMetaData.columnNoNulls) {
            return Nullability.NO_NULLS;
        }
        return jdbc == ResultSetMetaData.columnNullable ? Nullability.NULLABLE : Nullability.UNKNOWN;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
