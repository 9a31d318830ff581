package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.Checksums;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import io.sqlxwire.runtime.frame.FrameHeaderReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FramerGeneratorTest {

    private static final Map<String, ClassLoader> COMPILED = new ConcurrentHashMap<>();

    /** The framing {@code name} of a protocol, compiled from its description (framings need nothing else). */
    private static FrameHeaderReader framing(String file, String className) throws ReflectiveOperationException {
        ClassLoader loader = COMPILED.computeIfAbsent(file, f -> InMemoryCompiler.compile(
                ConversationFixtures.sources(ConversationFixtures.model(f), new SessionGenerator(), new FramerGenerator())));
        return (FrameHeaderReader) loader.loadClass(className).getField("INSTANCE").get(null);
    }

    private static List<byte[]> frames(FrameHeaderReader reader, byte[] stream, Random chunks) {
        FrameAccumulator accumulator = new FrameAccumulator(reader, Limits.DEFAULTS);
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int piece = chunks == null ? stream.length : 1 + chunks.nextInt(Math.min(stream.length - at, 64));
            accumulator.feed(stream, at, piece);
            at += piece;
            while (accumulator.next()) {
                WireBuffer frame = accumulator.frame();
                frames.add(frame.toByteArray(0, frame.length()));
            }
        }
        assertEquals(0, accumulator.buffered(), "bytes left over after the last frame");
        return frames;
    }

    static Stream<String> redisCaptures() {
        return Stream.of(0, 1, 2, 3, 4, 5, 6).map(i -> "redis-cli-resp2." + i + ".conv");
    }

    @ParameterizedTest
    @MethodSource("redisCaptures")
    void redisFramesEndWhereEachValueEnds(String capture) throws Exception {
        for (boolean client : new boolean[] {true, false}) {
            byte[] stream = stream(capture, client);
            FrameHeaderReader reader = framing("redis.wire", "io.sqlxwire.protocols.redis.Resp"
                    + (client ? "Command" : "Reply") + "Framing");
            List<byte[]> frames = frames(reader, stream, null);
            assertEquals(Resp2.valueLengths(stream), frames.stream().map(f -> f.length).toList());
        }
    }

    @Property(tries = 30)
    void redisFramesDoNotDependOnTheChunking(@ForAll @IntRange(min = 0, max = 6) int index, @ForAll Random random)
            throws Exception {
        byte[] stream = stream("redis-cli-resp2." + index + ".conv", false);
        FrameHeaderReader reader = framing("redis.wire", "io.sqlxwire.protocols.redis.RespReplyFraming");
        List<byte[]> whole = frames(reader, stream, null);
        List<byte[]> chunked = frames(reader, stream, random);
        assertEquals(whole.size(), chunked.size());
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(whole.get(i), chunked.get(i));
        }
    }

    @Test
    void redisIncompleteValueAsksForTheBytesItNeeds() throws Exception {
        FrameHeaderReader reader = framing("redis.wire", "io.sqlxwire.protocols.redis.RespReplyFraming");
        // "$10\r\nabc": the scanner needs the 10 data bytes (5 + 10) before it looks for the CRLF after them.
        assertEquals(FrameHeaderReader.needAtLeast(15), reader.frameLength(WireBuffer.of("$10\r\nabc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(17, reader.frameLength(WireBuffer.of("$10\r\n0123456789\r\n+OK\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertThrows(CodecException.class, () -> reader.frameLength(WireBuffer.of("*x\r\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void redisNestingIsBounded() throws Exception {
        FrameHeaderReader reader = framing("redis.wire", "io.sqlxwire.protocols.redis.RespReplyFraming");
        byte[] deep = "*1\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        CodecException e = assertThrows(CodecException.class, () -> reader.frameLength(WireBuffer.of(deep)));
        assertTrue(e.getMessage().contains("nested deeper than 128"), e.getMessage());
    }

    @Test
    void redisScanErrorsNameTheFramingAndAHugeCountDoesNotSpin() throws Exception {
        FrameHeaderReader reader = framing("redis.wire", "io.sqlxwire.protocols.redis.RespReplyFraming");
        // A verbatim string shorter than its 4-byte format prefix: a negative size, where the data starts.
        CodecException negative = assertThrows(CodecException.class,
                () -> reader.frameLength(WireBuffer.of("=3\r\ntxt:".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("redis framing reply: negative size -1 at offset 8", negative.getMessage());
        CodecException deep = assertThrows(CodecException.class,
                () -> reader.frameLength(WireBuffer.of("*1\r\n".repeat(200).getBytes(StandardCharsets.US_ASCII))));
        assertTrue(deep.getMessage().startsWith("redis framing reply: values nested deeper than 128 at offset "),
                deep.getMessage());
        // Two billion elements announced, none there: one "need more" answer, not two billion steps.
        assertEquals(FrameHeaderReader.needAtLeast(14),
                reader.frameLength(WireBuffer.of("*2000000000\r\n".getBytes(StandardCharsets.US_ASCII))));
        CodecException over = assertThrows(CodecException.class,
                () -> reader.frameLength(WireBuffer.of("$600000000\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("redis framing reply: frame of at least 600000012 bytes exceeds the maximum of 536870912 at offset 0",
                over.getMessage());
    }

    /** The scanner's source compares nothing the description already decides, and cases that scan alike are one. */
    @Test
    void redisScannerHasNoChecksOnConstantsAndNoRepeatedCases() {
        String source = ConversationFixtures.sources(ConversationFixtures.model("redis.wire"), new FramerGenerator()).stream()
                .filter(f -> f.typeSpec().name().equals("RespReplyFraming")).findFirst().orElseThrow().toString();
        // No "if (3L < 0)" or a constant put in a local and then compared.
        assertFalse(java.util.regex.Pattern.compile("if \\(-?\\d+L? [<>=!]").matcher(source).find(), source);
        assertFalse(java.util.regex.Pattern.compile("\n {4,}long \\w+ = -?\\d+L;").matcher(source).find(), source);
        // '+', '-', ',' and '(' lines scan like the fallback (any other line): no case of their own.
        assertFalse(source.contains("type == 43"), source);
        assertTrue(source.contains("type == 42 || type == 126 || type == 62"), source);
    }

    @Test
    void oversizedBodyIsRejectedFromTheHeaderBeforeAnythingIsAllocated() throws Exception {
        FrameHeaderReader untagged = framing("postgresql.wire", "io.sqlxwire.protocols.postgresql.PgUntaggedFraming");
        FrameAccumulator accumulator = new FrameAccumulator(untagged, Limits.DEFAULTS);
        int capacity = accumulator.capacity();
        // A startup packet claiming 20000 bytes; the framing allows 10000.
        byte[] header = HexFormat.of().parseHex("00004e20");
        accumulator.feed(header, 0, header.length);
        CodecException e = assertThrows(CodecException.class, accumulator::next);
        assertTrue(e.getMessage().contains("exceeds the maximum of 10000"), e.getMessage());
        assertEquals(capacity, accumulator.capacity());
        // A length shorter than itself gives a negative body.
        assertThrows(CodecException.class, () -> untagged.frameLength(WireBuffer.of(HexFormat.of().parseHex("00000002"))));
    }

    @Test
    void postgresqlTagAndSingleByteAnswers() throws Exception {
        FrameHeaderReader tagged = framing("postgresql.wire", "io.sqlxwire.protocols.postgresql.PgTaggedFraming");
        WireBuffer ready = WireBuffer.of(HexFormat.of().parseHex("5a0000000549"));
        assertEquals(6, tagged.frameLength(ready));
        assertEquals((int) 'Z', tagged.getClass().getMethod("tagOf", WireBuffer.class).invoke(tagged, ready));
        FrameHeaderReader single = framing("postgresql.wire", "io.sqlxwire.protocols.postgresql.PgSingleByteFraming");
        assertEquals(1, single.headerLength());
        assertEquals(1, single.frameLength(WireBuffer.of(new byte[] {'S', 'R'})));
    }

    @Test
    void mysqlPacketOfMaximumSizeContinues() throws Exception {
        FrameHeaderReader packet = framing("mysql.wire", "io.sqlxwire.protocols.mysql.MyPacketFraming");
        assertTrue(packet.continues(WireBuffer.of(HexFormat.of().parseHex("ffffff03"))));
        assertFalse(packet.continues(WireBuffer.of(HexFormat.of().parseHex("fefff003"))));
        assertEquals(4 + 0xFFFFFF, packet.frameLength(WireBuffer.of(HexFormat.of().parseHex("ffffff03"))));
        assertEquals(3, packet.getClass().getMethod("sequenceOf", WireBuffer.class)
                .invoke(packet, WireBuffer.of(HexFormat.of().parseHex("0100000300"))));
    }

    @Test
    void tdsContinuesUntilEndOfMessage() throws Exception {
        FrameHeaderReader packet = framing("tds.wire", "io.sqlxwire.protocols.tds.TdsPacketFraming");
        // type 0x12 PRELOGIN, status 0 (more packets follow), length 8.
        assertTrue(packet.continues(WireBuffer.of(HexFormat.of().parseHex("1200000800000100"))));
        assertFalse(packet.continues(WireBuffer.of(HexFormat.of().parseHex("1201000800000100"))));
        // The reserved window byte must be 0.
        assertThrows(CodecException.class, () -> packet.frameLength(WireBuffer.of(HexFormat.of().parseHex("1201000800000107"))));
    }

    @Test
    void drdaMagicIsChecked() throws Exception {
        FrameHeaderReader dss = framing("drda.wire", "io.sqlxwire.protocols.drda.DrdaDssFraming");
        assertEquals(10 + 4, dss.frameLength(WireBuffer.of(HexFormat.of().parseHex("000ed04100010008106d"))));
        CodecException e = assertThrows(CodecException.class,
                () -> dss.frameLength(WireBuffer.of(HexFormat.of().parseHex("000ec04100010008106d"))));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void tnsLengthFromItsLet() throws Exception {
        FrameHeaderReader packet = framing("tns.wire", "io.sqlxwire.protocols.tns.TnsPacketFraming");
        // Checksum field 0: the length is the first 16 bits.
        assertEquals(0x3a, packet.frameLength(WireBuffer.of(HexFormat.of().parseHex("003a00000100000000"))));
        // Otherwise the two words make a 32-bit length.
        assertEquals(0x10020, packet.frameLength(WireBuffer.of(HexFormat.of().parseHex("000100200600000000"))));
    }

    @Test
    void cqlV5HeaderChecksumIsVerified() throws Exception {
        FrameHeaderReader v5 = framing("cql.wire", "io.sqlxwire.protocols.cql.CqlV5Framing");
        byte[] header = new byte[6];
        int payload = 0x20 | 1 << 17; // 32 bytes, self-contained
        header[0] = (byte) payload;
        header[1] = (byte) (payload >>> 8);
        header[2] = (byte) (payload >>> 16);
        int crc = Checksums.cqlCrc24(WireBuffer.of(header), 0, 3);
        header[3] = (byte) crc;
        header[4] = (byte) (crc >>> 8);
        header[5] = (byte) (crc >>> 16);
        assertEquals(6 + 32 + 4, v5.frameLength(WireBuffer.of(header)));
        header[4] ^= 1;
        assertThrows(CodecException.class, () -> v5.frameLength(WireBuffer.of(header)));
    }

    private static byte[] stream(String capture, boolean client) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ConversationFixtures.Segment segment : ConversationFixtures.capture(capture)) {
            if (segment.fromClient() == client) {
                out.writeBytes(segment.bytes());
            }
        }
        return out.toByteArray();
    }

    /** An independent RESP2 reader: the length of each top-level value of a stream (the test's oracle). */
    private static final class Resp2 {

        private final byte[] bytes;
        private int at;

        private Resp2(byte[] bytes) {
            this.bytes = bytes;
        }

        static List<Integer> valueLengths(byte[] stream) {
            Resp2 reader = new Resp2(stream);
            List<Integer> lengths = new ArrayList<>();
            while (reader.at < stream.length) {
                int start = reader.at;
                reader.value();
                lengths.add(reader.at - start);
            }
            return lengths;
        }

        private void value() {
            char type = (char) bytes[at++];
            String line = line();
            switch (type) {
                case '$' -> {
                    int n = Integer.parseInt(line);
                    if (n >= 0) {
                        at += n + 2;
                    }
                }
                case '*' -> {
                    int n = Integer.parseInt(line);
                    for (int i = 0; i < n; i++) {
                        value();
                    }
                }
                default -> {
                    // simple string, error, integer: the line is the value
                }
            }
        }

        private String line() {
            int start = at;
            while (bytes[at] != '\r') {
                at++;
            }
            at += 2;
            return new String(bytes, start, at - 2 - start, StandardCharsets.US_ASCII);
        }
    }
}
