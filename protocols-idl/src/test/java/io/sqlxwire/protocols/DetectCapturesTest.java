package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.java.detect.RecordedConnection;
import io.sqlxwire.runtime.detect.Detection;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded connection in {@code ../shared/captures/conv/} is detected as the protocol it speaks,
 * by one detector over the signatures of every description, as a server listening for all of them
 * on one port would.
 */
class DetectCapturesTest {

    private static final ProtocolDetector DETECTOR = new ProtocolDetector(DetectFixtures.SIGNATURES);

    /** Folder (third-party) or file-name prefix (local) to protocol name. */
    private static final Map<String, String> BY_ORIGIN = Map.of(
            "postgresql", "postgresql", "pg", "postgresql",
            "mysql", "mysql", "my", "mysql",
            "redis", "redis", "cassandra", "cql", "mongodb", "mongodb", "tds", "tds");

    /**
     * Captures that are not what their folder says. A {@code null} protocol means no description's
     * signature can claim the connection, and the detector must say so (none).
     */
    private static final Map<String, String> EXCEPTIONS = new java.util.HashMap<>(Map.of(
            // Zeek's foreign traffic on the PostgreSQL port: recognised as what it really is.
            "zeek-http-on-port-5432.conv", "http",
            "zeek-mysql-on-port-5432.conv", "mysql"));

    static {
        // Cassandra's internode protocol on the storage port 7000 (magic 0xCA552DFA), not CQL.
        EXCEPTIONS.put("ndpi-cassandra.2.conv", null);
        // The capture starts mid-connection with the roles swapped: the "client" side is the Redis
        // server (port 6379) and its first bytes are a reply, "+OK\r\n", which no client sends first.
        EXCEPTIONS.put("zeek-start-with-server.conv", null);
    }

    static String expected(Path conv) {
        String file = conv.getFileName().toString();
        if (EXCEPTIONS.containsKey(file)) {
            return EXCEPTIONS.get(file);
        }
        Path relative = DetectFixtures.CONVERSATIONS.relativize(conv);
        String origin = relative.getName(0).toString().equals("local")
                ? file.substring(0, file.indexOf('-'))
                : relative.getName(1).toString();
        String protocol = BY_ORIGIN.get(origin);
        if (protocol == null) {
            throw new AssertionError("no expected protocol for " + relative + ": add it to BY_ORIGIN or EXCEPTIONS");
        }
        return protocol;
    }

    @TestFactory
    Stream<DynamicTest> everyCaptureIsItsOwnProtocol() {
        return DetectFixtures.conversations().stream().map(conv -> DynamicTest.dynamicTest(
                DetectFixtures.CONVERSATIONS.relativize(conv).toString(), () -> {
                    Detection d = RecordedConnection.detect(DETECTOR, DetectFixtures.segments(conv));
                    String want = expected(conv);
                    assertEquals(want, d.protocol(), () -> conv + ": " + d);
                    if (want == null) {
                        assertEquals(Detection.Outcome.NONE, d.outcome(), conv::toString);
                    }
                }));
    }

    /** A one-port server must not stall a client that speaks first: its first flight settles the answer. */
    @TestFactory
    Stream<DynamicTest> aClientThatSpeaksFirstIsDetectedWithoutWaitingForSilence() {
        return DetectFixtures.conversations().stream()
                .filter(conv -> expected(conv) != null)
                .filter(conv -> DetectFixtures.segments(conv).get(0).fromClient())
                .map(conv -> DynamicTest.dynamicTest(DetectFixtures.CONVERSATIONS.relativize(conv).toString(), () -> {
                    byte[] first = DetectFixtures.clientFirstFlight(DetectFixtures.segments(conv));
                    Detection d = DETECTOR.detect(first, 0, first.length);
                    assertEquals(expected(conv), d.protocol(), () -> conv + ": " + d);
                }));
    }

    @Test
    void everyCaptureFolderIsCovered() {
        List<Path> all = DetectFixtures.conversations();
        assertTrue(all.size() >= 100, "expected the shared captures, found " + all.size());
        all.forEach(DetectCapturesTest::expected);
    }

    @Test
    void mysqlGreetingsOnAnyPortAreConfirmedByTheServerSignature() {
        Path conv = DetectFixtures.CONVERSATIONS.resolve("third-party/postgresql/zeek-mysql-on-port-5432.conv");
        Detection d = RecordedConnection.detect(DETECTOR, DetectFixtures.segments(conv));
        assertEquals("mysql by server signature handshake", d.toString());
    }

    @Test
    void aRefusingMysqlServerIsStillMysql() {
        Path conv = DetectFixtures.CONVERSATIONS.resolve("third-party/mysql/zeek-auth.0.conv");
        assertEquals("mysql by server signature refusal",
                RecordedConnection.detect(DETECTOR, DetectFixtures.segments(conv)).toString());
    }
}
