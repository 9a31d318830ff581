package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.FrameHeaderReader;
import io.sqlxwire.runtime.frame.InflatingAccumulator;
import io.sqlxwire.runtime.frame.MessageAccumulator;
import io.sqlxwire.runtime.frame.ZlibFraming;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * What {@code continued if}, {@code sequence} and the built-in {@code transform zlib} make of a
 * framing, on a small protocol (continuation at 8 bytes, so that the splits are easy to see): the
 * generated framing numbers frames for a {@code MessageAccumulator}, the generated frame encoder
 * splits and deflates, and nothing in it is MySQL's.
 */
class ContinuedAndZlibFramingTest {

    private static final String WIRE = """
            protocol tiny;
            option byte_order = little;
            option java_package = "test.tiny";
            direction client from client;

            transform zlib;

            framing chunked {
                header { length: u16; flags: u8; seq: u16; }
                body length;
                max 8;
                continued if length == 8;
                sequence seq;
            }

            framing deflated {
                header { length: u16; }
                body length;
                transform zlib;
            }

            framing announced {
                header { length: u24; plain: u24; let plain_length = plain; }
                body length;
                transform zlib;
            }

            message Blob: client via chunked { data: bytes rest; }
            """;

    private static ClassLoader loader;

    private static synchronized Object load(String simpleName, boolean instance) throws ReflectiveOperationException {
        if (loader == null) {
            loader = InMemoryCompiler.compile(ConversationFixtures.sources(ConversationFixtures.modelOf(WIRE),
                    new SessionGenerator(), new FramerGenerator(), new EncoderGenerator()));
        }
        Class<?> type = loader.loadClass("test.tiny." + simpleName);
        return instance ? type.getField("INSTANCE").get(null) : type.getConstructor().newInstance();
    }

    private static byte[] chunked(Object encoder, int flags, int seq, byte[] body) {
        WireWriter out = WireWriter.growable();
        EncoderHarness.call(encoder, "wrap", out);
        EncoderHarness.call(encoder, "flags", flags);
        EncoderHarness.call(encoder, "seq", seq);
        EncoderHarness.call(encoder, "body");
        out.putBytes(body);
        Object length = EncoderHarness.call(encoder, "finish");
        assertEquals(out.position(), length);
        return out.toByteArray();
    }

    private static byte[] body(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0xA0 + i);
        }
        return b;
    }

    @Test
    void theEncoderSplitsAtTheContinuationSizeCopyingTheHeaderAndCountingOn() throws Exception {
        Object encoder = load("TinyChunkedFrameEncoder", false);
        // 17 bytes: 8 + 8 + 1; the 16-bit sequence wraps from 0xFFFF to 0
        assertEquals("0800 7f ffff a0a1a2a3a4a5a6a7" + " 0800 7f 0000 a8a9aaabacadaeaf" + " 0100 7f 0100 b0",
                spaced(chunked(encoder, 0x7f, 0xFFFF, body(17))));
        assertEquals(3, EncoderHarness.call(encoder, "frames"));
        // exactly 8: a full frame and an empty one
        assertEquals("0800 00 0500 a0a1a2a3a4a5a6a7" + " 0000 00 0600", spaced(chunked(encoder, 0, 5, body(8))));
        // 7: one frame
        assertEquals("0700 00 0500 a0a1a2a3a4a5a6", spaced(chunked(encoder, 0, 5, body(7))));
        assertEquals(1, EncoderHarness.call(encoder, "frames"));
    }

    /** The frames as "length flags seq body" groups, in wire order (little-endian numbers as sent). */
    private static String spaced(byte[] frames) {
        StringBuilder out = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (int at = 0; at < frames.length; ) {
            int length = (frames[at] & 0xFF) | (frames[at + 1] & 0xFF) << 8;
            if (at > 0) {
                out.append(' ');
            }
            out.append(hex.formatHex(frames, at, at + 2)).append(' ').append(hex.formatHex(frames, at + 2, at + 3))
                    .append(' ').append(hex.formatHex(frames, at + 3, at + 5));
            if (length > 0) {
                out.append(' ').append(hex.formatHex(frames, at + 5, at + 5 + length));
            }
            at += 5 + length;
        }
        return out.toString();
    }

    @Test
    void theFramingNumbersFramesAndTheAccumulatorChecksTheNumbers() throws Exception {
        FrameHeaderReader framing = (FrameHeaderReader) load("TinyChunkedFraming", true);
        assertEquals(16, framing.sequenceBits());
        byte[] wire = chunked(load("TinyChunkedFrameEncoder", false), 1, 0xFFFF, body(17));
        assertEquals(0xFFFF, framing.sequenceNumber(WireBuffer.of(wire)));
        MessageAccumulator messages = new MessageAccumulator(framing, Limits.DEFAULTS);
        messages.feed(wire, 0, wire.length);
        assertTrue(messages.next());
        assertArrayEquals(body(17), messages.payload().toByteArray(0, 17));
        assertEquals(1, messages.lastSequenceNumber());

        wire[13 + 3] = 9;   // second frame's sequence: 0 expected
        MessageAccumulator broken = new MessageAccumulator(framing, Limits.DEFAULTS);
        broken.feed(wire, 0, wire.length);
        CodecException e = assertThrows(CodecException.class, broken::next);
        assertEquals(13, e.offset());
    }

    @Property(tries = 100)
    void splitThenJoinIsTheIdentity(@ForAll @IntRange(min = 0, max = 60) int length,
            @ForAll @IntRange(min = 1, max = 7) int chunk, @ForAll @IntRange(min = 0, max = 0xFFFF) int seq)
            throws Exception {
        byte[] wire = chunked(load("TinyChunkedFrameEncoder", false), 3, seq, body(length));
        MessageAccumulator messages = new MessageAccumulator((FrameHeaderReader) load("TinyChunkedFraming", true),
                Limits.DEFAULTS);
        int seen = 0;
        for (int at = 0; at < wire.length; at += chunk) {
            messages.feed(wire, at, Math.min(chunk, wire.length - at));
            while (messages.next()) {
                seen++;
                assertArrayEquals(body(length), messages.payload().toByteArray(0, messages.payload().length()));
                assertEquals(length / 8 + 1, messages.parts());
                assertEquals(3, messages.frame().u8(2), "the first header is kept");
            }
        }
        assertEquals(1, seen);
    }

    @Test
    void withoutAnnouncedSizeEveryBodyIsAZlibStream() throws Exception {
        ZlibFraming framing = assertInstanceOf(ZlibFraming.class, load("TinyDeflatedFraming", true));
        Object encoder = load("TinyDeflatedFrameEncoder", false);
        WireWriter out = WireWriter.growable();
        EncoderHarness.call(encoder, "wrap", out);
        EncoderHarness.call(encoder, "body");
        out.putBytes(new byte[] {1, 2, 3});   // too short to gain anything: compressed all the same
        EncoderHarness.call(encoder, "finish");
        assertEquals(Boolean.TRUE, EncoderHarness.call(encoder, "compressed"));
        byte[] wire = out.toByteArray();
        assertEquals(-1, framing.plainLength(WireBuffer.of(wire)));
        InflatingAccumulator frames = new InflatingAccumulator(framing, Limits.DEFAULTS);
        frames.feed(wire, 0, wire.length);
        assertTrue(frames.next());
        assertArrayEquals(new byte[] {1, 2, 3}, frames.payload().toByteArray(0, 3));
    }

    @Test
    void anAnnouncedSizeIsWrittenAndCheckedAndZeroMeansStored() throws Exception {
        ZlibFraming framing = assertInstanceOf(ZlibFraming.class, load("TinyAnnouncedFraming", true));
        Object encoder = load("TinyAnnouncedFrameEncoder", false);
        byte[] text = new byte[200];
        Arrays.fill(text, (byte) 'z');
        WireWriter out = WireWriter.growable();
        for (byte[] body : new byte[][] {text, {9, 9}}) {
            EncoderHarness.call(encoder, "wrap", out);
            EncoderHarness.call(encoder, "body");
            out.putBytes(body);
            EncoderHarness.call(encoder, "finish");
        }
        byte[] wire = out.toByteArray();
        WireBuffer first = WireBuffer.of(wire);
        assertEquals(200, framing.plainLength(first));
        assertTrue(first.u24le(0) < 50, "200 equal bytes deflate to a few");
        InflatingAccumulator frames = new InflatingAccumulator(framing, Limits.DEFAULTS);
        frames.feed(wire, 0, wire.length);
        assertTrue(frames.next());
        assertTrue(frames.wasCompressed());
        assertArrayEquals(text, frames.payload().toByteArray(0, frames.payload().length()));
        assertTrue(frames.next());
        assertFalse(frames.wasCompressed());
        assertArrayEquals(new byte[] {9, 9}, frames.payload().toByteArray(0, 2));
        assertEquals("0200000000000909", HexFormat.of().formatHex(wire, wire.length - 8, wire.length));
    }

    @Test
    void theBuiltInZlibIsNoHandWrittenTransform() {
        GenerationContext context = GenerationContext.of(ConversationFixtures.modelOf(WIRE));
        assertEquals(java.util.List.of(), new TransformsGenerator().generate(context),
                "nothing to implement when zlib is the only transform");
        String withOwn = WIRE.replace("\ntransform zlib;\n", "\ntransform zlib;\ntransform obfuscate;\n");
        assertTrue(withOwn.contains("transform obfuscate;"));
        java.util.List<com.palantir.javapoet.JavaFile> files =
                new TransformsGenerator().generate(GenerationContext.of(ConversationFixtures.modelOf(withOwn)));
        String face = files.stream().filter(f -> f.typeSpec().name().equals("TinyTransforms")).findFirst()
                .orElseThrow().toString();
        assertTrue(face.contains("encodeObfuscate") && face.contains("decodeObfuscate"), face);
        assertFalse(face.contains("Zlib"), face);
    }
}
