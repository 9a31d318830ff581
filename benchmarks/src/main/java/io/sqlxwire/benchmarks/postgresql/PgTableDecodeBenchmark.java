package io.sqlxwire.benchmarks.postgresql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sqlxwire.benchmarks.table.BenchTable;
import io.sqlxwire.protocols.postgresql.PgTaggedFraming;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 7, items 1 and 4: PostgreSQL's answer to {@code select * from bench} (RowDescription of 10
 * columns, {@code rows} DataRows, CommandComplete, ReadyForQuery; see {@link PgTableAnswer}),
 * decoded and read whole by the generated codecs, by r2dbc-postgresql and by pgjdbc; the same bytes
 * split into frames only; and the ceiling, one {@code System.arraycopy} of the same bytes.
 *
 * <p>One operation is one whole answer: MB/s = answer bytes / (ns/op) x 1000, rows/s = rows /
 * (ns/op) x 10^9, B/row = {@code gc.alloc.rate.norm} / rows. The answer's size is printed at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PgTableDecodeBenchmark {

    /** The socket-sized chunks the accumulating splitter is fed. */
    private static final int CHUNK = 16 * 1024;

    @Param({"10000"})
    public int rows = BenchTable.DEFAULT_ROWS;

    private byte[] answer;
    private byte[] copy;
    private final PgResultSetReader ours = new PgResultSetReader();
    private final R2dbcPgPeerReader r2dbc = new R2dbcPgPeerReader();
    private PgjdbcPeerReader pgjdbc;
    private ByteBuf r2dbcAnswer;
    private final WireBuffer stream = new WireBuffer();
    private final WireBuffer rest = new WireBuffer();
    private final FrameAccumulator accumulator =
            new FrameAccumulator(PgTaggedFraming.INSTANCE, Limits.DEFAULTS);

    @Setup
    public void setUp() {
        answer = PgTableAnswer.build(rows);
        copy = new byte[answer.length];
        r2dbcAnswer = Unpooled.wrappedBuffer(answer);
        pgjdbc = new PgjdbcPeerReader(answer);
        System.out.println("answer: " + answer.length + " bytes, " + rows + " rows");
    }

    /** Generated framing, dispatcher and decoders; every column read, nothing allocated. */
    @Benchmark
    public long ours() {
        return ours.readStream(answer);
    }

    /** r2dbc-postgresql's BackendMessageDecoder over the same bytes, read the same way. */
    @Benchmark
    public long r2dbc() {
        return r2dbc.readStream(r2dbcAnswer);
    }

    /** pgjdbc's QueryExecutorImpl receiving the same answer from an in-memory socket, read the same way. */
    @Benchmark
    public long pgjdbc() {
        return pgjdbc.readAnswer();
    }

    /** Item 4: frame boundaries only, in place over the whole answer (generated tagged framing). */
    @Benchmark
    public long frameSplit() {
        stream.wrap(answer, 0, answer.length);
        long frames = 0;
        int pos = 0;
        int length = answer.length;
        while (pos < length) {
            stream.slice(pos, length - pos, rest);
            pos += (int) PgTaggedFraming.INSTANCE.frameLength(rest);
            frames++;
        }
        return frames + pos;
    }

    /**
     * Item 4: frame boundaries through the runtime's {@link FrameAccumulator}, fed 16 KiB chunks as a
     * socket delivers them (each chunk copied into its buffer, frames that straddle chunks kept).
     */
    @Benchmark
    public long frameSplitAccumulated() {
        long frames = 0;
        for (int at = 0; at < answer.length; at += CHUNK) {
            accumulator.feed(answer, at, Math.min(CHUNK, answer.length - at));
            while (accumulator.next()) {
                frames++;
            }
        }
        return frames;
    }

    /** The ceiling: copying the same bytes once, on the same core. */
    @Benchmark
    public byte[] arraycopy() {
        System.arraycopy(answer, 0, copy, 0, answer.length);
        return copy;
    }
}
