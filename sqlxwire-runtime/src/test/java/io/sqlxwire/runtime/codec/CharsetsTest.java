package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

    private static byte[] write(String text, java.nio.charset.Charset charset) {
        WireWriter out = WireWriter.growable();
        Charsets.put(out, text, charset);
        return out.toByteArray();
    }

    @Test
    void idlNamesResolve() {
        assertEquals(StandardCharsets.UTF_8, Charsets.forIdlName("utf8"));
        assertEquals(StandardCharsets.UTF_8, Charsets.forIdlName("UTF-8"));
        assertEquals(StandardCharsets.US_ASCII, Charsets.forIdlName("ascii"));
        assertEquals(StandardCharsets.ISO_8859_1, Charsets.forIdlName("latin1"));
        assertEquals(StandardCharsets.UTF_16LE, Charsets.forIdlName("utf16le"));
        assertEquals(StandardCharsets.UTF_16BE, Charsets.forIdlName("utf16_be"));
        assertEquals("IBM500", Charsets.forIdlName("cp500").name());
        assertEquals("IBM037", Charsets.forIdlName("cp037").name());
        assertThrows(IllegalArgumentException.class, () -> Charsets.forIdlName("klingon"));
    }

    @Test
    void ebcdicBytesAreTheCodePagesOwn() {
        // 'H' 'i' '1' in EBCDIC; '[' differs between cp037 (0xBA) and cp500 (0x4A).
        assertArrayEquals(new byte[] {(byte) 0xC8, (byte) 0x89, (byte) 0xF1}, write("Hi1", Charsets.cp037()));
        assertArrayEquals(new byte[] {(byte) 0xBA}, write("[", Charsets.cp037()));
        assertArrayEquals(new byte[] {(byte) 0x4A}, write("[", Charsets.cp500()));
    }

    @Test
    void unrepresentableTextIsRefused() {
        assertArrayEquals(new byte[] {(byte) 0xE9}, write("é", StandardCharsets.ISO_8859_1));
        assertThrows(CodecException.class, () -> write("é", StandardCharsets.US_ASCII));
        assertThrows(CodecException.class, () -> write("€", StandardCharsets.ISO_8859_1));
        assertThrows(CodecException.class, () -> write("€", Charsets.cp037()));
        assertArrayEquals(new byte[] {'a', 0}, write("a", StandardCharsets.UTF_16LE));
    }

    @Test
    void cStrings() {
        WireWriter out = WireWriter.growable();
        Charsets.putCString(out, "user", StandardCharsets.UTF_8);
        assertArrayEquals(new byte[] {'u', 's', 'e', 'r', 0}, out.toByteArray());
        CodecException e = assertThrows(CodecException.class,
                () -> Charsets.putCString(out, "a\0b", StandardCharsets.UTF_8));
        assertEquals(6, e.offset());
    }
}
