package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminatorsTest {

    private static WireBuffer bytes(String text) {
        return WireBuffer.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void cStrings() {
        WireBuffer buffer = bytes("user\0alice\0");
        assertEquals(4, Terminators.requireNul(buffer, 0, buffer.length()));
        assertEquals(10, Terminators.requireNul(buffer, 5, buffer.length()));
        assertEquals(-1, Terminators.findNul(buffer, 5, 10));
        CodecException atEnd = assertThrows(CodecException.class, () -> Terminators.requireNul(bytes("abc"), 1, 3));
        assertEquals("no NUL before end of frame at offset 1", atEnd.getMessage());
        CodecException inRegion = assertThrows(CodecException.class, () -> Terminators.requireNul(buffer, 5, 9));
        assertEquals("no NUL before end of its 4-byte region at offset 5", inRegion.getMessage());
        assertThrows(CodecException.class, () -> Terminators.findNul(buffer, 5, 99), "limit beyond the buffer");
    }

    @Test
    void otherTerminators() {
        WireBuffer buffer = bytes("k=v;x");
        assertEquals(3, Terminators.require(buffer, (byte) ';', 0, 5));
        CodecException e = assertThrows(CodecException.class, () -> Terminators.require(buffer, (byte) ';', 4, 5));
        assertEquals("no terminator 0x3B before end of frame at offset 4", e.getMessage());
    }

    @Test
    void crlfLines() {
        WireBuffer buffer = bytes("a\rb\r\nc");
        assertEquals(3, Terminators.findCrlf(buffer, 0, buffer.length()));
        assertEquals(-1, Terminators.findCrlf(buffer, 0, 4), "a CR at the limit may still become CRLF");
        assertEquals(-1, Terminators.findCrlf(bytes("\r"), 0, 1));
        assertEquals(3, Terminators.requireCrlf(buffer, 2, buffer.length()));
        assertThrows(CodecException.class, () -> Terminators.requireCrlf(buffer, 4, buffer.length()));
    }
}
