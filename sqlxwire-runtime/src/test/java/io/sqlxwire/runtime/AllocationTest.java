package io.sqlxwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.buffer.TextView;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.codec.Checksums;
import io.sqlxwire.runtime.codec.LengthEncodedInt;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import io.sqlxwire.runtime.frame.LengthCounts;
import io.sqlxwire.runtime.frame.LengthFieldFraming;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hot paths allocate nothing once warm: framing, decoding through views, comparing text,
 * checksums and encoding into a reused writer. Measured with the JVM's per-thread allocation
 * counter (a coarse stand-in for JMH's {@code -prof gc}). The smallest object costs 16 bytes,
 * so one allocation per iteration would show as 320,000 bytes; the few hundred bytes the JVM
 * itself sometimes attributes to the thread (compilation, class initialisation) stay far below
 * the 4 KiB allowed.
 */
class AllocationTest {

    private static final byte[] ROW_DESCRIPTION =
            GeneratedStyleDecoderTest.encode(new String[] {"id", "name"}, new int[] {23, 25});

    @Test
    void hotPathsDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        FrameAccumulator accumulator = new FrameAccumulator(
                LengthFieldFraming.of(5, 1, 4, ByteOrder.BIG_ENDIAN, LengthCounts.FROM_FIELD), Limits.DEFAULTS);
        GeneratedStyleDecoderTest.RowDescriptionDecoder decoder = new GeneratedStyleDecoderTest.RowDescriptionDecoder();
        ByteBuffer direct = ByteBuffer.allocateDirect(64);
        direct.put(ROW_DESCRIPTION).flip();
        WireBuffer directView = new WireBuffer();
        Checksums checksums = new Checksums();
        WireWriter writer = WireWriter.growable(64, 1024);

        long checksum = run(accumulator, decoder, direct, directView, checksums, writer, 20_000);
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        checksum += run(accumulator, decoder, direct, directView, checksums, writer, 20_000);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertTrue(checksum != 0);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes in 20,000 iterations");
    }

    private static long run(FrameAccumulator accumulator, GeneratedStyleDecoderTest.RowDescriptionDecoder decoder,
            ByteBuffer direct, WireBuffer directView, Checksums checksums, WireWriter writer, int iterations) {
        long sum = 0;
        for (int i = 0; i < iterations; i++) {
            accumulator.feed(ROW_DESCRIPTION, 0, 7);
            accumulator.feed(ROW_DESCRIPTION, 7, ROW_DESCRIPTION.length - 7);
            while (accumulator.next()) {
                GeneratedStyleDecoderTest.FieldCursor fields = decoder.wrap(accumulator.frame()).fields();
                while (fields.next()) {
                    TextView name = fields.name();
                    sum += name.contentEquals("name") ? 1 : 0;
                    sum += fields.typeOid();
                }
            }
            directView.wrap(direct);
            sum += directView.i32be(1) + checksums.crc32(directView, 0, directView.length());
            sum += Checksums.cqlCrc24(directView, 0, 3);
            writer.reset();
            LengthEncodedInt.write(writer, i * 1000L);
            sum += LengthEncodedInt.read(writer.written(directView), 0);
            directView.wrap(direct);
        }
        assertEquals(0, accumulator.buffered());
        return sum;
    }
}
