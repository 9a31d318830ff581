package io.sqlxwire.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {

    private static final String POSTGRESQL = Path.of("..", "protocols-idl", "src", "main", "sqlxwire", "postgresql.wire").toString();

    @TempDir
    Path dir;

    private Path conversation(String text) throws IOException {
        Path file = dir.resolve("test.conv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void conversationPrintsOneJsonObjectPerMessage() throws IOException {
        Path conv = conversation("""
                # hand-made: StartupMessage(user=u), then AuthenticationOk and ReadyForQuery in one segment
                C 00000010000300007573657200750000
                S 520000000800000000 5a0000000549
                """);
        CliRun run = CliRun.of("decode", "--wire", POSTGRESQL, "--conv", conv.toString());
        assertEquals(List.of(
                "{\"dir\":\"C\",\"offset\":0,\"message\":\"StartupMessage\",\"fields\":{\"protocol_major\":3,"
                        + "\"protocol_minor\":0,\"parameters\":[{\"name\":\"user\",\"value\":\"u\"}]}}",
                "{\"dir\":\"S\",\"offset\":0,\"message\":\"Authentication\",\"fields\":{\"code\":\"OK\",\"body\":{}}}",
                "{\"dir\":\"S\",\"offset\":9,\"message\":\"ReadyForQuery\",\"fields\":{\"status\":\"IDLE\"}}",
                "{\"end\":true,\"state\":\"Idle\",\"final\":false}"),
                run.outLines());
        assertEquals("", run.err());
        assertEquals(ExitCode.OK, run.exitCode());
    }

    @Test
    void undecodableFrameIsReportedAndDecodingGoesOn() {
        // A DataRow claiming 2 columns but holding one, then a good ReadyForQuery.
        CliRun run = CliRun.of("decode", "--wire", POSTGRESQL, "--direction", "backend", "--state", "SimpleQuery",
                "--hex", "440000000c0002000000026162" + "5a0000000549");
        assertEquals(List.of(
                "{\"dir\":\"backend\",\"offset\":0,\"message\":\"DataRow\",\"error\":\"postgresql DataRow.columns[1]: "
                        + "needs 4 bytes but only 0 remain at offset 13\"}",
                "{\"dir\":\"backend\",\"offset\":13,\"message\":\"ReadyForQuery\",\"fields\":{\"status\":\"IDLE\"}}",
                "{\"end\":true,\"state\":\"Idle\",\"final\":false}"),
                run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void lostFramingStopsThatDirectionAndLeftoversAreReported() throws IOException {
        Path conv = conversation("""
                # untagged length far above the startup maximum; the server's stream ends inside a frame
                C 7fffffff00
                S 5a000000
                """);
        CliRun run = CliRun.of("decode", "--wire", POSTGRESQL, "--conv", conv.toString());
        assertEquals(3, run.outLines().size());
        assertTrue(run.outLines().get(0).startsWith("{\"dir\":\"C\",\"offset\":0,\"error\":\"framing lost: "),
                run.out());
        assertEquals("{\"dir\":\"S\",\"offset\":0,\"error\":\"stream ends inside a frame: 4 bytes left over\"}",
                run.outLines().get(1));
        assertEquals("{\"end\":true,\"state\":\"Startup\",\"final\":false}", run.outLines().get(2));
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void hexOfOneDirectionFromAGivenState() {
        CliRun run = CliRun.of("decode", "--wire", POSTGRESQL, "--direction", "frontend", "--state", "Idle",
                "--hex", "5300000004" + "4800000004");
        // Sync moves Idle to ExtendedQuery, where Flush is accepted; frames are tagged in Idle.
        assertEquals(List.of(
                "{\"dir\":\"frontend\",\"offset\":0,\"message\":\"Sync\",\"fields\":{}}",
                "{\"dir\":\"frontend\",\"offset\":5,\"message\":\"Flush\",\"fields\":{}}",
                "{\"end\":true,\"state\":\"ExtendedQuery\",\"final\":false}"), run.outLines());
        assertEquals(ExitCode.OK, run.exitCode());
    }

    @Test
    void messageNotAcceptedInTheStateIsAnError() {
        CliRun run = CliRun.of("decode", "--wire", POSTGRESQL, "--direction", "backend",
                "--hex", "5a0000000549");
        assertEquals(List.of("{\"dir\":\"backend\",\"offset\":0,\"message\":\"ReadyForQuery\","
                + "\"error\":\"postgresql ReadyForQuery: not accepted in state Startup\"}",
                "{\"end\":true,\"state\":\"Startup\",\"final\":false}"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void usageErrors() throws IOException {
        assertEquals(ExitCode.USAGE, CliRun.of("decode").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("decode", "--wire", POSTGRESQL).exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("decode", "--wire", POSTGRESQL, "--hex", "00").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("decode", "--wire", POSTGRESQL, "--direction", "frontend",
                "--hex", "0").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("decode", "--wire", POSTGRESQL, "--direction", "sideways",
                "--hex", "00").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("decode", "--wire", POSTGRESQL, "--conv").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("decode", "--wire", dir.resolve("none.wire").toString(),
                "--conv", conversation("C 00\n").toString()).exitCode());
        CliRun bad = CliRun.of("decode", "--wire", POSTGRESQL, "--conv", conversation("X 00\n").toString());
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("test.conv:1: expected 'C <hex>' or 'S <hex>'"), bad.err());
        CliRun unknown = CliRun.of("decode", "--frobnicate", "x");
        assertTrue(unknown.err().startsWith("sqlxwire decode: unknown option '--frobnicate'"), unknown.err());
    }

    @Test
    void wireFileWithErrorsFails() throws IOException {
        Path wire = dir.resolve("broken.wire");
        Files.writeString(wire, "protocol p;\nstruct S { x: nosuch; }\n");
        CliRun run = CliRun.of("decode", "--wire", wire.toString(), "--direction", "d", "--hex", "00");
        assertEquals(ExitCode.FAILED, run.exitCode());
        assertTrue(run.err().contains("broken.wire:2:"), run.err());
    }

    @Test
    void helpListsTheCommand() {
        assertTrue(CliRun.of("--help").out().contains("decode"));
        assertTrue(CliRun.of("decode", "--help").out().startsWith("usage: sqlxwire decode --wire FILE --conv"));
    }
}
