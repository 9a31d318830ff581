package io.sqlxwire.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void noArgumentsPrintsUsageToStderrAndExitsTwo() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("usage: sqlxwire COMMAND"), run.err());
    }

    @Test
    void helpFlagAndHelpCommandPrintTheCommandListToStdout() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.OK, run.exitCode(), String.join(" ", args));
            assertEquals("", run.err());
            assertTrue(run.out().startsWith("usage: sqlxwire COMMAND"), run.out());
            assertTrue(run.outLines().stream().anyMatch(l -> l.matches("  lint +check \\.wire files.*")), run.out());
            assertTrue(run.outLines().stream().anyMatch(l -> l.matches("  help +show this help.*")), run.out());
        }
    }

    @Test
    void helpForOneCommandPrintsThatCommandsUsage() {
        CliRun viaHelp = CliRun.of("help", "lint");
        CliRun viaFlag = CliRun.of("lint", "--help");
        assertEquals(ExitCode.OK, viaHelp.exitCode());
        assertEquals(ExitCode.OK, viaFlag.exitCode());
        assertTrue(viaHelp.out().startsWith("usage: sqlxwire lint FILE|DIR..."), viaHelp.out());
        assertEquals(viaHelp.out(), viaFlag.out());
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("help", "frobnicate");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("sqlxwire help: unknown command 'frobnicate'", run.errLines().get(0));
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCode.OK, run.exitCode());
        // Filtered from the pom: an unfiltered "${project.version}" or "unknown" would fail here.
        assertTrue(run.out().matches("sqlxwire \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), run.out());
    }

    @Test
    void unknownCommandPrintsUsageAndExitsTwo() {
        CliRun run = CliRun.of("frobnicate", "x.wire");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertEquals("sqlxwire: unknown command 'frobnicate'", run.errLines().get(0));
        assertEquals("usage: sqlxwire COMMAND [ARGUMENTS...]", run.errLines().get(1));
    }

    @Test
    void unknownGlobalOptionPrintsUsageAndExitsTwo() {
        CliRun run = CliRun.of("--frobnicate");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("sqlxwire: unknown option '--frobnicate'", run.errLines().get(0));
    }
}
