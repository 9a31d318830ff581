package io.sqlxwire.benchmarks.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.buffer.WireBuffer;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * The decode work of {@link PgDecodeBenchmark} allocates nothing once warm, checked in the normal
 * build so that a regression fails CI without a JMH run. Measured with the JVM's per-thread
 * allocation counter, a coarse stand-in for JMH's {@code -prof gc}: the smallest object costs 16
 * bytes, so one allocation per operation would show as at least 16 x {@value #MEASURED} bytes,
 * while the few hundred bytes the JVM itself may charge to the thread (compilation, class
 * initialisation) stay below the {@value #SLACK_BYTES} allowed. No timing is asserted.
 */
class PgDecodeAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final long SLACK_BYTES = 4096;

    private static com.sun.management.ThreadMXBean threads;
    private static byte[] stream;

    @BeforeAll
    static void allocationCounter() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        stream = PgCapture.load(PgCapture.SELECT_20_ROWS);
    }

    @Test
    void theCapturedStreamIsWhatTheBenchmarkClaims() {
        assertEquals(2276, stream.length);
        assertEquals(142, PgCapture.firstFrame(stream, 'T').length);
        assertEquals(104, PgCapture.firstFrame(stream, 'D').length);
    }

    @Test
    void readingTheWholeResultSetAllocatesNothing() {
        PgResultSetReader reader = new PgResultSetReader();
        long expected = reader.readStream(stream);
        assertAllocationFree("result-set stream", expected, () -> reader.readStream(stream));
    }

    @Test
    void readingOneDataRowAllocatesNothing() {
        PgResultSetReader reader = new PgResultSetReader();
        reader.readRowDescription(frame('T'));
        WireBuffer dataRow = frame('D');
        long expected = reader.readDataRow(dataRow);
        assertAllocationFree("DataRow", expected, () -> reader.readDataRow(dataRow));
    }

    @Test
    void readingOneRowDescriptionAllocatesNothing() {
        PgResultSetReader reader = new PgResultSetReader();
        WireBuffer rowDescription = frame('T');
        long expected = reader.readRowDescription(rowDescription);
        assertAllocationFree("RowDescription", expected, () -> reader.readRowDescription(rowDescription));
    }

    @Test
    void theReadsReallyHappen() {
        // The first DataRow of the capture: id 1, so the int4 column parsed to 1 is part of the sum;
        // a reader that skipped the columns would not reach this checksum.
        PgResultSetReader reader = new PgResultSetReader();
        reader.readRowDescription(frame('T'));
        long withTypes = reader.readDataRow(frame('D'));
        // Without the RowDescription the id column is read as text: "1" is one byte, 0x31.
        long untyped = new PgResultSetReader().readDataRow(frame('D'));
        assertEquals(1 + 0x31 - 1, untyped - withTypes);
    }

    private static WireBuffer frame(char tag) {
        return WireBuffer.of(PgCapture.firstFrame(stream, tag));
    }

    private static void assertAllocationFree(String what, long expected, LongSupplier operation) {
        assertEquals(expected, repeat(operation, WARM_UP) / WARM_UP, what + " checksum changed while warming up");
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long sum = repeat(operation, MEASURED);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(expected, sum / MEASURED);
        assertTrue(allocated < SLACK_BYTES,
                what + ": allocated " + allocated + " bytes in " + MEASURED + " operations (about "
                        + (allocated / MEASURED) + " bytes/op); the decode path must allocate nothing");
    }

    private static long repeat(LongSupplier operation, int times) {
        long sum = 0;
        for (int i = 0; i < times; i++) {
            sum += operation.getAsLong();
        }
        return sum;
    }
}
