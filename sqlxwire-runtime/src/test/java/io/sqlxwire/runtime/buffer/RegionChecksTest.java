package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.error.CodecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every check passes on good input and fails with the message and the offset a generated decoder
 * reports. The region is a slice starting 100 bytes into its frame, so the tests also see that
 * offsets are reported in the frame's coordinates ({@code origin + pos}), not the region's.
 */
class RegionChecksTest {

    private static final int ORIGIN = 100;

    /** Ten bytes {@code 'a'..'j'} with a NUL at 5, then {@code "\r\n"} at 7 and 8, seen from offset 100 of a frame. */
    private final WireBuffer region = region();

    private static WireBuffer region() {
        byte[] frame = new byte[ORIGIN + 10];
        byte[] tail = {'a', 'b', 'c', 'd', 'e', 0, 'g', '\r', '\n', 'j'};
        System.arraycopy(tail, 0, frame, ORIGIN, tail.length);
        return WireBuffer.of(frame).slice(ORIGIN, tail.length, new WireBuffer());
    }

    private static CodecException failure(String detail, long offset, Executable check) {
        CodecException e = assertThrows(CodecException.class, check);
        assertEquals(detail, e.detail());
        assertEquals(offset, e.offset());
        return e;
    }

    @Test
    void needPassesUpToTheLimitAndNamesWhatIsMissing() {
        RegionChecks.need(region, 4, 6, 10);
        RegionChecks.need(region, 10, 0, 10);
        failure("needs 4 bytes but only 3 remain", ORIGIN + 7, () -> RegionChecks.need(region, 7, 4, 10));
        // A narrower limit (a size(...) sub-region) is what counts, not the end of the region.
        failure("needs 2 bytes but only 1 remain", ORIGIN + 3, () -> RegionChecks.need(region, 3, 2, 4));
        failure("needs 1 byte but only 0 remain", ORIGIN + 10, () -> RegionChecks.need(region, 10, 1, 10));
    }

    @Test
    void lengthAtAcceptsWhatFitsAndRejectsNegativeOrTooLong() {
        assertEquals(6, RegionChecks.lengthAt(region, 6, 4, 10));
        assertEquals(0, RegionChecks.lengthAt(region, 0, 10, 10));
        failure("negative length -1", ORIGIN + 2, () -> RegionChecks.lengthAt(region, -1, 2, 10));
        failure("needs 9 bytes but only 8 remain", ORIGIN + 2, () -> RegionChecks.lengthAt(region, 9, 2, 10));
        // A 64-bit length from the input must not wrap into a small int.
        failure("needs 4294967297 bytes but only 8 remain", ORIGIN + 2,
                () -> RegionChecks.lengthAt(region, 0x1_0000_0001L, 2, 10));
    }

    @Test
    void offsetInAcceptsZeroToTheLimit() {
        assertEquals(0, RegionChecks.offsetIn(region, 0, 0, 3, 10));
        assertEquals(10, RegionChecks.offsetIn(region, 0, 10, 3, 10));
        failure("offset -1 outside the region of 10 bytes", ORIGIN + 3, () -> RegionChecks.offsetIn(region, 0, -1, 3, 10));
        failure("offset 11 outside the region of 10 bytes", ORIGIN + 3, () -> RegionChecks.offsetIn(region, 0, 11, 3, 10));
    }

    @Test
    void offsetInCountsFromTheValuesStartInASharedRegion() {
        assertEquals(14, RegionChecks.offsetIn(region, 4, 10, 5, 14));
        assertEquals(4, RegionChecks.offsetIn(region, 4, 0, 5, 14));
        failure("offset 11 outside the region of 10 bytes", ORIGIN + 5, () -> RegionChecks.offsetIn(region, 4, 11, 5, 14));
    }

    @Test
    void elementCountIsBoundedByTheDefaultLimit() {
        int max = Limits.DEFAULTS.maxElements();
        assertEquals(0, RegionChecks.elementCount(region, 0, 1));
        assertEquals(max, RegionChecks.elementCount(region, max, 1));
        failure("element count -1 outside 0.." + max, ORIGIN + 1, () -> RegionChecks.elementCount(region, -1, 1));
        failure("element count " + (max + 1L) + " outside 0.." + max, ORIGIN + 1,
                () -> RegionChecks.elementCount(region, max + 1L, 1));
    }

    @Test
    void findTerminatorFindsTheFirstInStepsAndFailsAtTheStart() {
        byte[] nul = {0};
        byte[] crlf = {'\r', '\n'};
        assertEquals(5, RegionChecks.findTerminator(region, nul, 0, 10, 1));
        assertEquals(7, RegionChecks.findTerminator(region, crlf, 0, 10, 1));
        // In steps of two from 0 the NUL at 5 is never a code unit's start.
        failure("no terminator before the end of the region", ORIGIN + 0,
                () -> RegionChecks.findTerminator(region, nul, 0, 10, 2));
        // The terminator must lie wholly before the limit.
        failure("no terminator before the end of the region", ORIGIN + 6,
                () -> RegionChecks.findTerminator(region, crlf, 6, 8, 1));
        failure("no terminator before the end of the region", ORIGIN + 10,
                () -> RegionChecks.findTerminator(region, nul, 10, 10, 1));
    }

    @Test
    void startsWithNeverReadsPastTheLimit() {
        assertTrue(RegionChecks.startsWith(region, new byte[] {'c', 'd'}, 2, 10));
        assertTrue(RegionChecks.startsWith(region, new byte[0], 10, 10));
        assertFalse(RegionChecks.startsWith(region, new byte[] {'c', 'e'}, 2, 10));
        assertFalse(RegionChecks.startsWith(region, new byte[] {'c', 'd'}, 2, 3));
    }

    @Test
    void divisionByZeroFailsAtThePosition() {
        assertEquals(3, RegionChecks.divide(region, 7, 2, 0));
        assertEquals(1, RegionChecks.remainder(region, 7, 2, 0));
        failure("division by zero", ORIGIN + 4, () -> RegionChecks.divide(region, 7, 0, 4));
        failure("division by zero", ORIGIN + 4, () -> RegionChecks.remainder(region, 7, 0, 4));
    }

    @Test
    void peekAtChecksThePositionAndTheWidth() {
        assertEquals(8, RegionChecks.peekAt(region, 8, 2, 10));
        assertEquals(0x0d0a, region.u16be(RegionChecks.peekAt(region, 7, 2, 10)));
        failure("peek outside the region", ORIGIN + 10, () -> RegionChecks.peekAt(region, -1, 1, 10));
        failure("peek outside the region", ORIGIN + 6, () -> RegionChecks.peekAt(region, 7, 1, 6));
        // A huge computed position must not wrap into the region.
        failure("peek outside the region", ORIGIN + 10, () -> RegionChecks.peekAt(region, 0x1_0000_0002L, 1, 10));
        failure("needs 2 bytes but only 1 remain", ORIGIN + 9, () -> RegionChecks.peekAt(region, 9, 2, 10));
    }

    @Test
    void failReportsInTheFramesCoordinates() {
        CodecException e = RegionChecks.fail(region, "bad value", 3);
        assertEquals("bad value", e.detail());
        assertEquals(ORIGIN + 3, e.offset());
        assertEquals("postgresql Msg.field: bad value at offset 103",
                e.inField("field").inMessage("postgresql", "Msg").getMessage());
    }
}
