package io.sqlxwire.examples.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlErrorTest {
    @Test
    void h2SuffixesAreCut() {
        assertEquals("Table \"x\" not found", SqlError.cleanMessage("Table \"x\" not found; SQL statement:\nselect * from x [42102-232]"));
        assertEquals("Division by zero: 0", SqlError.cleanMessage("Division by zero: 0 [22012-232]"));
        assertEquals("plain", SqlError.cleanMessage("plain"));
    }

    @Test
    void badSqlStateBecomesGeneral() {
        assertEquals(SqlError.GENERAL, new SqlError(null, 0, "m").sqlState());
        assertEquals(SqlError.GENERAL, new SqlError("123", 0, "m").sqlState());
    }
}
