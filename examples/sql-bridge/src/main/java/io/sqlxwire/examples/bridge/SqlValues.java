package io.sqlxwire.examples.bridge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.UUID;

/**
 * Reads a column as the Java value the protocol layers format: java.time for temporal types
 * (never java.sql.Date and friends, whose time-zone shifts would leak into the wire values),
 * {@code byte[]} for binary strings, {@code Short}/{@code Integer}/{@code Long} by width, JSON as its text.
 */
final class SqlValues {
    private SqlValues() {
    }

    static Object read(ResultSet rs, int index, SqlColumn column) throws SQLException {
        Object value = readTyped(rs, index, column);
        return rs.wasNull() ? null : value;
    }

    private static Object readTyped(ResultSet rs, int index, SqlColumn column) throws SQLException {
        if ("UUID".equalsIgnoreCase(column.typeName())) {
            return rs.getObject(index, UUID.class);
        }
        if ("JSON".equalsIgnoreCase(column.typeName())) {
            return rs.getString(index); // H2's getObject gives the JSON text's bytes
        }
        switch (column.jdbcType()) {
            case Types.BOOLEAN:
            case Types.BIT:
                return rs.getBoolean(index);
            case Types.TINYINT:
            case Types.SMALLINT:
                return rs.getShort(index);
            case Types.INTEGER:
                return rs.getInt(index);
            case Types.BIGINT:
                return rs.getLong(index);
            case Types.REAL:
                return rs.getFloat(index);
            case Types.FLOAT:
            case Types.DOUBLE:
                return rs.getDouble(index);
            case Types.NUMERIC:
            case Types.DECIMAL:
                return rs.getObject(index, BigDecimal.class);
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return rs.getString(index);
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return rs.getBytes(index);
            case Types.DATE:
                return rs.getObject(index, LocalDate.class);
            case Types.TIME:
                return rs.getObject(index, LocalTime.class);
            case Types.TIME_WITH_TIMEZONE:
                return rs.getObject(index, OffsetTime.class);
            case Types.TIMESTAMP:
                return rs.getObject(index, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return rs.getObject(index, OffsetDateTime.class);
            default:
                return rs.getObject(index);
        }
    }
}
