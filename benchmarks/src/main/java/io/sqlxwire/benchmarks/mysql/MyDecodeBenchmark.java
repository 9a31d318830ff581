package io.sqlxwire.benchmarks.mysql;

import io.sqlxwire.benchmarks.table.BenchTable;
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
 * Issue 7, item 3: a MySQL result set of {@code rows} rows of the 10-column table (see
 * {@link MyTableResultSet}), text (COM_QUERY) and binary (COM_STMT_EXECUTE), read whole by the
 * generated decoders ({@link MyResultSetReader}) and by MariaDB Connector/J's packet reader and row
 * decoders ({@link MariaDbPeerReader}); and the ceiling, one {@code System.arraycopy} of the bytes.
 * One operation is one whole result set; the sizes are printed at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MyDecodeBenchmark {

    @Param({"10000"})
    public int rows = BenchTable.DEFAULT_ROWS;

    private byte[] text;
    private byte[] binary;
    private byte[] copy;
    private final MyResultSetReader ours = new MyResultSetReader();
    private MariaDbPeerReader mariadbText;
    private MariaDbPeerReader mariadbBinary;

    @Setup
    public void setUp() {
        text = MyTableResultSet.text(rows);
        binary = MyTableResultSet.binary(rows);
        copy = new byte[Math.max(text.length, binary.length)];
        mariadbText = new MariaDbPeerReader(text, false);
        mariadbBinary = new MariaDbPeerReader(binary, true);
        System.out.println("text: " + text.length + " bytes, binary: " + binary.length + " bytes, " + rows + " rows");
    }

    @Benchmark
    public long oursText() {
        return ours.read(text, false);
    }

    @Benchmark
    public long mariadbText() {
        return mariadbText.read();
    }

    @Benchmark
    public long oursBinary() {
        return ours.read(binary, true);
    }

    @Benchmark
    public long mariadbBinary() {
        return mariadbBinary.read();
    }

    /** The ceiling for the text result set: copying its bytes once. */
    @Benchmark
    public byte[] textArraycopy() {
        System.arraycopy(text, 0, copy, 0, text.length);
        return copy;
    }

    /** The ceiling for the binary result set. */
    @Benchmark
    public byte[] binaryArraycopy() {
        System.arraycopy(binary, 0, copy, 0, binary.length);
        return copy;
    }
}
