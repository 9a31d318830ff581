package io.sqlxwire.benchmarks.postgresql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sqlxwire.runtime.buffer.WireBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Generated PostgreSQL decoders over real backend bytes (see {@link PgCapture#SELECT_20_ROWS}):
 * the whole simple-query answer through the generated framing and dispatcher, one DataRow and one
 * RowDescription on their own, and the memory-bandwidth ceiling for the same bytes; and the same
 * three operations through the hand-written peer r2dbc-postgresql ({@link R2dbcPgPeerReader}).
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be about 0 B/op for the decoders.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PgDecodeBenchmark {

    private byte[] stream;
    private byte[] copy;
    private final WireBuffer dataRowFrame = new WireBuffer();
    private final WireBuffer rowDescriptionFrame = new WireBuffer();
    private final PgResultSetReader reader = new PgResultSetReader();
    private final R2dbcPgPeerReader r2dbc = new R2dbcPgPeerReader();
    private ByteBuf r2dbcStream;
    private ByteBuf r2dbcDataRow;
    private ByteBuf r2dbcRowDescription;

    @Setup
    public void setUp() {
        stream = PgCapture.load(PgCapture.SELECT_20_ROWS);
        copy = new byte[stream.length];
        byte[] rowDescription = PgCapture.firstFrame(stream, 'T');
        byte[] dataRow = PgCapture.firstFrame(stream, 'D');
        rowDescriptionFrame.wrap(rowDescription, 0, rowDescription.length);
        dataRowFrame.wrap(dataRow, 0, dataRow.length);
        // The single-DataRow benchmark types its columns by the RowDescription it follows.
        reader.readRowDescription(rowDescriptionFrame);
        r2dbcStream = Unpooled.wrappedBuffer(stream);
        r2dbcDataRow = Unpooled.wrappedBuffer(dataRow);
        r2dbcRowDescription = Unpooled.wrappedBuffer(rowDescription);
        r2dbc.readFrame(r2dbcRowDescription);
    }

    /** RowDescription, 20 DataRows, CommandComplete, ReadyForQuery: 2,276 bytes, 23 frames. */
    @Benchmark
    public long resultSetStream() {
        return reader.readStream(stream);
    }

    /** One DataRow frame of 6 columns (104 bytes), wrapped, validated and read column by column. */
    @Benchmark
    public long dataRow() {
        return reader.readDataRow(dataRowFrame);
    }

    /** One RowDescription frame of 6 fields (142 bytes), wrapped, validated and read field by field. */
    @Benchmark
    public long rowDescription() {
        return reader.readRowDescription(rowDescriptionFrame);
    }

    /** The ceiling: copying the same 2,276 bytes once, on the same core. */
    @Benchmark
    public byte[] resultSetStreamArraycopy() {
        System.arraycopy(stream, 0, copy, 0, stream.length);
        return copy;
    }

    /** Peer: the same 2,276 bytes through r2dbc-postgresql's {@code BackendMessageDecoder}. */
    @Benchmark
    public long r2dbcResultSetStream() {
        return r2dbc.readStream(r2dbcStream);
    }

    /** Peer: the same DataRow frame through r2dbc-postgresql (a retained slice per column). */
    @Benchmark
    public long r2dbcDataRow() {
        return r2dbc.readFrame(r2dbcDataRow);
    }

    /** Peer: the same RowDescription frame through r2dbc-postgresql (a String per field name). */
    @Benchmark
    public long r2dbcRowDescription() {
        return r2dbc.readFrame(r2dbcRowDescription);
    }
}
