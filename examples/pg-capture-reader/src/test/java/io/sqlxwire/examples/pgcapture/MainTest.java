package io.sqlxwire.examples.pgcapture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MainTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBundledCaptureReadsAsTheExpectedTranscript() throws IOException {
        assertEquals(0, run(), err());
        assertEquals(resource("pg-psql-scram-simple.transcript.txt"), out());
        assertEquals("", err());
    }

    @Test
    void aFileNamedOnTheCommandLineIsReadInstead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("copy.conv");
        Files.writeString(file, resource(Main.BUNDLED));
        assertEquals(0, run(file.toString()), err());
        String expected = resource("pg-psql-scram-simple.transcript.txt");
        assertEquals(expected.substring(expected.indexOf('\n')), out().substring(out().indexOf('\n')));
        assertTrue(out().startsWith("capture: " + file + " -- from pg-psql-scram-simple.pcap"), out());
    }

    @Test
    void aCaptureEndingInsideAMessageSaysSo(@TempDir Path dir) throws IOException {
        // the last segment is the client's Terminate (5 bytes); keep only 3 of them
        String text = resource(Main.BUNDLED).replace("C 5800000004\n", "C 580000\n");
        Path file = dir.resolve("cut.conv");
        Files.writeString(file, text);
        assertEquals(1, run(file.toString()));
        assertTrue(err().contains("the capture ends inside a message: 3 bytes from the client"), err());
        assertTrue(out().contains("conversation state Idle"), out());
    }

    @Test
    void aMessageTheStateDoesNotAllowStopsTheReplayWithItsPosition(@TempDir Path dir) throws IOException {
        String startup = resource(Main.BUNDLED).lines().filter(l -> l.startsWith("C ")).findFirst().orElseThrow();
        // a DataRow while the client is still authenticating
        Path file = dir.resolve("early-row.conv");
        Files.writeString(file, "# made up\n" + startup + "\nS 44000000060000\n");
        assertEquals(1, run(file.toString()));
        assertTrue(err().startsWith("pg-capture-reader: line 3: server bytes at stream offset 0: "), err());
        assertTrue(err().contains("Authenticating"), err());
        assertTrue(out().contains("client: connects with protocol 3.0, user=app"), out());
    }

    @Test
    void bytesThatCannotBeFramedStopTheReplay(@TempDir Path dir) throws IOException {
        // a Query without a StartupMessage: read as an untagged startup frame, its length is absurd
        Path file = dir.resolve("no-startup.conv");
        Files.writeString(file, "# made up\nC 510000000d73656c6563742031\n");
        assertEquals(1, run(file.toString()));
        assertTrue(err().startsWith("pg-capture-reader: line 2: client bytes: "), err());
    }

    @Test
    void aMalformedConversationFileIsABadArgument(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.conv");
        Files.writeString(file, "# made up\nC 0000\nX 00\n");
        assertEquals(2, run(file.toString()));
        assertEquals("pg-capture-reader: " + file + ": line 3: expected 'C <hex>' or 'S <hex>'\n", err());
    }

    @Test
    void usageAndMissingFiles() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("usage: pg-capture-reader [FILE.conv]"));
        assertEquals(2, run("a.conv", "b.conv"));
        assertEquals(2, run("/no/such/file.conv"));
        assertTrue(err().contains("no such file: /no/such/file.conv"), err());
    }
}
