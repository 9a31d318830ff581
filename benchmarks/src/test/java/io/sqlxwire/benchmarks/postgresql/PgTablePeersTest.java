package io.sqlxwire.benchmarks.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sqlxwire.benchmarks.table.BenchTable;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The generated reader, r2dbc-postgresql and pgjdbc read the same values from the same bytes: the
 * 10-column table answer and the real 20-row capture. The table's checksum is also computed from
 * {@link BenchTable}'s values directly, so the bytes are known to carry the table, not just to be
 * read alike.
 */
class PgTablePeersTest {

    private static final int ROWS = 1_000;

    @Test
    void allThreeReadTheTableAnswerAsTheTableSays() {
        byte[] answer = PgTableAnswer.build(ROWS);
        long expected = expectedChecksum(ROWS);

        assertEquals(expected, new PgResultSetReader().readStream(answer));
        ByteBuf wrapped = Unpooled.wrappedBuffer(answer);
        assertEquals(expected, new R2dbcPgPeerReader().readStream(wrapped));
        assertEquals(1, wrapped.refCnt());
        PgjdbcPeerReader pgjdbc = new PgjdbcPeerReader(answer);
        assertEquals(expected, pgjdbc.readAnswer());
        assertEquals(expected, pgjdbc.readAnswer(), "the replayed answer is read whole each time");
    }

    @Test
    void frameSplittingFindsEveryFrame() {
        PgTableDecodeBenchmark benchmark = new PgTableDecodeBenchmark();
        benchmark.rows = 5_000; // 600 KB: several 16 KiB chunks, frames straddling them
        benchmark.setUp();
        int frames = 5_000 + 3; // T, the rows, C, Z
        assertEquals(frames + PgTableAnswer.build(5_000).length, benchmark.frameSplit());
        assertEquals(frames, benchmark.frameSplitAccumulated());
        assertEquals(frames, benchmark.frameSplitAccumulated(), "the accumulator is left empty after each answer");
        assertEquals(expectedChecksum(5_000), benchmark.ours());
        assertEquals(expectedChecksum(5_000), benchmark.r2dbc());
        assertEquals(expectedChecksum(5_000), benchmark.pgjdbc());
    }

    @Test
    void pgjdbcReadsTheRealCaptureAsOursDoes() {
        byte[] capture = PgCapture.load(PgCapture.SELECT_20_ROWS);
        long ours = new PgResultSetReader().readStream(capture);
        PgjdbcPeerReader pgjdbc = new PgjdbcPeerReader(capture);
        assertEquals(ours, pgjdbc.readAnswer());
        assertEquals(ours, pgjdbc.readAnswer());
    }

    /** The checksum PgResultSetReader's rules give for the table, from its values, not its bytes. */
    private static long expectedChecksum(int rows) {
        long sum = 0;
        for (int c = 0; c < BenchTable.COLUMNS; c++) {
            String name = BenchTable.NAMES[c];
            int[] type = PgTableAnswer.TYPES[c];
            sum += name.length() + name.charAt(0) + PgTableAnswer.TABLE_OID + (c + 1) + type[0] + type[1] + type[2];
        }
        for (int r = 0; r < rows; r++) {
            sum += BenchTable.id(r) + BenchTable.big(r) + BenchTable.small(r);
            for (int c = 3; c < BenchTable.COLUMNS; c++) {
                String text = BenchTable.text(r, c);
                if (text == null) {
                    sum += 7;
                } else {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    sum += bytes.length + (bytes[0] & 0xFF);
                }
            }
        }
        String tag = "SELECT " + rows;
        return sum + tag.length() + 'S' + 'I';
    }
}
