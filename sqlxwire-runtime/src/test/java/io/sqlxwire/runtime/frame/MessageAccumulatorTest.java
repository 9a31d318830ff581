package io.sqlxwire.runtime.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** MySQL-shaped packets (3-byte length, 1-byte sequence) whose continuation size is shrunk to 8 bytes. */
class MessageAccumulatorTest {

    private static final int CHUNK = 8;

    /** Like MySQL packets, but a body of exactly {@link #CHUNK} bytes continues. */
    private static final FrameHeaderReader PACKETS = new FrameHeaderReader() {
        private final LengthFieldFraming lengths = LengthFieldFraming.of(4, 0, 3, ByteOrder.LITTLE_ENDIAN,
                LengthCounts.BODY).continuesWhen(FrameCondition.frameLengthIs(4 + CHUNK));

        @Override
        public int headerLength() {
            return 4;
        }

        @Override
        public long frameLength(WireBuffer available) {
            return lengths.frameLength(available);
        }

        @Override
        public boolean continues(WireBuffer frame) {
            return lengths.continues(frame);
        }

        @Override
        public int sequenceBits() {
            return 8;
        }

        @Override
        public long sequenceNumber(WireBuffer frame) {
            return frame.u8(3);
        }
    };

    /** The packets of one payload, split as MySQL splits it, numbered from {@code sequence}. */
    static byte[] packets(byte[] payload, int sequence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int n = Math.min(CHUNK, payload.length - at);
            out.write(n);
            out.write(0);
            out.write(0);
            out.write(sequence++ & 0xFF);
            out.write(payload, at, n);
            at += n;
            if (n < CHUNK) {
                return out.toByteArray();
            }
        }
    }

    private static byte[] payload(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + 1);
        }
        return bytes;
    }

    @Test
    void aSinglePacketIsHandedOutWithoutJoining() {
        MessageAccumulator messages = new MessageAccumulator(PACKETS, Limits.DEFAULTS);
        byte[] wire = packets(payload(5), 3);
        messages.feed(wire, 0, wire.length);
        assertTrue(messages.next());
        assertEquals(1, messages.parts());
        assertFalse(messages.isJoined());
        assertEquals(0, messages.joinCapacity());
        assertEquals(3, messages.firstSequenceNumber());
        assertArrayEquals(payload(5), messages.payload().toByteArray(0, 5));
        assertArrayEquals(wire, messages.frame().toByteArray(0, wire.length));
        assertFalse(messages.next());
    }

    @Test
    void continuedPacketsAreJoinedBehindTheFirstHeader() {
        for (int length : new int[] {CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 5}) {
            MessageAccumulator messages = new MessageAccumulator(PACKETS, Limits.DEFAULTS);
            byte[] wire = packets(payload(length), 255);
            messages.feed(wire, 0, wire.length);
            assertTrue(messages.next(), "length " + length);
            assertEquals(length / CHUNK + 1, messages.parts(), "length " + length);
            assertArrayEquals(payload(length), messages.payload().toByteArray(0, length));
            assertEquals(4 + length, messages.frame().length());
            assertEquals(255, messages.firstSequenceNumber());
            assertEquals((255 + length / CHUNK) & 0xFF, messages.lastSequenceNumber());
            assertFalse(messages.next());
        }
    }

    @Test
    void aGapInTheSequenceIsRejectedAtTheFrameThatBreaksIt() {
        byte[] wire = packets(payload(2 * CHUNK + 1), 0);
        wire[2 * (4 + CHUNK) + 3] = 7; // the third packet should be number 2
        MessageAccumulator messages = new MessageAccumulator(PACKETS, Limits.DEFAULTS);
        messages.feed(wire, 0, wire.length);
        CodecException e = assertThrows(CodecException.class, messages::next);
        assertEquals(2L * (4 + CHUNK), e.offset());
        assertTrue(e.getMessage().contains("sequence number 7, expected 2"), e.getMessage());
    }

    @Test
    void aJoinedMessageAboveTheFrameLimitIsRejected() {
        MessageAccumulator messages = new MessageAccumulator(PACKETS, Limits.DEFAULTS.withMaxFrameBytes(4 + 2 * CHUNK));
        byte[] wire = packets(payload(3 * CHUNK), 0);
        messages.feed(wire, 0, wire.length);
        CodecException e = assertThrows(CodecException.class, messages::next);
        assertTrue(e.getMessage().contains("exceeds the frame limit"), e.getMessage());
        assertTrue(messages.joinCapacity() <= 4 + 2 * CHUNK);
    }

    @Test
    void framingCannotSwitchInsideAContinuedMessage() {
        MessageAccumulator messages = new MessageAccumulator(PACKETS, Limits.DEFAULTS);
        byte[] wire = packets(payload(CHUNK + 3), 0);
        messages.feed(wire, 0, 4 + CHUNK);
        assertFalse(messages.next());
        assertThrows(IllegalStateException.class, () -> messages.switchReader(PACKETS));
        messages.feed(wire, 4 + CHUNK, wire.length - 4 - CHUNK);
        assertTrue(messages.next());
        messages.switchReader(PACKETS);
    }

    @Property(tries = 200)
    void anyChunkingGivesTheSameMessages(@ForAll @IntRange(min = 0, max = 40) int first,
            @ForAll @IntRange(min = 0, max = 40) int second, @ForAll @IntRange(min = 1, max = 13) int chunk) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(packets(payload(first), 0));
        stream.writeBytes(packets(payload(second), 9));
        byte[] wire = stream.toByteArray();
        MessageAccumulator messages = new MessageAccumulator(PACKETS, Limits.DEFAULTS);
        List<byte[]> seen = new ArrayList<>();
        for (int at = 0; at < wire.length; at += chunk) {
            messages.feed(wire, at, Math.min(chunk, wire.length - at));
            while (messages.next()) {
                seen.add(messages.payload().toByteArray(0, messages.payload().length()));
            }
        }
        assertEquals(2, seen.size());
        assertArrayEquals(payload(first), seen.get(0));
        assertArrayEquals(payload(second), seen.get(1));
    }
}
