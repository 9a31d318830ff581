package io.sqlxwire.benchmarks.postgresql;

import io.netty.buffer.ByteBuf;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 7, item 2: Parse / Bind / Describe / Execute / Sync with 5 parameters (see
 * {@link PgExtendedQuery}), ours (generated encoders into a reused WireWriter) against
 * r2dbc-postgresql's frontend message encoders; the test checks both write the same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PgEncodeBenchmark {

    private final PgFrontendEncoders ours = new PgFrontendEncoders();
    private final R2dbcPgFrontendEncoders r2dbc = new R2dbcPgFrontendEncoders();

    @Benchmark
    public WireWriter ours() {
        return ours.encode();
    }

    @Benchmark
    public ByteBuf r2dbc() {
        return r2dbc.encode();
    }
}
