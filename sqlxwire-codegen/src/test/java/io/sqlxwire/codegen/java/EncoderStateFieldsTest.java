package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Positions, flags, kept values and texts are generated only where some code reads them: the
 * setters of a plain message store nothing but what its back-patching needs, and a checksum keeps
 * the start of the region it covers.
 */
class EncoderStateFieldsTest {

    private static String source(String dialect, String encoder) {
        List<JavaFile> files = EncoderGenerationTest.generate(
                EncoderGenerationTest.model(EncoderGenerationTest.DIALECTS.resolve(dialect)));
        return files.stream().filter(f -> f.typeSpec().name().equals(encoder)).findFirst().orElseThrow().toString();
    }

    private static boolean mentions(String source, String name) {
        return Pattern.compile("\\b" + name + "\\b").matcher(source).find();
    }

    @Test
    void unreadPositionsAndTextsAreLeftOut() {
        String bind = source("postgresql.wire", "PgBindEncoder");
        for (String unread : List.of("portalStart", "portalEnd", "portalPresent", "portalText", "parameterValuesStart",
                "parameterValuesEnd", "parameterFormatsPresent")) {
            assertFalse(mentions(bind, unread), unread);
        }
        // The counts are back-patched: their slots, values and element counts stay.
        for (String read : List.of("parameterFormatCountSlot", "parameterFormatCountValue", "parameterFormatsCount")) {
            assertTrue(mentions(bind, read), read);
        }
    }

    @Test
    void aChecksumKeepsTheStartOfWhatItCovers() {
        String payload = source("cql.wire", "CqlV5PayloadEncoder");
        assertTrue(mentions(payload, "payloadStart"));
        assertFalse(mentions(payload, "payloadEnd"));
    }
}
