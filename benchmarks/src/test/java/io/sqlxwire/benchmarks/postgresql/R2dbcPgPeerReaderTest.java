package io.sqlxwire.benchmarks.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sqlxwire.runtime.buffer.WireBuffer;
import org.junit.jupiter.api.Test;

/**
 * The r2dbc-postgresql peer reads what the generated decoders read, so that the benchmark compares
 * equal work: same checksum for the whole stream, for the RowDescription and for every one of the
 * 20 DataRows (each typed by the RowDescription), and no reference leaked from the shared buffer.
 */
class R2dbcPgPeerReaderTest {

    private final byte[] stream = PgCapture.load(PgCapture.SELECT_20_ROWS);

    @Test
    void theWholeStreamReadsTheSameAndReleasesEverything() {
        ByteBuf wrapped = Unpooled.wrappedBuffer(stream);
        R2dbcPgPeerReader peer = new R2dbcPgPeerReader();
        long ours = new PgResultSetReader().readStream(stream);
        assertEquals(ours, peer.readStream(wrapped));
        assertEquals(ours, peer.readStream(wrapped), "a second pass over the reset buffer");
        assertEquals(1, wrapped.refCnt(), "every DataRow's retained column slices were released");
    }

    @Test
    void everyFrameReadsTheSame() {
        PgResultSetReader ours = new PgResultSetReader();
        R2dbcPgPeerReader peer = new R2dbcPgPeerReader();
        WireBuffer frame = new WireBuffer();
        int pos = 0;
        int dataRows = 0;
        while (pos < stream.length) {
            int length = 1 + (((stream[pos + 1] & 0xFF) << 24) | ((stream[pos + 2] & 0xFF) << 16)
                    | ((stream[pos + 3] & 0xFF) << 8) | (stream[pos + 4] & 0xFF));
            byte[] bytes = java.util.Arrays.copyOfRange(stream, pos, pos + length);
            frame.wrap(bytes, 0, length);
            long peerSum = peer.readFrame(Unpooled.wrappedBuffer(bytes));
            if (bytes[0] == 'T') {
                assertEquals(ours.readRowDescription(frame), peerSum, "RowDescription");
            } else if (bytes[0] == 'D') {
                assertEquals(ours.readDataRow(frame), peerSum, "DataRow " + dataRows);
                dataRows++;
            }
            pos += length;
        }
        assertEquals(20, dataRows);
    }

    @Test
    void integerColumnsAreParsedNotJustMeasured() {
        // The id column of the first row is parsed: its checksum differs from "length + first byte".
        byte[] row = PgCapture.firstFrame(stream, 'D');
        R2dbcPgPeerReader typed = new R2dbcPgPeerReader();
        typed.readFrame(Unpooled.wrappedBuffer(PgCapture.firstFrame(stream, 'T')));
        R2dbcPgPeerReader untyped = new R2dbcPgPeerReader();
        assertNotEquals(untyped.readFrame(Unpooled.wrappedBuffer(row)), typed.readFrame(Unpooled.wrappedBuffer(row)));
    }

    @Test
    void decimalParsingMatchesTheRuntimeRules() {
        assertEquals(-42, R2dbcPgPeerReader.parseDecimal(Unpooled.wrappedBuffer("-42".getBytes()), 0, 3));
        assertEquals(Long.MIN_VALUE, R2dbcPgPeerReader.parseDecimal(
                Unpooled.wrappedBuffer("-9223372036854775808".getBytes()), 0, 20));
        org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class,
                () -> R2dbcPgPeerReader.parseDecimal(Unpooled.wrappedBuffer("007".getBytes()), 0, 3));
        org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class,
                () -> R2dbcPgPeerReader.parseDecimal(Unpooled.wrappedBuffer("9223372036854775808".getBytes()), 0, 19));
    }
}
