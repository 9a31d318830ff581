package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SignatureModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** http.wire: only the starts of HTTP/1.x requests, so detection can name a web client on a database port. */
class DetectHttpWireTest {

    private static final DialectFile HTTP = DialectFile.check("http.wire");

    @Test
    void checksCleanAndDeclaresOnlySignatures() {
        HTTP.assertClean();
        ProtocolModel model = HTTP.model();
        assertEquals("http", model.name());
        assertTrue(model.messages().isEmpty());
        assertEquals(List.of("get", "get_absolute", "head", "post", "put", "delete", "options", "patch", "connect", "trace"),
                model.signatures().stream().map(SignatureModel::name).toList());
    }

    @Test
    void everyMethodSignatureEndsWithTheSpaceOrTargetAfterTheMethod() {
        for (SignatureModel s : HTTP.model().signatures()) {
            String text = new String(s.matches().get(0).bytes().toArray(), java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(text.matches("[A-Z]+ (/|http)?"), s.name() + ": " + text);
            assertEquals(text.length(), s.minBytes(), s.name());
        }
    }
}
