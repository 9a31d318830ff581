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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FrameAccumulatorTest {

    private static final FrameHeaderReader POSTGRES =
            LengthFieldFraming.of(5, 1, 4, ByteOrder.BIG_ENDIAN, LengthCounts.FROM_FIELD);
    private static final FrameHeaderReader POSTGRES_STARTUP =
            LengthFieldFraming.of(4, 0, 4, ByteOrder.BIG_ENDIAN, LengthCounts.FROM_FIELD);
    private static final FrameHeaderReader MYSQL = LengthFieldFraming.of(4, 0, 3, ByteOrder.LITTLE_ENDIAN,
            LengthCounts.BODY).continuesWhen(FrameCondition.frameLengthIs(4 + 0xFF_FFFF));
    private static final FrameHeaderReader TDS = LengthFieldFraming.of(8, 2, 2, ByteOrder.BIG_ENDIAN,
            LengthCounts.FRAME).continuesWhen(FrameCondition.headerBits(1, 0x01, 0));
    private static final FrameHeaderReader CQL_V5 = LengthFieldFraming.of(6, 0, 3, ByteOrder.LITTLE_ENDIAN,
            LengthCounts.BODY).withLengthBits(0, 0x1_FFFF).withTrailer(4);

    private static byte[] postgresFrame(byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 'D').putInt(4 + body.length).put(body).array();
    }

    private static byte[] mysqlFrame(byte[] body, int sequence) {
        return ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) body.length).put((byte) (body.length >>> 16)).put((byte) sequence).put(body).array();
    }

    private static byte[] cqlV5Frame(byte[] payload, boolean selfContained) {
        int header = payload.length | (selfContained ? 1 << 17 : 0);
        return ByteBuffer.allocate(6 + payload.length + 4).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) header).put((byte) (header >>> 8)).put((byte) (header >>> 16))
                .put(new byte[3]).put(payload).putInt(0).array();
    }

    private static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frames.forEach(stream::writeBytes);
        return stream.toByteArray();
    }

    /** Feeds {@code stream} in chunks of the given sizes (cycled) and collects copies of the frames. */
    private static List<byte[]> split(FrameHeaderReader reader, byte[] stream, List<Integer> chunkSizes) {
        FrameAccumulator accumulator = new FrameAccumulator(reader, Limits.DEFAULTS.withMaxFrameBytes(1 << 20));
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        int chunk = 0;
        while (at < stream.length) {
            int size = Math.min(stream.length - at, Math.max(1, chunkSizes.get(chunk++ % chunkSizes.size())));
            if (chunk % 2 == 0) {
                accumulator.feed(stream, at, size);
            } else {
                accumulator.feed(ByteBuffer.wrap(stream, at, size));
            }
            at += size;
            while (accumulator.next()) {
                WireBuffer frame = accumulator.frame();
                frames.add(frame.toByteArray(0, frame.length()));
            }
            assertTrue(accumulator.needed() >= 1);
        }
        assertEquals(0, accumulator.buffered(), "no bytes left over");
        return frames;
    }

    private static void assertSameFrames(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "frame " + i);
        }
    }

    @Property(tries = 200)
    void everyChunkingYieldsTheSameFrames(
            @ForAll @Size(max = 12) List<@Size(max = 300) byte[]> bodies,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 700) Integer> chunkSizes) {
        List<byte[]> pg = new ArrayList<>();
        List<byte[]> my = new ArrayList<>();
        List<byte[]> cql = new ArrayList<>();
        for (byte[] body : bodies) {
            pg.add(postgresFrame(body));
            my.add(mysqlFrame(body, pg.size()));
            cql.add(cqlV5Frame(body, true));
        }
        for (List<byte[]> frames : List.of(pg, my, cql)) {
            FrameHeaderReader reader = frames == pg ? POSTGRES : frames == my ? MYSQL : CQL_V5;
            byte[] stream = concat(frames);
            assertSameFrames(frames, split(reader, stream, chunkSizes));
            assertSameFrames(frames, split(reader, stream, List.of(1)));
            assertSameFrames(frames, split(reader, stream, List.of(Math.max(1, stream.length))));
        }
    }

    @Property(tries = 200)
    void selfDelimitedFramesInEveryChunking(
            @ForAll @Size(max = 10) List<@Size(max = 40) List<@IntRange(min = 'a', max = 'z') Integer>> lines,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 50) Integer> chunkSizes) {
        List<byte[]> frames = new ArrayList<>();
        for (List<Integer> line : lines) {
            StringBuilder text = new StringBuilder();
            line.forEach(c -> text.append((char) c.intValue()));
            frames.add((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] stream = concat(frames);
        assertSameFrames(frames, split(CrlfLineFraming.INSTANCE, stream, chunkSizes));
        assertSameFrames(frames, split(CrlfLineFraming.INSTANCE, stream, List.of(1)));
    }

    @Test
    void saysHowManyMoreBytesItNeeds() {
        byte[] frame = postgresFrame(new byte[10]);
        FrameAccumulator accumulator = new FrameAccumulator(POSTGRES, Limits.DEFAULTS);
        assertFalse(accumulator.next());
        assertEquals(5, accumulator.needed(), "the header first");
        accumulator.feed(frame, 0, 3);
        assertFalse(accumulator.next());
        assertEquals(2, accumulator.needed());
        accumulator.feed(frame, 3, 4);
        assertFalse(accumulator.next());
        assertEquals(8, accumulator.needed(), "the rest of the body, once the header is known");
        accumulator.feed(frame, 7, 7);
        assertFalse(accumulator.next());
        assertEquals(1, accumulator.needed());
        accumulator.feed(frame, 14, 1);
        assertTrue(accumulator.next());
        assertEquals(15, accumulator.frame().length());
        assertEquals(0, accumulator.frameStreamOffset());
        assertFalse(accumulator.next());
        assertEquals(5, accumulator.needed());
    }

    @Test
    void oversizedFramesAreRejectedBeforeAnythingIsAllocatedForThem() {
        FrameAccumulator accumulator = new FrameAccumulator(POSTGRES, Limits.DEFAULTS.withMaxFrameBytes(1 << 20));
        int capacity = accumulator.capacity();
        accumulator.feed(new byte[] {'D', 0x40, 0, 0, 0}, 0, 5);
        CodecException e = assertThrows(CodecException.class, accumulator::next);
        assertEquals("frame of 1073741825 bytes exceeds the limit of 1048576 at offset 0", e.getMessage());
        assertEquals(capacity, accumulator.capacity());

        FrameAccumulator negative = new FrameAccumulator(POSTGRES, Limits.DEFAULTS);
        negative.feed(new byte[] {'D', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 0, 5);
        assertThrows(CodecException.class, negative::next, "an i32 length of -1 is no frame");
    }

    @Test
    void selfDelimitedFramesCannotOutgrowTheLimit() {
        FrameAccumulator accumulator = new FrameAccumulator(CrlfLineFraming.INSTANCE, Limits.DEFAULTS.withMaxFrameBytes(64));
        accumulator.feed(new byte[63], 0, 63);
        assertFalse(accumulator.next());
        accumulator.feed(new byte[1], 0, 1);
        assertThrows(CodecException.class, accumulator::next);
    }

    @Test
    void lengthsShorterThanTheHeaderAreMalformed() {
        FrameAccumulator accumulator = new FrameAccumulator(POSTGRES, Limits.DEFAULTS);
        accumulator.feed(new byte[] {'Z', 0, 0, 0, 3}, 0, 5);
        CodecException e = assertThrows(CodecException.class, accumulator::next);
        assertEquals(1, e.offset());
    }

    @Test
    void modeSwitchFromUntaggedStartupToTaggedFrames() {
        byte[] startup = ByteBuffer.allocate(8).putInt(8).putInt(80877103).array();
        byte[] query = postgresFrame("SELECT 1\0".getBytes(StandardCharsets.US_ASCII));
        FrameAccumulator accumulator = new FrameAccumulator(POSTGRES_STARTUP, Limits.DEFAULTS);
        byte[] stream = concat(List.of(startup, query));
        accumulator.feed(stream, 0, stream.length);
        assertTrue(accumulator.next());
        assertEquals(8, accumulator.frame().length());
        accumulator.switchReader(POSTGRES);
        assertTrue(accumulator.next());
        assertEquals('D', accumulator.frame().u8(0));
        assertEquals(query.length, accumulator.frame().length());
        assertEquals(8, accumulator.frameStreamOffset());
        assertFalse(accumulator.next());
    }

    @Test
    void continuationIsReportedPerFrame() {
        byte[] full = new byte[0xFF_FFFF];
        byte[] stream = concat(List.of(mysqlFrame(full, 0), mysqlFrame(new byte[3], 1)));
        FrameAccumulator accumulator = new FrameAccumulator(MYSQL, Limits.DEFAULTS);
        accumulator.feed(stream, 0, stream.length);
        assertTrue(accumulator.next());
        assertTrue(accumulator.frameContinues(), "a 0xFFFFFF-byte packet continues");
        assertTrue(accumulator.next());
        assertFalse(accumulator.frameContinues());

        byte[] tds = {0x04, 0x00, 0x00, 0x09, 0, 0, 1, 0, 42, 0x04, 0x01, 0x00, 0x08, 0, 0, 1, 0};
        FrameAccumulator packets = new FrameAccumulator(TDS, Limits.DEFAULTS);
        packets.feed(tds, 0, tds.length);
        assertTrue(packets.next());
        assertTrue(packets.frameContinues(), "status without EOM");
        assertEquals(9, packets.frame().length());
        assertTrue(packets.next());
        assertFalse(packets.frameContinues());
    }

    @Test
    void theFrameViewIsOnlyAvailableAfterASuccessfulNext() {
        FrameAccumulator accumulator = new FrameAccumulator(POSTGRES, Limits.DEFAULTS);
        assertThrows(IllegalStateException.class, accumulator::frame);
    }
}
