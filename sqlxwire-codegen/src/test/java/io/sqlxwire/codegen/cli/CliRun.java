package io.sqlxwire.codegen.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the tool: its exit status and what it wrote to each stream. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return with(Main.commands(), args);
    }

    /** Runs the tool with a different set of commands, to test the dispatcher on its own. */
    static CliRun with(List<Command> commands, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(commands, args, outStream, errStream);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    List<String> outLines() {
        return out.lines().toList();
    }
}
