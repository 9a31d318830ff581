package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link WireWriter#putAsciiWithoutNul}: writes exactly the chars 0x01..0x7F, in every kind of
 * writer and for String and other CharSequences, and leaves the writer as it was otherwise.
 */
class WireWriterAsciiWithoutNulTest {

    private static List<Supplier<WireWriter>> writers() {
        return List.of(
                () -> WireWriter.growable(1, 1 << 20),
                () -> WireWriter.into(new byte[600], 7, 500),
                () -> WireWriter.into(ByteBuffer.allocateDirect(600).position(5)));
    }

    @Property
    void acceptsExactlyAsciiWithoutNul(@ForAll String text) {
        boolean plain = text.chars().allMatch(c -> c >= 1 && c < 0x80);
        for (Supplier<WireWriter> writer : writers()) {
            for (CharSequence value : List.of(text, new StringBuilder(text))) {
                WireWriter out = writer.get();
                out.put8('>');
                boolean written = out.putAsciiWithoutNul(value);
                assertEquals(plain, written, text); // jqwik strings are at most 255 chars: they fit
                byte[] expected = written ? (">" + text).getBytes(StandardCharsets.US_ASCII) : new byte[] {'>'};
                assertArrayEquals(expected, out.toByteArray());
            }
        }
    }

    @Test
    void refusesAUtf16StringWhoseLowBytesLookAscii() {
        // U+0141 and U+0100 have the low bytes 0x41 and 0x00: a byte copy alone would not notice.
        WireWriter out = WireWriter.growable();
        assertFalse(out.putAsciiWithoutNul("A\u0141B"));
        assertFalse(out.putAsciiWithoutNul("\u0100"));
        assertFalse(out.putAsciiWithoutNul("a\0b"));
        assertFalse(out.putAsciiWithoutNul("caf\u00e9"));
        assertEquals(0, out.position());
        assertTrue(out.putAsciiWithoutNul(""));
        assertEquals(0, out.position());
    }

    @Test
    void aFixedWriterWithoutRoomReturnsFalseAndKeepsItsPosition() {
        byte[] target = new byte[3];
        WireWriter out = WireWriter.into(target, 0, 3);
        assertFalse(out.putAsciiWithoutNul("abcd"));
        assertEquals(0, out.position());
        assertTrue(out.putAsciiWithoutNul("abc"));
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), target);
    }

    @Test
    void longTextsAreCopiedAndCheckedEveryTime() {
        String sql = "insert into bench (id, big, name, price, created) values ($1, $2, $3, $4, $5)";
        WireWriter out = WireWriter.growable();
        assertTrue(out.putAsciiWithoutNul(sql));
        assertTrue(out.putAsciiWithoutNul(sql));
        assertArrayEquals((sql + sql).getBytes(StandardCharsets.US_ASCII), out.toByteArray());
        String withNul = sql.replace('(', '\0');
        String utf16 = sql.replace('(', '\u0128'); // low byte 0x28, the '(' it replaces
        assertFalse(out.putAsciiWithoutNul(withNul));
        assertFalse(out.putAsciiWithoutNul(utf16));
        assertTrue(out.putAsciiWithoutNul(sql));
        assertEquals(3 * sql.length(), out.position());
    }

    @Test
    void aGrowableWriterGrows() {
        WireWriter out = WireWriter.growable(2, 1 << 10);
        assertTrue(out.putAsciiWithoutNul("hello, world"));
        assertArrayEquals("hello, world".getBytes(StandardCharsets.US_ASCII), out.toByteArray());
    }
}
