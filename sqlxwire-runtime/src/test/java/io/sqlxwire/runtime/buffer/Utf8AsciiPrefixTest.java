package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link Utf8#put}'s ASCII run written in one go gives the JDK's bytes, also when it does not fit. */
class Utf8AsciiPrefixTest {

    @Property
    void writesWhatTheJdkEncodes(@ForAll String text) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            return;
        }
        WireWriter out = WireWriter.growable(1, 1 << 20);
        out.put8('>');
        Utf8.put(out, text);
        byte[] expected = (">" + text).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void aFixedWriterFailsAtTheFirstByteThatDoesNotFit() {
        byte[] target = new byte[3];
        WireWriter out = WireWriter.into(target, 0, 3);
        CodecException e = assertThrows(CodecException.class, () -> Utf8.put(out, "abcd"));
        assertEquals(3, out.position());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), target);
        assertEquals(3, e.offset());
    }
}
