package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The dialect tests only mean something if a broken description is reported: break one and see. */
class CheckerIsNotVacuousTest {

    @Test
    void aMessageNamedInTheMachineButNotDeclaredIsAnError() throws IOException {
        String text = Files.readString(DialectFile.SOURCES.resolve("postgresql.wire"));
        String broken = text.replace("message ReadyForQuery:", "message ReadyForQueryRenamed:");
        assertNotEquals(text, broken, "the edit must apply");
        CheckResult result = WireCompiler.checkSource("postgresql.wire", broken);
        assertTrue(result.hasErrors(), "a dangling machine reference must be reported");
    }

    @Test
    void aFieldUsedBeforeItIsReadIsAnError() throws IOException {
        String text = Files.readString(DialectFile.SOURCES.resolve("postgresql.wire"));
        String broken = text.replace(
                "    field_count: u16;\n    fields: FieldDescription[field_count];",
                "    fields: FieldDescription[field_count];\n    field_count: u16;");
        assertNotEquals(text, broken, "the edit must apply");
        CheckResult result = WireCompiler.checkSource("postgresql.wire", broken);
        assertTrue(result.hasErrors(), "a count read after its array must be reported");
    }

    @Test
    void theEncryptionAnswersClashWithTaggedMessagesWithoutTheirFraming() throws IOException {
        String text = Files.readString(DialectFile.SOURCES.resolve("postgresql.wire"));
        String broken = text.replace("message SslAccepted: backend via single_byte tag 'S'", "message SslAccepted: backend tag 'S'");
        assertNotEquals(text, broken, "the edit must apply");
        CheckResult result = WireCompiler.checkSource("postgresql.wire", broken);
        assertTrue(result.render().contains("duplicate tag"), result::render);
    }

    @Test
    void aMessageParameterWithoutAHeaderFieldOfItsNameIsAnError() throws IOException {
        String text = Files.readString(DialectFile.SOURCES.resolve("cql.wire"));
        String broken = text.replace("        flags: FrameFlags;\n        /// Negative stream ids",
                "        frame_flags: FrameFlags;\n        /// Negative stream ids");
        assertNotEquals(text, broken, "the edit must apply");
        CheckResult result = WireCompiler.checkSource("cql.wire", broken);
        assertTrue(result.render().contains("message parameter 'flags'"), result::render);
    }
}
