package io.sqlxwire.benchmarks.endtoend;

import io.sqlxwire.examples.pgclient.Row;
import io.sqlxwire.examples.pgclient.RowHandler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7, item 5 (PostgreSQL): {@code rows} rows of the 10-column table fetched from a real
 * PostgreSQL over TCP on 127.0.0.1, every column read, by {@code examples/pg-client} and by pgjdbc,
 * each on its own connection to the same server in the same run. The server (Zonky's PostgreSQL
 * binaries) and the table are made once per trial.
 *
 * <p>One operation is one whole result: rows/s = rows / (ms/op) x 1000; B/row =
 * {@code gc.alloc.rate.norm} / rows. The server's work is in every number and the client and server
 * share the machine's cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class EndToEndPgBenchmark {

    /** pgjdbc's rows per fetch when it fetches in batches. */
    public static final int PGJDBC_FETCH_SIZE = 10_000;

    @Param({"1000000"})
    public int rows;

    private PgEndToEndFixture fixture;
    private final PgClientReader oursInPlace = new PgClientReader(false);
    private final PgClientReader oursStrings = new PgClientReader(true);
    private final RowCounter rowsOnly = new RowCounter();
    private final JdbcReader pgjdbcWhole = new JdbcReader(0);
    private final JdbcReader pgjdbcBatched = new JdbcReader(PGJDBC_FETCH_SIZE);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = PgEndToEndFixture.start(rows);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    /** pg-client, text columns read in place. */
    @Benchmark
    public long ours() throws Exception {
        return oursInPlace.fetch(fixture.ours);
    }

    /** pg-client, text columns read as Strings (as JDBC hands them out). */
    @Benchmark
    public long oursStrings() throws Exception {
        return oursStrings.fetch(fixture.ours);
    }

    /**
     * Control: pg-client with a handler that reads no column (rows counted only): the floor set by
     * the server, the socket and our framing and decoding. Not a result to compare with pgjdbc.
     */
    @Benchmark
    public long oursNoColumnRead() throws Exception {
        rowsOnly.count = 0;
        fixture.ours.simpleQuery(EndToEndTable.SELECT_ALL, rowsOnly);
        return rowsOnly.count;
    }

    /** pgjdbc, default fetch size: the whole result is read into memory, then iterated. */
    @Benchmark
    public long pgjdbc() throws Exception {
        return pgjdbcWhole.fetch(fixture.pgjdbc);
    }

    /** pgjdbc with a fetch size (in a transaction): a portal read {@value #PGJDBC_FETCH_SIZE} rows at a time. */
    @Benchmark
    public long pgjdbcFetchSize() throws Exception {
        long sum = pgjdbcBatched.fetch(fixture.pgjdbcInTransaction);
        fixture.pgjdbcInTransaction.commit();
        return sum;
    }

    /** Counts rows, reads nothing. */
    static final class RowCounter implements RowHandler {
        long count;

        @Override
        public void onRow(Row row) {
            count++;
        }
    }
}
