package io.sqlxwire.benchmarks.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sqlxwire.benchmarks.table.BenchTable;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The generated MySQL decoders and MariaDB Connector/J read the same values from the same text and
 * binary result sets, and those are the table's values (the checksum is also computed from
 * {@link BenchTable} directly); ours allocates nothing per result set.
 */
class MyResultSetPeersTest {

    private static final int ROWS = 1_000;

    @Test
    void textResultSetIsReadAsTheTableSays() {
        byte[] text = MyTableResultSet.text(ROWS);
        long expected = definitionsChecksum() + textRowsChecksum(ROWS) + MyTableResultSet.STATUS_FLAGS;
        assertEquals(expected, new MyResultSetReader().read(text, false));
        MariaDbPeerReader mariadb = new MariaDbPeerReader(text, false);
        assertEquals(expected, mariadb.read());
        assertEquals(expected, mariadb.read(), "the replayed result set is read whole each time");
    }

    @Test
    void binaryResultSetIsReadAsTheTableSays() {
        byte[] binary = MyTableResultSet.binary(ROWS);
        long expected = definitionsChecksum() + binaryRowsChecksum(ROWS) + MyTableResultSet.STATUS_FLAGS;
        assertEquals(expected, new MyResultSetReader().read(binary, true));
        MariaDbPeerReader mariadb = new MariaDbPeerReader(binary, true);
        assertEquals(expected, mariadb.read());
        assertEquals(expected, mariadb.read());
        assertNotEquals(new MyResultSetReader().read(MyTableResultSet.text(ROWS), false), expected);
    }

    @Test
    void oursAllocatesNothingPerResultSet() {
        byte[] text = MyTableResultSet.text(100);
        byte[] binary = MyTableResultSet.binary(100);
        MyResultSetReader reader = new MyResultSetReader();
        for (int i = 0; i < 2_000; i++) {
            reader.read(text, false);
            reader.read(binary, true);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 2_000; i++) {
            reader.read(text, false);
            reader.read(binary, true);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // One 16-byte object per result set would be 64,000 bytes; one per row 6.4 MB.
        assertEquals(0, allocated / 4096, "allocated " + allocated + " bytes for 4,000 result sets");
    }

    private static long definitionsChecksum() {
        long sum = 0;
        for (int c = 0; c < BenchTable.COLUMNS; c++) {
            String name = BenchTable.NAMES[c];
            int[] column = MyTableResultSet.COLUMNS[c];
            sum += name.length() + name.charAt(0) + column[0] + column[2] + column[3] + column[4];
        }
        return sum;
    }

    private static long textRowsChecksum(int rows) {
        long sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += BenchTable.id(r) + BenchTable.big(r) + BenchTable.small(r);
            for (int c = 3; c < BenchTable.COLUMNS; c++) {
                sum += viewed(MyTableResultSet.text(r, c));
            }
        }
        return sum;
    }

    private static long binaryRowsChecksum(int rows) {
        long sum = 0;
        for (int r = 0; r < rows; r++) {
            long date = BenchTable.year(r) + BenchTable.month(r) + BenchTable.dayOfMonth(r);
            sum += BenchTable.id(r) + BenchTable.big(r) + BenchTable.small(r)
                    + viewed(BenchTable.name(r)) + viewed(BenchTable.price(r))
                    + Double.doubleToRawLongBits(BenchTable.ratio(r)) + (BenchTable.flag(r) ? 1 : 0)
                    + 7 + date + BenchTable.hour(r) + BenchTable.minute(r) + BenchTable.second(r)
                    + 4 + date + viewed(BenchTable.note(r));
        }
        return sum;
    }

    /** Byte length plus first byte, or 7 for NULL: how both readers look at a string. */
    private static long viewed(String value) {
        if (value == null) {
            return 7;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return bytes.length + (bytes.length == 0 ? 0 : bytes[0] & 0xFF);
    }
}
