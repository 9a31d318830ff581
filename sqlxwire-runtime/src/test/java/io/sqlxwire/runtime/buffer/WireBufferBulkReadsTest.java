package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

    /**
     * The word-at-a-time search finds the first match wherever it lies relative to the 8-byte
     * steps, for every byte value (0x80 and 0xFF included, where a sloppy zero-byte test fails),
     * in a view that starts inside its array.
     */
    @Property
    void indexOfFindsTheFirstMatchLikeAByteLoop(@ForAll byte[] bytes, @ForAll byte value,
                                                @ForAll @IntRange(min = 0, max = 9) int lead,
                                                @ForAll @IntRange(min = 0, max = 40) int fromSeed,
                                                @ForAll @IntRange(min = 0, max = 40) int toSeed) {
        int to = bytes.length == 0 ? 0 : toSeed % (bytes.length + 1);
        int from = fromSeed % (to + 1);
        int expected = -1;
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                expected = i;
                break;
            }
        }
        byte[] padded = new byte[lead + bytes.length + 3];
        java.util.Arrays.fill(padded, value);
        System.arraycopy(bytes, 0, padded, lead, bytes.length);
        WireBuffer inside = new WireBuffer().wrap(padded, lead, bytes.length);
        assertEquals(expected, inside.indexOf(value, from, to));
        for (WireBuffer buffer : views(bytes)) {
            assertEquals(expected, buffer.indexOf(value, from, to));
        }
    }

    @Test
    void indexOfSeesAMatchInEveryPositionOfAWord() {
        for (int at = 0; at < 20; at++) {
            byte[] bytes = new byte[20];
            java.util.Arrays.fill(bytes, (byte) 0x80);
            bytes[at] = 0;
            if (at + 1 < bytes.length) {
                bytes[at + 1] = 0; // a second match right after must not win
            }
            assertEquals(at, WireBuffer.of(bytes).indexOf((byte) 0, 0, 20));
            assertEquals(at, WireBuffer.of(bytes).indexOf((byte) 0, Math.min(at, 3), 20));
        }
    }

    private static WireBuffer[] views(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return new WireBuffer[] {WireBuffer.of(bytes), WireBuffer.of(direct)};
    }
}
