package io.sqlxwire.protocols.captures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every captured PostgreSQL and MySQL conversation decodes completely with the descriptions: no
 * error entry, no stream left inside a frame. Encrypted connections are decoded up to the TLS (or
 * GSSAPI) switch and framed as opaque records after it, ending in the encrypted state. Zeek's
 * deliberately malformed or foreign traces are rejected with at least one codec error.
 */
class CaptureDecodingTest {

    /** Captures whose connection switches to encryption, and the state they must end in. */
    private static final Map<String, String> ENCRYPTED = Map.ofEntries(
            Map.entry("suricata-pgsql-upgrade-tls.0.conv", "TlsEncrypted"),
            Map.entry("zeek-psql-aws-ssl-preferred.conv", "TlsEncrypted"),
            Map.entry("zeek-psql-aws-ssl-require.conv", "TlsEncrypted"),
            Map.entry("zeek-psql-aws-ssl-require-15432.conv", "TlsEncrypted"),
            Map.entry("ndpi-pgsql.2.conv", "GssEncrypted"),
            Map.entry("ndpi-pgsql.4.conv", "GssEncrypted"),
            Map.entry("ndpi-mysql.1.conv", "TlsEncrypted"),
            Map.entry("zeek-encrypted.conv", "TlsEncrypted"),
            Map.entry("zeek-tls-12-amazon-rds.conv", "TlsEncrypted"),
            Map.entry("zeek-tls-13-amazon-rds.conv", "TlsEncrypted"));

    static Stream<Path> postgresql() {
        return Stream.concat(Captures.list("local", "pg-").stream(),
                Captures.list("third-party/postgresql", "").stream());
    }

    static Stream<Path> mysql() {
        return Stream.concat(Captures.list("local", "my-").stream(),
                Captures.list("third-party/mysql", "").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresql")
    void postgresqlCapture(Path file) {
        check(CapturedConversation.decode(Captures.model("postgresql.wire"), file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mysql")
    void mysqlCapture(Path file) {
        check(CapturedConversation.decode(Captures.model("mysql.wire"), file));
    }

    @Test
    void everyCaptureIsFound() {
        assertEquals(45, postgresql().count());
        assertEquals(36, mysql().count());
    }

    private static void check(CapturedConversation conversation) {
        String name = conversation.file().getFileName().toString();
        if (Captures.deliberatelyMalformed(conversation.file())) {
            assertFalse(conversation.errors().isEmpty(),
                    name + " is malformed or foreign traffic but decoded as a valid conversation");
            return;
        }
        assertTrue(conversation.errors().isEmpty(), conversation::errorReport);
        assertFalse(conversation.messages().isEmpty(), name + " decoded no message");
        String encryptedState = ENCRYPTED.get(name);
        if (encryptedState != null) {
            assertEquals(encryptedState, conversation.finalState(), name + " ends encrypted");
        } else {
            assertFalse(conversation.finalState().endsWith("Encrypted"), name + " is a plain-text conversation");
        }
    }
}
