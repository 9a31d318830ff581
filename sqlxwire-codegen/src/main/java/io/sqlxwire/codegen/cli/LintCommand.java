package io.sqlxwire.codegen.cli;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.DiagnosticPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sqlxwire lint FILE|DIR...}: checks {@code .wire} files with the IDL checker and reports every
 * diagnostic compiler-style on standard error, then a one-line summary on standard output.
 */
final class LintCommand implements Command {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String summary() {
        return "check .wire files and report every error";
    }

    @Override
    public String usage() {
        return """
                usage: sqlxwire lint FILE|DIR...

                Checks each .wire file and the files it imports, and prints every problem to
                standard error as

                    path:line:col: error: message
                        the offending source line
                        ^^^^

                then a summary line ("N files checked, E errors") to standard output.
                A directory stands for every *.wire file below it (hidden directories and
                Maven target/ directories are skipped).

                exit status: 0 no errors (warnings allowed), 1 errors found,
                             2 bad arguments, 3 internal error
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws UsageException {
        List<String> operands = Arguments.parse(args, Set.of()).operands();
        if (operands.isEmpty()) {
            throw new UsageException("no files given");
        }
        Tally tally = new Tally(io.err());
        for (String operand : operands) {
            lintOperand(Path.of(operand), tally);
        }
        io.out().println(tally.summary());
        if (tally.crashed) {
            return ExitCode.INTERNAL_ERROR;
        }
        return tally.errors > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private static void lintOperand(Path operand, Tally tally) {
        if (Files.isDirectory(operand)) {
            List<Path> files;
            try {
                files = WireFiles.below(operand);
            } catch (IOException e) {
                tally.fileError(operand, "cannot read directory: " + e.getMessage());
                return;
            }
            if (files.isEmpty()) {
                // A lint that silently passes on the wrong directory would hide the mistake in CI.
                tally.fileError(operand, "no " + WireFiles.EXTENSION + " files in this directory");
            }
            files.forEach(file -> lintFile(file, tally));
        } else if (Files.exists(operand)) {
            lintFile(operand, tally);
        } else {
            tally.fileError(operand, "no such file or directory");
        }
    }

    private static void lintFile(Path file, Tally tally) {
        if (!tally.firstVisit(file)) {
            return; // named twice, or also found through a directory operand
        }
        CheckResult result;
        try {
            result = WireCompiler.checkFile(file);
        } catch (UncheckedIOException e) {
            // The loader names the file it failed on (the root or one of its imports).
            tally.fileError(file, e.getMessage() + ": " + reason(e.getCause()));
            return;
        } catch (RuntimeException e) {
            tally.crash(file, e);
            return;
        }
        tally.checked(result);
    }

    private static String reason(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    /** Counts and prints what the run found; prints each diagnostic once even if reached twice. */
    private static final class Tally {
        private final PrintStream err;
        // A file imported by several linted files would otherwise report its problems once per importer.
        private final Set<Diagnostic> reported = new HashSet<>();
        private final Set<Path> visited = new HashSet<>();
        private int files;
        private int errors;
        private int warnings;
        private boolean crashed;

        Tally(PrintStream err) {
            this.err = err;
        }

        boolean firstVisit(Path file) {
            return visited.add(file.toAbsolutePath().normalize());
        }

        void checked(CheckResult result) {
            files++;
            DiagnosticPrinter printer = new DiagnosticPrinter(result.sources());
            for (Diagnostic diagnostic : result.diagnostics()) {
                if (reported.add(diagnostic)) {
                    err.println(printer.render(diagnostic));
                    if (diagnostic.isError()) {
                        errors++;
                    } else {
                        warnings++;
                    }
                }
            }
        }

        void fileError(Path path, String message) {
            err.println(path + ": error: " + message);
            errors++;
        }

        void crash(Path file, RuntimeException e) {
            err.println(file + ": internal error while checking this file (a bug in SQLxWire): " + e);
            e.printStackTrace(err);
            files++;
            errors++;
            crashed = true;
        }

        String summary() {
            String text = count(files, "file") + " checked, " + count(errors, "error");
            return warnings > 0 ? text + ", " + count(warnings, "warning") : text;
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
