package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The array fast paths agree with the byte-by-byte reads they replace, heap and direct alike. */
class WireBufferBulkReadsTest {

    @Property
    void asciiPrefixLengthCountsLeadingBytesBelow0x80(@ForAll byte[] bytes) {
        int expected = 0;
        while (expected < bytes.length && bytes[expected] >= 0) {
            expected++;
        }
        for (WireBuffer buffer : views(bytes)) {
            assertEquals(expected, buffer.asciiPrefixLength(0, bytes.length));
        }
    }

    @Test
    void asciiPrefixLengthChecksTheRangeOnce() {
        WireBuffer buffer = WireBuffer.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, buffer.asciiPrefixLength(2, 1));
        assertThrows(CodecException.class, () -> buffer.asciiPrefixLength(2, 2));
    }

    @Property
    void negativeDecimalDigitsIsMinusTheValueOrOneOnFailure(@ForAll long value) {
        String digits = Long.toString(value).replace("-", "");
        byte[] bytes = ("x" + digits + "y").getBytes(StandardCharsets.US_ASCII);
        for (WireBuffer buffer : views(bytes)) {
            assertEquals(value == Long.MIN_VALUE ? Long.MIN_VALUE : -Math.abs(value),
                    buffer.negativeDecimalDigits(1, 1 + digits.length()));
            assertEquals(1, buffer.negativeDecimalDigits(0, 1 + digits.length()), "a non-digit");
        }
    }

    @Test
    void negativeDecimalDigitsRefusesWhatLeavesTheLongRange() {
        WireBuffer buffer = WireBuffer.of("9223372036854775809".getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, buffer.negativeDecimalDigits(0, 19));
        assertEquals(-922337203685477580L, buffer.negativeDecimalDigits(0, 18));
    }

    private static WireBuffer[] views(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return new WireBuffer[] {WireBuffer.of(bytes), WireBuffer.of(direct)};
    }
}
