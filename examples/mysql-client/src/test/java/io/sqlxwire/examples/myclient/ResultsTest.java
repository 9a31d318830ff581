package io.sqlxwire.examples.myclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Multi-results, messages over 16 MiB, errors inside a command, and streaming many rows. */
@ExtendWith(MariaDbServer.class)
class ResultsTest {

    private static final int SEVENTEEN_MIB = 17 * 1024 * 1024;

    @Test
    void twoSelectsInOneQueryAreTwoResults() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            List<QueryResult> results = c.queryAll("SELECT 1 AS a, NULL AS n; SELECT 'two' AS b, 2.5 AS c UNION ALL SELECT 'three', 3.5");
            assertEquals(2, results.size());
            assertEquals("a", results.get(0).columns().get(0).name());
            assertEquals(List.of(1L), results.get(0).rows().get(0).subList(0, 1));
            assertEquals(null, results.get(0).value(0, 1));
            assertTrue(results.get(0).outcome().moreResults());
            assertEquals(List.of("b", "c"), results.get(1).columns().stream().map(ColumnInfo::name).toList());
            assertEquals(2, results.get(1).rows().size());
            assertEquals("three", results.get(1).value(1, 0));
            assertEquals(new java.math.BigDecimal("3.5"), results.get(1).value(1, 1));
            assertFalse(results.get(1).outcome().moreResults());
        }
    }

    @Test
    void statementsWithAndWithoutRowsMix() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            List<QueryResult> results = c.queryAll("CREATE TEMPORARY TABLE tmp (id INT AUTO_INCREMENT PRIMARY KEY, v INT);"
                    + " INSERT INTO tmp (v) VALUES (10), (20), (30); SELECT SUM(v) FROM tmp; DELETE FROM tmp WHERE v > 15");
            assertEquals(4, results.size());
            assertFalse(results.get(0).isResultSet());
            assertEquals(3, results.get(1).outcome().affectedRows());
            assertEquals(1, results.get(1).outcome().lastInsertId());
            assertEquals(new java.math.BigDecimal("60"), results.get(2).value(0, 0));
            assertEquals(2, results.get(3).outcome().affectedRows());
        }
    }

    @Test
    void anErrorAfterAResultDeliversTheFirstAndLeavesTheSessionUsable() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            List<Object> seen = new ArrayList<>();
            ServerErrorException e = assertThrows(ServerErrorException.class,
                    () -> c.query("SELECT 7; SELECT * FROM no_such_table; SELECT 8", row -> seen.add(row.getLong(0))));
            assertEquals(List.of(7L), seen);
            assertEquals(1146, e.errorCode());
            assertEquals(9L, c.query("SELECT 9").value(0, 0));
        }
    }

    @Test
    void anErrorWhileRowsAreSentEndsTheResult() throws Exception {
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            // A correlated subquery that returns one row for seq 1 and two for seq 2: MariaDB has
            // sent the column definition and the first row when the ERR packet comes.
            List<Long> rows = new ArrayList<>();
            ServerErrorException e = assertThrows(ServerErrorException.class, () -> c.query(
                    "SELECT (SELECT t.seq FROM seq_1_to_2 t WHERE t.seq <= s.seq) AS v FROM seq_1_to_5 s",
                    row -> rows.add(row.getLong(0))));
            assertEquals(1242, e.errorCode());   // ER_SUBQUERY_NO_1_ROW
            assertEquals("21000", e.sqlState());
            assertEquals(List.of(1L), rows);
            assertEquals(1L, c.query("SELECT 1").value(0, 0));
        }
    }

    @Test
    void aRowOverSixteenMebibytesArrivesInContinuationPackets() throws Exception {
        String sql = "SELECT REPEAT('x', " + SEVENTEEN_MIB + ") AS big, 'after' AS small";
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            long[] lengths = new long[2];
            String[] small = new String[1];
            c.query(sql, row -> {
                lengths[0] = row.bytes(0).length();
                lengths[1] = row.bytes(0).buffer().indexOf((byte) 'y', 0, row.bytes(0).length());
                small[0] = row.getString(1);
            });
            assertEquals(SEVENTEEN_MIB, lengths[0]);
            assertEquals(-1, lengths[1]);
            assertEquals("after", small[0]);

            try (PreparedQuery p = c.prepare("SELECT REPEAT(?, ?) AS big")) {
                QueryResult binary = p.execute("ab", (long) SEVENTEEN_MIB / 2);
                String big = (String) binary.value(0, 0);
                assertEquals(SEVENTEEN_MIB, big.length());
                assertTrue(big.startsWith("abab") && big.endsWith("abab"));
            }
            assertEquals(1L, c.query("SELECT 1").value(0, 0));
        }
        try (Connection jdbc = MariaDbServer.jdbc(""); Statement s = jdbc.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            assertEquals(SEVENTEEN_MIB, rs.getString(1).length());
        }
    }

    @Test
    void aQueryOverSixteenMebibytesIsSentInContinuationPackets() throws Exception {
        String literal = "y".repeat(SEVENTEEN_MIB);
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options())) {
            QueryResult r = c.query("SELECT LENGTH('" + literal + "'), 'z'");
            assertEquals((long) SEVENTEEN_MIB, r.value(0, 0));
            assertEquals("z", r.value(0, 1));
            // A body of exactly 0xFFFFFF bytes is followed by an empty packet.
            int exact = PacketChannel.MAX_PAYLOAD - 1 - "SELECT LENGTH('')".length();
            assertEquals((long) exact, c.query("SELECT LENGTH('" + "y".repeat(exact) + "')").value(0, 0));
        }
    }

    @Test
    void streamsManyRowsWithoutAllocatingPerRow() throws Exception {
        String sql = "SELECT seq, seq * 2, CONCAT('row-', seq) FROM seq_1_to_200000";
        try (MysqlConnection c = MysqlConnection.open(MariaDbServer.options());
             PreparedQuery binary = c.prepare(sql + " WHERE seq >= ?")) {
            RowSums text = new RowSums();
            c.query(sql, text);   // warm-up
            long allocated = allocatedBy(() -> c.query(sql, text.reset()));
            text.check();
            // Per command there are a few objects (the column list, the outcome); per row none.
            assertTrue(allocated < 100_000, "text protocol: " + allocated + " bytes allocated for 200000 rows");

            RowSums binaryRows = new RowSums();
            binary.execute(binaryRows, 1L);
            long allocatedBinary = allocatedBy(() -> binary.execute(binaryRows.reset(), 1L));
            binaryRows.check();
            assertTrue(allocatedBinary < 100_000, "binary protocol: " + allocatedBinary + " bytes allocated for 200000 rows");
        }
    }

    /** Sums what it reads, allocation-free. */
    private static final class RowSums implements RowHandler {
        long rows;
        long numbers;
        long textBytes;

        RowSums reset() {
            rows = 0;
            numbers = 0;
            textBytes = 0;
            return this;
        }

        @Override
        public void row(Row row) {
            rows++;
            numbers += row.getLong(0) + row.getLong(1);
            textBytes += row.bytes(2).length();
        }

        void check() {
            assertEquals(200_000, rows);
            assertEquals(3L * 200_000 * 200_001 / 2, numbers);
            assertEquals(200_000 * 4 + 9 + 90 * 2 + 900 * 3 + 9000 * 4 + 90_000 * 5 + 100_001 * 6, textBytes);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long allocatedBy(Action action) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
