package io.sqlxwire.codegen.java;

import static io.sqlxwire.codegen.java.DecoderRealBytesTest.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.Generation;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * What the encoders and records could not do before they were wired into {@link Generation}:
 * lenenc NULLs, union arms holding arrays, hand-written transforms, checksums over the frame and
 * typed enum/flags setters. Each goes bytes → record → bytes through the generated code.
 */
class EncoderGapsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static ClassLoader compile(String source) {
        ProtocolModel model = DecoderTestSupport.model("demo.wire", source);
        return InMemoryCompiler.compile(MainSourcesTest.withSession(model, new ArrayList<>(Generation.mainSources().generate(model))));
    }

    private static byte[] roundTrip(ClassLoader classes, String record, String hex) throws ClassNotFoundException {
        byte[] bytes = HEX.parseHex(hex);
        Class<?> type = classes.loadClass(record);
        Object value = call(type, "decode", (Object) bytes);
        byte[] again = (byte[]) call(value, "encode");
        assertEquals(value, call(type, "decode", (Object) again));
        return again;
    }

    @Test
    void lenencNullsAreWrittenAsFb() throws Exception {
        ClassLoader classes = compile("""
                protocol demo;
                option java_package = "t.lenenc";
                struct Row {
                    name: text prefix(lenenc);
                    values: bytes prefix(lenenc)[2];
                }
                """);
        String hex = "fb" + "fb" + "0178";
        assertEquals(hex, HEX.formatHex(roundTrip(classes, "t.lenenc.Row", hex)));
        assertEquals("0161" + "0178fb", HEX.formatHex(roundTrip(classes, "t.lenenc.Row", "0161" + "0178fb")));
    }

    /**
     * A bitmap sized by a struct parameter (MySQL's parameter NULL bitmap, sized by the statement's
     * parameter count): the encoder compiles, writes the bits and refuses a bit beyond the size.
     */
    @Test
    void aBitmapSizedByAStructParameterIsEncoded() throws Exception {
        ClassLoader classes = compile("""
                protocol demo;
                direction client from client;
                option byte_order = little;
                option java_package = "t.bitmap";
                struct Values(count: u16) {
                    nulls: bitmap(count);
                    values: u8[count];
                }
                message Execute: client {
                    count: u16;
                    block: Values(count);
                }
                """);
        // 10 entries: two bitmap bytes; entries 0 and 9 are NULL
        String hex = "0a00" + "0102" + "00010203040506070809";
        assertEquals(hex, HEX.formatHex(roundTrip(classes, "t.bitmap.Execute", hex)));
        Class<?> values = classes.loadClass("t.bitmap.Values");
        java.util.BitSet nulls = new java.util.BitSet();
        nulls.set(2);
        Object record = values.getConstructors()[0].newInstance(nulls, java.util.List.of(7, 8, 9));
        assertEquals("04" + "070809", HEX.formatHex((byte[]) call(record, "encode", 3)));
        nulls.set(3);
        Object tooFew = values.getConstructors()[0].newInstance(nulls, java.util.List.of(7, 8, 9));
        assertThrows(RuntimeException.class, () -> call(tooFew, "encode", 3));
    }

    @Test
    void unionArmsHoldingArraysAreEncoded() throws Exception {
        ClassLoader classes = compile("""
                protocol demo;
                direction client from client;
                option java_package = "t.arms";
                enum Code: u16 { NAMES = 1; NUMBER = 2; }
                struct Param {
                    length: u16;
                    code: Code;
                    value: switch (code) {
                        NAMES => u16[] rest;
                        NUMBER => u32;
                        _ => bytes rest;
                    } size(length - 4);
                }
                message Params: client { params: Param[] rest; }
                """);
        String names = "000a" + "0001" + "0003" + "0004" + "0005";
        String empty = "0004" + "0001";
        String number = "0008" + "0002" + "00000007";
        String other = "0006" + "0009" + "abcd";
        String hex = names + empty + number + other;
        assertEquals(hex, HEX.formatHex(roundTrip(classes, "t.arms.Params", hex)));
    }

    private static final String TRANSFORMED = """
            protocol demo;
            option java_package = "t.transform";
            /// Swaps nibbles (a stand-in for TDS password obfuscation).
            transform swap;
            struct Login {
                n: u8;
                secret: text(utf16le)[n] transform(swap);
            }
            """;

    @Test
    void transformsWithoutAnImplementationAreAnExplicitError() throws Exception {
        ClassLoader classes = compile(TRANSFORMED);
        Class<?> login = classes.loadClass("t.transform.Login");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> call(login, "decode", (Object) HEX.parseHex("021634")));
        assertTrue(e.getMessage().contains("'swap'") && e.getMessage().contains("DemoTransformRegistry.install"), e.getMessage());
    }

    @Test
    void installedTransformsAreAppliedByRecordsAndEncoders() throws Exception {
        ClassLoader classes = compile(TRANSFORMED);
        Class<?> face = classes.loadClass("t.transform.DemoTransforms");
        Object swap = Proxy.newProxyInstance(classes, new Class<?>[] {face}, (proxy, method, args) -> {
            int offset = (int) args[1];
            int length = (int) args[2];
            for (int i = offset; i < offset + length; i++) {
                if (method.getName().equals("encodeSwap")) {
                    WireWriter out = (WireWriter) args[0];
                    int b = out.u8At(i);
                    out.patch8(i, (b << 4 | b >>> 4) & 0xff);
                } else if (method.getName().equals("decodeSwap")) {
                    byte[] data = (byte[]) args[0];
                    data[i] = (byte) ((data[i] & 0xff) << 4 | (data[i] & 0xff) >>> 4);
                } else {
                    throw new AssertionError(method);
                }
            }
            return null;
        });
        call(classes.loadClass("t.transform.DemoTransformRegistry"), "install", swap);
        // "a" in UTF-16LE is 61 00; on the wire each byte has its nibbles swapped: 16 00.
        Object login = call(classes.loadClass("t.transform.Login"), "decode", (Object) HEX.parseHex("021600"));
        assertEquals("a", call(login, "secret"));
        assertEquals("021600", HEX.formatHex((byte[]) call(login, "encode")));
    }

    @Test
    void recordsEncodeIntoTheFrameWhenAChecksumCoversIt() throws Exception {
        ProtocolModel model = DecoderTestSupport.model(DecoderTestSupport.PROTOCOLS.resolve("mongodb.wire"));
        ClassLoader classes = InMemoryCompiler.compile(new ArrayList<>(Generation.mainSources().generate(model)));
        // OP_MSG body: flagBits CHECKSUM_PRESENT, one kind-0 section holding the empty document, a checksum.
        byte[] body = HEX.parseHex("01000000" + "00" + "0500000000" + "00000000");
        Object request = call(classes.loadClass("io.sqlxwire.protocols.mongodb.MongoMsgRequest"), "decode", (Object) body);
        IllegalStateException alone = assertThrows(IllegalStateException.class, () -> call(request, "encode"));
        assertTrue(alone.getMessage().contains("frame"), alone.getMessage());

        WireWriter out = WireWriter.growable();
        Object frame = call(classes.loadClass("io.sqlxwire.protocols.mongodb.MongoStandardFrameEncoder")
                .getConstructor().newInstance(), "wrap", out);
        call(frame, "requestId", 7);
        call(frame, "responseTo", 0);
        call(frame, "opCode", 2013);
        call(frame, "body");
        call(request, "encodeTo", out, frame);
        call(frame, "finish");
        byte[] bytes = out.toByteArray();
        assertEquals(16 + body.length, bytes.length);
        assertArrayEquals(HEX.parseHex(String.format("%02x000000", bytes.length) + "07000000" + "00000000" + "dd070000"),
                java.util.Arrays.copyOf(bytes, 16));
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        long written = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()
                & 0xffffffffL;
        assertEquals(crc.getValue(), written);
    }

    @Test
    void enumAndFlagsSettersTakeTheGeneratedTypesToo() throws Exception {
        ClassLoader classes = compile("""
                protocol demo;
                option java_package = "t.typed";
                enum Kind: u8 { A = 1; B = 2; }
                flags Bits: u16 { X = 0x1; Y = 0x100; }
                struct Header { kind: Kind; bits: Bits; }
                """);
        Class<?> kind = classes.loadClass("t.typed.Kind");
        Class<?> bits = classes.loadClass("t.typed.Bits");
        Class<?> encoder = classes.loadClass("t.typed.HeaderEncoder");
        WireWriter raw = WireWriter.growable();
        Object e1 = call(encoder.getConstructor().newInstance(), "wrap", raw);
        encoder.getMethod("kind", int.class).invoke(e1, 2);
        encoder.getMethod("bits", int.class).invoke(e1, 0x101);
        call(e1, "finish");
        WireWriter typed = WireWriter.growable();
        Object e2 = call(encoder.getConstructor().newInstance(), "wrap", typed);
        encoder.getMethod("kind", kind).invoke(e2, kind.getField("B").get(null));
        encoder.getMethod("bits", bits).invoke(e2, bits.getConstructor(long.class).newInstance(0x101L));
        call(e2, "finish");
        assertEquals("020101", HEX.formatHex(raw.toByteArray()));
        assertArrayEquals(raw.toByteArray(), typed.toByteArray());
    }
}
