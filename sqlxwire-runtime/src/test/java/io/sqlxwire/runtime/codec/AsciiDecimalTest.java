package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
