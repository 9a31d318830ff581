package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.runtime.buffer.WireBuffer;
import org.junit.jupiter.api.Test;

/**
 * Members named like what the generated code declares for itself: the decoder's own fields
 * ({@code start}, {@code end}, {@code region}, ...), the {@code wrap} and {@code decode}
 * parameters ({@code offset}, {@code length}, {@code source}), its {@code encodedLength()}, the
 * record's {@code encode()} and the methods of {@code Object}. Each must compile, and each
 * accessor must read its own member (not the generated method of the same name).
 */
class ReservedMemberNamesTest {

    private static final String WIRE = """
            protocol clash;
            option java_package = "io.sqlxwire.it.clash";
            direction client from client;

            struct Span(offset: u8, length: u8, source: u8) {
                start: u8;
                end: u8;
                let sum = start + end + offset + length + source;
            }

            message Clash: client {
                own: u8;
                region: u16;
                start: u32;
                end: u8;
                trusted: u8;
                session: u8;
                depth: u8;
                frame: u8;
                offset: u8;
                span: Span(offset, 2, 3);
                encoded_length: u8;
                encode: u8;
                to_string: u8;
                hash_code: u8;
                get_class: u8;
                notify: u8;
                let total = span.sum + encoded_length;
            }
            """;

    @Test
    void everyAccessorReadsItsOwnMember() throws Exception {
        ClassLoader classes = InMemoryCompiler.compile(RecordEncodeTest.all(DecoderTestSupport.model("clash.wire", WIRE)));
        byte[] body = {
            1,          // own
            0, 2,       // region (u16, big-endian by default)
            0, 0, 0, 3, // start
            4,          // end
            5,          // trusted
            6,          // session
            7,          // depth
            8,          // frame
            9,          // offset
            10, 11,     // span.start, span.end
            12,         // encoded_length
            13,         // encode
            14, 15, 16, 17, // to_string, hash_code, get_class, notify
        };
        Class<?> decoderType = classes.loadClass("io.sqlxwire.it.clash.ClashDecoder");
        Object decoder = decoderType.getConstructor().newInstance();
        DecoderRealBytesTest.call(decoder, "wrap", WireBuffer.of(body));
        String[] accessors = {"own", "region", "start", "end", "trusted", "session", "depth", "frame", "offset",
            "encodedLength_", "encode", "toString_", "hashCode_", "getClass_", "notify_"};
        long[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17};
        for (int i = 0; i < accessors.length; i++) {
            assertEquals(expected[i], ((Number) DecoderRealBytesTest.call(decoder, accessors[i])).longValue(), accessors[i]);
        }
        assertEquals(body.length, ((Number) DecoderRealBytesTest.call(decoder, "encodedLength")).intValue(),
                "the decoder's own encodedLength() is still the value's length");
        Object span = DecoderRealBytesTest.call(decoder, "span");
        assertEquals(10L, ((Number) DecoderRealBytesTest.call(span, "start")).longValue());
        assertEquals(11L, ((Number) DecoderRealBytesTest.call(span, "end")).longValue());
        // sum = start + end + offset (the message's offset, 9) + length (2) + source (3)
        assertEquals(10 + 11 + 9 + 2 + 3, ((Number) DecoderRealBytesTest.call(span, "sum")).longValue());
        assertEquals(10 + 11 + 9 + 2 + 3 + 12, ((Number) DecoderRealBytesTest.call(decoder, "total")).longValue());

        Class<?> record = classes.loadClass("io.sqlxwire.it.clash.Clash");
        Object value = DecoderRealBytesTest.call(record, "decode", (Object) body);
        assertEquals(13, ((Number) DecoderRealBytesTest.call(value, "encode_")).intValue());
        assertEquals(3L, ((Number) DecoderRealBytesTest.call(value, "start")).longValue());
        assertArrayEquals(body, (byte[]) DecoderRealBytesTest.call(value, "encode"), "the record encodes the same bytes");
    }
}
