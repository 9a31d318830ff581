package io.sqlxwire.runtime.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each step: past what it scans when the bytes are there, "need N" when not, a negative position passed on. */
class FrameScanTest {

    /** {@code $5\r\nhello\r\n} and two more bytes, as a RESP reply stream might hold it. */
    private static final WireBuffer BUF = WireBuffer.of("$5\r\nhello\r\n:1".getBytes(StandardCharsets.US_ASCII));

    /** What the steps answer for "the frame needs at least {@code total} bytes". */
    private static long need(long total) {
        return FrameHeaderReader.needAtLeast(total);
    }

    @Test
    void ensureAndSkip() {
        assertEquals(4, FrameScan.ensure(BUF, 4, 5));
        assertEquals(need(14), FrameScan.ensure(BUF, 10, 4));
        assertEquals(9, FrameScan.skip(BUF, 4, 5));
        assertEquals(13, FrameScan.skip(BUF, 11, 2));
        assertEquals(need(14), FrameScan.skip(BUF, 11, 3));
    }

    @Test
    void skipLengthRefusesANegativeLengthAtItsPosition() {
        assertEquals(9, FrameScan.skipLength(BUF, 4, 5));
        assertEquals(need(4 + 100L), FrameScan.skipLength(BUF, 4, 100));
        CodecException e = assertThrows(CodecException.class, () -> FrameScan.skipLength(BUF, 4, -2));
        assertEquals("negative size -2", e.detail());
        assertEquals(4, e.offset());
    }

    @Test
    void linesAndTerminators() {
        assertEquals(4, FrameScan.pastNumberLine(BUF, 1));            // "5\r\n"
        assertEquals(11, FrameScan.pastCrlf(BUF, 4));                 // "hello\r\n"
        assertEquals(need(14), FrameScan.pastNumberLine(BUF, 12));    // "1" and no CRLF yet
        assertEquals(need(14), FrameScan.pastCrlf(BUF, 11));
        assertEquals(5, FrameScan.pastByte(BUF, 0, (byte) 'h'));
        assertEquals(need(14), FrameScan.pastByte(BUF, 0, (byte) '!'));
        CodecException e = assertThrows(CodecException.class, () -> FrameScan.pastNumberLine(BUF, 4));
        assertEquals(4, e.offset());                                   // 'h' is no digit: fails at once
    }

    @Test
    void aNegativePositionIsPassedOnByEveryStep() {
        long incomplete = need(40);
        assertEquals(incomplete, FrameScan.ensure(BUF, incomplete, 1));
        assertEquals(incomplete, FrameScan.skip(BUF, incomplete, 1));
        assertEquals(incomplete, FrameScan.skipLength(BUF, incomplete, -1)); // not even checked
        assertEquals(incomplete, FrameScan.pastCrlf(BUF, incomplete));
        assertEquals(incomplete, FrameScan.pastByte(BUF, incomplete, (byte) 0));
        assertEquals(incomplete, FrameScan.pastNumberLine(BUF, incomplete));
    }

    @Test
    void startsWithAndTotal() {
        assertTrue(FrameScan.startsWith(BUF, 4, "hel".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(FrameScan.startsWith(BUF, 4, "help".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(13, FrameScan.total(13));
        assertEquals(40, FrameScan.total(need(40)));
    }
}
