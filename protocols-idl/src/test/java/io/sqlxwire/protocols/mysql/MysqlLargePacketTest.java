package io.sqlxwire.protocols.mysql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.MessageAccumulator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Payloads of 2^24-1 bytes and more ("MySQL Packets"): the generated frame encoder splits them
 * into 0xFFFFFF-byte packets with consecutive sequence ids, and a {@link MessageAccumulator} over
 * the generated {@link MyPacketFraming} joins them again.
 */
class MysqlLargePacketTest {

    private static final int FULL = 0xFF_FFFF;
    private static final Limits ROOMY = Limits.DEFAULTS.withMaxFrameBytes(64 << 20);

    private static byte[] payload(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i ^ (i >>> 8) ^ (i >>> 16));
        }
        return bytes;
    }

    private static byte[] encode(byte[] payload, int sequenceId, MyPacketFrameEncoder encoder) {
        WireWriter out = WireWriter.growable(1 << 16, 64 << 20);
        encoder.wrap(out).sequenceId(sequenceId).body();
        out.putBytes(payload);
        int length = encoder.finish();
        assertEquals(out.position(), length);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFF_FFFE, 0xFF_FFFF, 0x100_0000, 2 * 0xFF_FFFF + 5, 2 * 0xFF_FFFF})
    void largePayloadsRoundTripThroughContinuationPackets(int length) {
        byte[] payload = payload(length);
        MyPacketFrameEncoder encoder = new MyPacketFrameEncoder();
        byte[] wire = encode(payload, 254, encoder);
        int packets = length / FULL + 1;
        assertEquals(packets, encoder.frames());
        assertEquals(length + 4L * packets, wire.length);

        // Every header by hand: 0xFFFFFF for full packets, the rest (maybe 0) last; ids 254, 255, 0, ...
        WireBuffer bytes = WireBuffer.of(wire);
        for (int k = 0, at = 0; k < packets; k++) {
            int expected = k < packets - 1 ? FULL : length - k * FULL;
            assertEquals(expected, bytes.u24le(at), "length of packet " + k);
            assertEquals((254 + k) & 0xFF, bytes.u8(at + 3), "sequence id of packet " + k);
            assertTrue(bytes.contentEquals(at + 4, expected, payload, k * FULL), "body of packet " + k);
            at += 4 + expected;
        }

        MessageAccumulator messages = new MessageAccumulator(MyPacketFraming.INSTANCE, ROOMY);
        for (int at = 0; at < wire.length; at += 1 << 20) {
            messages.feed(wire, at, Math.min(1 << 20, wire.length - at));
        }
        assertTrue(messages.next());
        assertEquals(packets, messages.parts());
        assertEquals(254, messages.firstSequenceNumber());
        assertEquals((254 + packets - 1) & 0xFF, messages.lastSequenceNumber());
        WireBuffer joined = messages.payload();
        assertEquals(length, joined.length());
        assertTrue(joined.contentEquals(0, length, payload, 0));
        assertEquals(4 + length, messages.frame().length());
        assertEquals(packets > 1, messages.isJoined());
        assertFalse(messages.next());
    }

    @Test
    void aSinglePacketIsNotCopied() {
        byte[] wire = encode(new byte[] {0x0e}, 0, new MyPacketFrameEncoder());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0x0e}, wire);
        MessageAccumulator messages = new MessageAccumulator(MyPacketFraming.INSTANCE, Limits.DEFAULTS);
        messages.feed(wire, 0, wire.length);
        assertTrue(messages.next());
        assertEquals(0, messages.joinCapacity(), "no join array was needed");
        MyComPing.decode(messages.payload(), 0, messages.payload().length());
    }

    @Test
    void aContinuationPacketOutOfSequenceIsRejected() {
        byte[] wire = encode(payload(FULL + 10), 0, new MyPacketFrameEncoder());
        wire[4 + FULL + 3] = 5;   // the second packet must be number 1
        MessageAccumulator messages = new MessageAccumulator(MyPacketFraming.INSTANCE, ROOMY);
        messages.feed(wire, 0, wire.length);
        CodecException e = assertThrows(CodecException.class, messages::next);
        assertEquals(4 + FULL, e.offset(), "offset of the packet that breaks the sequence");
        assertTrue(e.getMessage().contains("sequence number 5, expected 1"), e.getMessage());
    }

    @Test
    void aJoinedPayloadAboveTheLimitIsRejectedWithoutBufferingIt() {
        byte[] wire = encode(payload(FULL + 10), 0, new MyPacketFrameEncoder());
        MessageAccumulator messages = new MessageAccumulator(MyPacketFraming.INSTANCE,
                Limits.DEFAULTS.withMaxFrameBytes(FULL + 8));
        messages.feed(wire, 0, wire.length);
        CodecException e = assertThrows(CodecException.class, messages::next);
        assertTrue(e.getMessage().contains("exceeds the frame limit of " + (FULL + 8)), e.getMessage());
        assertTrue(messages.joinCapacity() <= FULL + 8);
    }

    @Test
    void theWriterMustHaveRoomForTheContinuationHeaders() {
        byte[] target = new byte[4 + FULL + 3];   // room for the body, not for the second header
        WireWriter out = WireWriter.into(target, 0, target.length);
        MyPacketFrameEncoder encoder = new MyPacketFrameEncoder().wrap(out).sequenceId(0);
        encoder.body();
        out.putBytes(payload(FULL));
        assertThrows(CodecException.class, encoder::finish);
    }

    /** One large payload between two small ones, fed in arbitrary chunks. */
    @Property(tries = 6)
    void anyChunkingJoinsTheSamePayloads(@ForAll @IntRange(min = 0, max = 300) int extra,
            @ForAll @IntRange(min = 1, max = 3 << 20) int chunk, @ForAll @IntRange(min = 1, max = 9) int smallChunk) {
        byte[] large = payload(FULL + extra);
        MyPacketFrameEncoder encoder = new MyPacketFrameEncoder();
        byte[] first = encode(new byte[] {3, 'x'}, 0, encoder);
        byte[] middle = encode(large, 1, encoder);
        byte[] last = encode(new byte[] {0x0e}, 0, encoder);
        byte[] wire = new byte[first.length + middle.length + last.length];
        System.arraycopy(first, 0, wire, 0, first.length);
        System.arraycopy(middle, 0, wire, first.length, middle.length);
        System.arraycopy(last, 0, wire, first.length + middle.length, last.length);

        MessageAccumulator messages = new MessageAccumulator(MyPacketFraming.INSTANCE, ROOMY);
        int seen = 0;
        for (int at = 0; at < wire.length; ) {
            // small chunks around the packet boundaries, large ones in between
            int step = at < 16 || wire.length - at < 16 || Math.abs(at - 4 - FULL - first.length) < 16 ? smallChunk : chunk;
            int n = Math.min(step, wire.length - at);
            messages.feed(wire, at, n);
            at += n;
            while (messages.next()) {
                WireBuffer p = messages.payload();
                switch (seen++) {
                    case 0 -> assertArrayEquals(new byte[] {3, 'x'}, p.toByteArray(0, p.length()));
                    case 1 -> {
                        assertEquals(large.length, p.length());
                        assertTrue(p.contentEquals(0, large.length, large, 0));
                        assertEquals(2, messages.parts());
                        assertEquals(2, messages.lastSequenceNumber());
                    }
                    default -> assertArrayEquals(new byte[] {0x0e}, p.toByteArray(0, p.length()));
                }
            }
        }
        assertEquals(3, seen);
        assertEquals(0, messages.buffered());
    }
}
