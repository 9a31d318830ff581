package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.TextView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AsciiDecimalTest {

    private static WireBuffer ascii(String text) {
        return WireBuffer.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Property
    void roundTripAsALineMatchingJavaSpelling(@ForAll long value) {
        WireWriter out = WireWriter.growable();
        AsciiDecimal.putLine(out, value);
        String text = new String(out.toByteArray(), StandardCharsets.US_ASCII);
        assertEquals(value + "\r\n", text);
        WireBuffer buffer = out.written(new WireBuffer());
        assertEquals(value, AsciiDecimal.parseLine(buffer, 0, buffer.length()));
        assertEquals(buffer.length(), AsciiDecimal.lineEnd(buffer, 0, buffer.length()));
    }

    @Test
    void extremesParse() {
        assertEquals(Long.MAX_VALUE, AsciiDecimal.parseLine(ascii("9223372036854775807\r\n"), 0, 21));
        assertEquals(Long.MIN_VALUE, AsciiDecimal.parseLine(ascii("-9223372036854775808\r\n"), 0, 22));
        assertEquals(0, AsciiDecimal.parseLine(ascii("0\r\n"), 0, 3));
        assertEquals(-1, AsciiDecimal.parseLine(ascii("$-1\r\n"), 1, 5));
    }

    @Test
    void overflowIsRejected() {
        for (String text : new String[] {"9223372036854775808", "-9223372036854775809", "99999999999999999999"}) {
            WireBuffer buffer = ascii(text + "\r\n");
            CodecException e = assertThrows(CodecException.class,
                    () -> AsciiDecimal.parseLine(buffer, 0, buffer.length()), text);
            assertEquals("decimal integer overflows 64 bits at offset 0", e.getMessage());
        }
        WireBuffer endless = ascii("123456789012345678901234");
        assertThrows(CodecException.class, () -> AsciiDecimal.lineEnd(endless, 0, endless.length()),
                "a run of digits too long for any long fails before its CRLF arrives");
    }

    @Test
    void malformedSpellingsAreRejectedAtTheOffendingByte() {
        String[] texts = {"12a\r\n", "\r\n", "-\r\n", "+1\r\n", "01\r\n", "-0\r\n", " 1\r\n", "1-\r\n", "1\rx", "--1\r\n"};
        int[] offsets = {2, 0, 0, 0, 0, 1, 0, 1, 2, 1};
        for (int i = 0; i < texts.length; i++) {
            WireBuffer buffer = ascii(texts[i]);
            CodecException e = assertThrows(CodecException.class,
                    () -> AsciiDecimal.parseLine(buffer, 0, buffer.length()), texts[i]);
            assertEquals(offsets[i], e.offset(), texts[i] + ": " + e.getMessage());
        }
    }

    @Test
    void incompleteLinesAskForMore() {
        assertEquals(-1, AsciiDecimal.lineEnd(ascii("123"), 0, 3));
        assertEquals(-1, AsciiDecimal.lineEnd(ascii("123\r"), 0, 4));
        assertEquals(-1, AsciiDecimal.lineEnd(ascii(""), 0, 0));
        assertEquals(5, AsciiDecimal.lineEnd(ascii("123\r\nrest"), 0, 9));
        CodecException e = assertThrows(CodecException.class, () -> AsciiDecimal.parseLine(ascii(":12"), 1, 3));
        assertEquals("no CRLF after decimal integer before end of frame at offset 1", e.getMessage());
    }

    @Test
    void bareDigitsWithoutTerminator() {
        assertEquals(-42, AsciiDecimal.parse(ascii("x-42y"), 1, 4));
        assertThrows(CodecException.class, () -> AsciiDecimal.parse(ascii("4 2"), 0, 3));
        assertThrows(CodecException.class, () -> AsciiDecimal.parse(ascii("42"), 0, 3));
    }

    /**
     * Every value, at every distance from the array's start (the word-at-a-time path reads up to
     * 16 bytes back from the value's end and falls back near the start), with digit-like bytes
     * around it that must not leak into the result.
     */
    @Property
    void everyValueParsesWhereverItLies(@ForAll long value, @ForAll @IntRange(min = 0, max = 20) int before,
            @ForAll @IntRange(min = 0, max = 3) int after) {
        String text = Long.toString(value);
        byte[] bytes = new byte[before + text.length() + after];
        Arrays.fill(bytes, (byte) '7');
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, bytes, before, text.length());
        WireBuffer buffer = WireBuffer.of(bytes);
        assertEquals(value, AsciiDecimal.parse(buffer, before, before + text.length()));
        assertEquals(value, AsciiDecimal.parse(new ByteView().wrap(buffer, before, text.length())));
        assertEquals(value, AsciiDecimal.parse(new TextView().wrap(buffer, before, text.length())));
        // A heap buffer whose view starts inside its array (the words may reach before it), and a direct one.
        WireBuffer sliced = WireBuffer.of(ByteBuffer.wrap(bytes).position(before).slice());
        assertEquals(value, AsciiDecimal.parse(sliced, 0, text.length()));
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertEquals(value, AsciiDecimal.parse(WireBuffer.of(direct), before, before + text.length()));
    }

    /** Any bytes: the value Java reads from the same spelling when it is canonical, else an error. */
    @Property
    void anyBytesParseAsTheCanonicalSpellingOrFail(@ForAll @Size(max = 20) byte[] raw,
            @ForAll @IntRange(min = 0, max = 20) int before) {
        byte[] bytes = new byte[before + raw.length];
        Arrays.fill(bytes, (byte) '1');
        for (int i = 0; i < raw.length; i++) {
            // Mostly digits, so that long numbers with one bad byte somewhere are common.
            bytes[before + i] = raw[i] % 3 == 0 ? raw[i] : (byte) ('0' + Math.floorMod(raw[i], 10));
        }
        String text = new String(bytes, before, raw.length, StandardCharsets.ISO_8859_1);
        Long expected = canonical(text);
        WireBuffer buffer = WireBuffer.of(bytes);
        if (expected == null) {
            assertThrows(CodecException.class, () -> AsciiDecimal.parse(buffer, before, bytes.length), text);
        } else {
            assertEquals(expected, AsciiDecimal.parse(buffer, before, bytes.length), text);
        }
    }

    /** The reference: Java's parser, restricted to the spelling Redis accepts. */
    private static Long canonical(String text) {
        if (!text.matches("-?(0|[1-9][0-9]*)") || text.equals("-0")) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null; // overflow
        }
    }

    @Test
    void nonDigitBytesNextToTheDigitBoundsAreRefused() {
        // 0x2F and 0x3A sit on either side of '0'..'9'; 0xB0 has the digits' low bits.
        for (byte bad : new byte[] {0x2F, 0x3A, (byte) 0xB0, (byte) 0xFF, 0x00}) {
            for (int length = 1; length <= 18; length++) {
                for (int at = 0; at < length; at++) {
                    byte[] bytes = new byte[20 + length];
                    Arrays.fill(bytes, (byte) '5');
                    bytes[20 + at] = bad;
                    WireBuffer buffer = WireBuffer.of(bytes);
                    int l = length;
                    assertThrows(CodecException.class, () -> AsciiDecimal.parse(buffer, 20, 20 + l));
                }
            }
        }
    }
}
