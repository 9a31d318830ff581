package io.sqlxwire.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void aNewCommandIsListedInHelpAndReceivesItsArguments() {
        Command echo = new FakeCommand("echo", (args, io) -> {
            io.out().println(String.join("|", args));
            return ExitCode.OK;
        });
        CliRun help = CliRun.with(List.of(echo), "--help");
        assertTrue(help.outLines().stream().anyMatch(l -> l.matches("  echo +a test command")), help.out());
        CliRun run = CliRun.with(List.of(echo), "echo", "a", "--", "-b");
        assertEquals(ExitCode.OK, run.exitCode());
        assertEquals("a|--|-b\n", run.out().replace("\r\n", "\n"));
    }

    @Test
    void aCrashingCommandIsReportedAsAnInternalErrorWithExitThree() {
        Command boom = new FakeCommand("boom", (args, io) -> {
            throw new IllegalStateException("checker bug");
        });
        CliRun run = CliRun.with(List.of(boom), "boom");
        assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode());
        assertEquals("sqlxwire boom: internal error: java.lang.IllegalStateException: checker bug", run.errLines().get(0));
        assertTrue(run.err().contains("at io.sqlxwire.codegen.cli.MainTest"), "stack trace expected:\n" + run.err());
    }

    @Test
    void aUsageErrorFromACommandPrintsItsMessageAndUsage() {
        Command picky = new FakeCommand("picky", (args, io) -> {
            throw new UsageException("needs exactly two files");
        });
        CliRun run = CliRun.with(List.of(picky), "picky", "a");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals(List.of("sqlxwire picky: needs exactly two files", "usage: sqlxwire picky"), run.errLines());
    }

    /** A command whose behaviour is given by a lambda. */
    private static final class FakeCommand implements Command {
        interface Body {
            int run(List<String> args, Io io) throws UsageException;
        }

        private final String name;
        private final Body body;

        FakeCommand(String name, Body body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "a test command";
        }

        @Override
        public String usage() {
            return "usage: sqlxwire " + name + "\n";
        }

        @Override
        public int run(List<String> args, Io io) throws UsageException {
            return body.run(args, io);
        }
    }
}
