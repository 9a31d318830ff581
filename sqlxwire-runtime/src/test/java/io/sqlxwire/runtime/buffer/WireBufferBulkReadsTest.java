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

    /**
     * The one-check fast path of {@code AsciiDecimal.parse} answers exactly the canonical integers
     * of up to 18 digits (by {@code Long.parseLong}'s value) and {@code Long.MIN_VALUE} for
     * everything else: other bytes, a plus sign, leading zeros, {@code -0}, 19 digits and more.
     */
    @Property
    void canonicalDecimalOrMinAnswersOnlyCanonicalShortIntegers(@ForAll long seed,
                                                               @ForAll @IntRange(min = 0, max = 21) int length) {
        java.util.Random random = new java.util.Random(seed);
        byte[] alphabet = {'0', '1', '5', '9', '-', '+', '/', ':', ' ', 'a', (byte) 0xB1};
        byte[] bytes = new byte[length + 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)]
                    : (byte) ('0' + random.nextInt(10));
        }
        String text = new String(bytes, 1, length, StandardCharsets.ISO_8859_1);
        String digits = text.startsWith("-") ? text.substring(1) : text;
        boolean canonical = digits.matches("[1-9][0-9]{0,17}") || text.equals("0");
        long expected = canonical ? Long.parseLong(text) : Long.MIN_VALUE;
        assertEquals(expected, WireBuffer.of(bytes).canonicalDecimalOrMin(1, 1 + length), text);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertEquals(Long.MIN_VALUE, WireBuffer.of(direct).canonicalDecimalOrMin(1, 1 + length),
                "a direct buffer takes the slow path");
    }

    @Test
    void canonicalDecimalOrMinChecksTheRangeAndKnowsTheEdges() {
        WireBuffer buffer = WireBuffer.of("-999999999999999999 0 -0 007".getBytes(StandardCharsets.US_ASCII));
        assertEquals(-999_999_999_999_999_999L, buffer.canonicalDecimalOrMin(0, 19));
        assertEquals(0, buffer.canonicalDecimalOrMin(20, 21));
        assertEquals(Long.MIN_VALUE, buffer.canonicalDecimalOrMin(22, 24), "-0");
        assertEquals(Long.MIN_VALUE, buffer.canonicalDecimalOrMin(25, 28), "leading zeros");
        assertEquals(Long.MIN_VALUE, buffer.canonicalDecimalOrMin(1, 1), "empty");
        assertEquals(Long.MIN_VALUE, buffer.canonicalDecimalOrMin(0, 1), "a sign alone");
        assertThrows(CodecException.class, () -> buffer.canonicalDecimalOrMin(25, 29));
    }

    private static WireBuffer[] views(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return new WireBuffer[] {WireBuffer.of(bytes), WireBuffer.of(direct)};
    }
}
