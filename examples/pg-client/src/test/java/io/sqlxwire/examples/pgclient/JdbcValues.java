package io.sqlxwire.examples.pgclient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Compares our values with what pgjdbc returns for the same SQL, type by type. */
final class JdbcValues {
    private JdbcValues() {
    }

    /** pgjdbc's value of a column, read with the getter that fits the type; null for NULL. */
    static Object jdbcValue(ResultSet rs, int column, long typeOid) throws SQLException {
        Object value;
        if (typeOid == PgTypes.INT2 || typeOid == PgTypes.INT4) {
            value = rs.getInt(column);
        } else if (typeOid == PgTypes.INT8) {
            value = rs.getLong(column);
        } else if (typeOid == PgTypes.FLOAT8) {
            value = rs.getDouble(column);
        } else if (typeOid == PgTypes.NUMERIC) {
            value = rs.getBigDecimal(column);
        } else if (typeOid == PgTypes.BOOL) {
            value = rs.getBoolean(column);
        } else if (typeOid == PgTypes.BYTEA) {
            value = rs.getBytes(column);
        } else if (typeOid == PgTypes.DATE) {
            value = rs.getObject(column, LocalDate.class);
        } else if (typeOid == PgTypes.TIMESTAMP) {
            value = rs.getObject(column, LocalDateTime.class);
        } else {
            value = rs.getString(column);
        }
        return rs.wasNull() ? null : value;
    }

    /** Ours, in pgjdbc's terms: its getInt serves int2 too. */
    static Object normalized(Object ours) {
        return ours instanceof Short s ? Integer.valueOf(s) : ours;
    }

    /** Every row and column of {@code ours} equals pgjdbc's {@code theirs}, and there are as many rows. */
    static void assertSameResult(QueryResult ours, ResultSet theirs) throws SQLException {
        assertEquals(theirs.getMetaData().getColumnCount(), ours.columns().size(), "columns");
        for (int row = 0; row < ours.rowCount(); row++) {
            assertTrue(theirs.next(), "pgjdbc has fewer rows than our " + ours.rowCount());
            for (int column = 0; column < ours.columns().size(); column++) {
                Column c = ours.columns().get(column);
                assertEquals(theirs.getMetaData().getColumnLabel(column + 1), c.name());
                Object expected = jdbcValue(theirs, column + 1, c.typeOid());
                Object actual = normalized(ours.value(row, column));
                String where = "row " + row + " column " + c.name() + " (type " + c.typeOid() + ", " + c.format() + ")";
                if (expected instanceof byte[] bytes) {
                    assertArrayEquals(bytes, (byte[]) actual, where);
                } else {
                    assertEquals(expected, actual, where);
                }
            }
        }
        assertFalse(theirs.next(), "pgjdbc has more rows than our " + ours.rowCount());
    }
}
