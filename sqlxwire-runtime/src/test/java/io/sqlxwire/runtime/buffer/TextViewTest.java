package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextViewTest {

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String withSupplementary(String s) {
        return s + "\uD83D\uDE00é€";
    }

    @Property
    void utf8EncodingMatchesTheJdk(@ForAll String raw) {
        String text = withSupplementary(raw);
        Assume.that(wellFormed(text));
        WireWriter out = WireWriter.growable();
        Utf8.put(out, text);
        byte[] jdk = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(jdk, out.toByteArray());
        assertEquals(jdk.length, Utf8.encodedLength(text));
    }

    @Property
    void utf8ViewEqualsExactlyItsOwnText(@ForAll String a, @ForAll String b) {
        String left = withSupplementary(a);
        Assume.that(wellFormed(left) && wellFormed(b));
        byte[] bytes = left.getBytes(StandardCharsets.UTF_8);
        for (WireBuffer storage : Storage.all(bytes)) {
            TextView view = new TextView().wrap(storage, 0, bytes.length);
            assertTrue(view.contentEquals(left));
            assertEquals(left.equals(b), view.contentEquals(b));
            assertFalse(view.contentEquals(left + "x"));
            assertFalse(view.contentEquals(left.substring(0, left.length() - 1)));
            assertEquals(left, view.toString());
        }
    }

    @Test
    void unpairedSurrogatesAreRefusedNotReplaced() {
        WireWriter out = WireWriter.growable();
        out.put8(1);
        CodecException e = assertThrows(CodecException.class, () -> Utf8.put(out, "a\uD800b"));
        assertEquals(2, e.offset());
        assertThrows(CodecException.class, () -> Utf8.encodedLength("\uDC00"));
        byte[] q = "?".getBytes(StandardCharsets.UTF_8);
        assertFalse(new TextView().wrap(WireBuffer.of(q), 0, 1).contentEquals("\uD800"));
    }

    @Test
    void singleByteCharsetsCompareWithoutDecoding() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};
        TextView view = new TextView(StandardCharsets.ISO_8859_1).wrap(WireBuffer.of(latin1), 0, 4);
        assertTrue(view.contentEquals("café"));
        assertFalse(view.contentEquals("cafe"));
        TextView ascii = new TextView(StandardCharsets.US_ASCII).wrap(WireBuffer.of(latin1), 0, 4);
        assertFalse(ascii.contentEquals("café"), "0xE9 is not ASCII");
        assertEquals(4, ascii.byteLength());
    }

    @Test
    void otherCharsetsDecode() {
        byte[] utf16 = "Zürich".getBytes(StandardCharsets.UTF_16LE);
        TextView view = new TextView(StandardCharsets.UTF_16LE).wrap(WireBuffer.of(utf16), 0, utf16.length);
        assertTrue(view.contentEquals("Zürich"));
        assertEquals("Zürich", view.toString());
    }

    @Test
    void viewsAreCheckedAndReusable() {
        WireBuffer frame = WireBuffer.of(new byte[] {1, 2, 3, 4, 5});
        ByteView bytes = new ByteView();
        assertThrows(CodecException.class, () -> bytes.wrap(frame, 3, 3));
        bytes.wrap(frame, 1, 3);
        assertEquals(3, bytes.length());
        assertEquals(4, bytes.u8(2));
        assertTrue(bytes.contentEquals(new byte[] {2, 3, 4}));
        assertFalse(bytes.contentEquals(new byte[] {2, 3}));
        CodecException e = assertThrows(CodecException.class, () -> bytes.u8(3));
        assertEquals(4, e.offset(), "reported in frame coordinates");
        bytes.wrap(frame, 0, 0);
        assertTrue(bytes.isEmpty());
        assertArrayEquals(new byte[0], bytes.toByteArray());
    }
}
