package io.sqlxwire.benchmarks.postgresql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Ours and r2dbc-postgresql write the same bytes for the encode benchmark, and ours allocates nothing. */
class PgFrontendEncodersTest {

    @Test
    void oursAndR2dbcWriteTheSameBytes() {
        WireWriter ours = new PgFrontendEncoders().encode();
        ByteBuf r2dbc = new R2dbcPgFrontendEncoders().encode();
        byte[] theirs = ByteBufUtil.getBytes(r2dbc);
        assertArrayEquals(theirs, ours.toByteArray());
        // Spot-check the layout so that both cannot be wrong alike: five frames, P B D E S.
        assertEquals('P', theirs[0]);
        assertEquals('S', theirs[theirs.length - 5]);
        assertEquals(4, theirs[theirs.length - 1]);
    }

    @Test
    void repeatedRoundsWriteTheSameBytesWithoutAllocating() {
        PgFrontendEncoders encoders = new PgFrontendEncoders();
        byte[] first = encoders.encode().toByteArray();
        for (int i = 0; i < 20_000; i++) {
            encoders.encode();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            encoders.encode();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertArrayEquals(first, encoders.encode().toByteArray());
        // One 16-byte object per round would be 320,000 bytes.
        assertEquals(0, allocated / 4096, "allocated " + allocated + " bytes in 20,000 rounds");
    }
}
