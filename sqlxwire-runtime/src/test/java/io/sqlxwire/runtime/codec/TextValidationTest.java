package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The validators agree with the JDK's strict decoders on every input. */
class TextValidationTest {

    @Property(tries = 3000)
    void utf8AgreesWithTheJdk(@ForAll @Size(max = 12) byte[] bytes) {
        assertEquals(jdkAccepts(bytes, StandardCharsets.UTF_8), accepts(() -> TextValidation.requireUtf8(wrap(bytes), 0, bytes.length)));
    }

    @Property(tries = 1000)
    void validUtf8IsAccepted(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (jdkAccepts(bytes, StandardCharsets.UTF_8)) {
            TextValidation.requireUtf8(wrap(bytes), 0, bytes.length);
        }
    }

    @Property(tries = 2000)
    void utf16AgreesWithTheJdk(@ForAll @Size(max = 12) byte[] bytes) {
        assertEquals(jdkAccepts(bytes, StandardCharsets.UTF_16LE),
                accepts(() -> TextValidation.requireUtf16(wrap(bytes), 0, bytes.length, true)));
        assertEquals(jdkAccepts(bytes, StandardCharsets.UTF_16BE),
                accepts(() -> TextValidation.requireUtf16(wrap(bytes), 0, bytes.length, false)));
    }

    @Property(tries = 1000)
    void asciiAgreesWithTheJdk(@ForAll @Size(max = 12) byte[] bytes) {
        assertEquals(jdkAccepts(bytes, StandardCharsets.US_ASCII),
                accepts(() -> TextValidation.requireAscii(wrap(bytes), 0, bytes.length)));
    }

    @Test
    void reportsTheOffsetOfTheBadSequence() {
        byte[] bytes = {'o', 'k', (byte) 0xC0, (byte) 0x80};
        CodecException e = assertThrows(CodecException.class, () -> TextValidation.requireUtf8(wrap(bytes), 0, 4));
        assertEquals(2, e.offset());
        assertEquals("text is not valid utf8", e.detail());
    }

    @Test
    void surrogatesEncodedInUtf8AreRejected() {
        byte[] bytes = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThrows(CodecException.class, () -> TextValidation.requireUtf8(wrap(bytes), 0, 3));
    }

    private static WireBuffer wrap(byte[] bytes) {
        return new WireBuffer().wrap(bytes, 0, bytes.length);
    }

    private static boolean accepts(Runnable check) {
        try {
            check.run();
            return true;
        } catch (CodecException e) {
            return false;
        }
    }

    private static boolean jdkAccepts(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
