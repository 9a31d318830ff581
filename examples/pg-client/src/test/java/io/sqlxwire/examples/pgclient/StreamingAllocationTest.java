package io.sqlxwire.examples.pgclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The streaming path allocates nothing per row: frames are cut in the receive buffer, the
 * generated decoders and the Row are re-pointed, the machine's checks and the typed getters
 * read in place. Measured with the JVM's per-thread allocation counter.
 */
@ExtendWith(PostgresExtension.class)
class StreamingAllocationTest {
    private static final int ROWS = 200_000;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void server(EmbeddedPostgres postgres) {
        server = postgres;
    }

    /**
     * Sums the columns in place, no Strings. Integers parse in place in both formats; a float only
     * in binary: the JDK parses decimal text to a double only from a String.
     */
    static final class Sum implements RowHandler {
        long rows;
        long total;
        double fractions;

        @Override
        public void onRow(Row row) {
            rows++;
            total += row.getLong(0) + row.getLong(1);
            if (row.columns().get(2).format() == Format.BINARY) {
                fractions += row.getDouble(2);
            }
            if (!row.isNull(3)) {
                total += row.length(3);
            }
        }
    }

    @Test
    void noGarbagePerRow() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String sql = "select i, i::int8 * 3, i / 3.0::float8, md5(i::text) from generate_series(1, " + ROWS + ") i";
        try (PgConnection pg = PostgresExtension.connectScram(server)) {
            for (Format format : Format.values()) {
                pg.query(sql, format, new Sum());   // warm up: JIT, buffers grown to size
                Sum sum = new Sum();
                long before = threads.getCurrentThreadAllocatedBytes();
                pg.query(sql, format, sum);
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertEquals(ROWS, sum.rows);
                assertEquals((long) ROWS * (ROWS + 1) / 2 * 4 + 32L * ROWS, sum.total);
                // The query's own objects (column list, names, command tag) take a few KB; rows none.
                assertTrue(allocated < 64 * 1024, format + ": " + allocated + " bytes for " + ROWS + " rows");
            }
        }
    }
}
