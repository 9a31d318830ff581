package io.sqlxwire.codegen.java;

import static io.sqlxwire.codegen.java.EncoderHarness.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.runtime.buffer.WireWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Variable-width derived values (RESP's ASCII lengths and counts) are inserted in front of bytes
 * already written, and positions recorded after them move along: a real redis-cli request is
 * re-encoded byte for byte.
 */
class EncoderDerivedValuesTest {

    @Test
    void redisMultiBulkCommandFromACapture() throws IOException {
        EncoderHarness redis = new EncoderHarness("redis.wire");
        byte[] real = EncoderHarness.streams(EncoderGoldenBytesTest.CAPTURES.resolve("local/redis-cli-resp2.0.conv"))[0];
        WireWriter out = WireWriter.growable();
        Object request = redis.make("RespRequestEncoder");
        call(request, "wrap", out);
        Object command = call(request, "command");
        Object multiBulk = call(command, "bodyAsCase42");
        for (String argument : new String[] {"AUTH", "redis-pw"}) {
            call(call(multiBulk, "argumentsAdd"), "data", argument.getBytes(StandardCharsets.US_ASCII));
        }
        int written = (int) call(request, "finish");
        byte[] expected = java.util.Arrays.copyOf(real, written);
        assertArrayEquals(expected, out.toByteArray());
        assertEquals("*2\r\n$4\r\nAUTH\r\n$8\r\nredis-pw\r\n", new String(out.toByteArray(), StandardCharsets.US_ASCII));
    }
}
