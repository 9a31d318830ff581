package io.sqlxwire.codegen.cli;

import io.sqlxwire.codegen.Generation;
import io.sqlxwire.codegen.java.ProtocolGenerator;
import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.DiagnosticPrinter;
import io.sqlxwire.idl.model.ProtocolModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sqlxwire generate FILE|DIR... -o DIR [--tests DIR]}: checks {@code .wire} files and writes
 * the Java sources the Maven plugin would ({@link Generation}). Nothing is written unless every
 * file checks without errors, so a broken description never leaves half a package behind.
 */
final class GenerateCommand implements Command {

    private static final Set<String> VALUED = Set.of("-o", "--output", "--tests");

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "generate Java codecs from .wire files";
    }

    @Override
    public String usage() {
        return """
                usage: sqlxwire generate FILE|DIR... -o DIR [--tests DIR]

                Checks each .wire file and generates its Java sources (decoders, encoders,
                records, enums, ...) into the package directories below -o DIR, the same
                files the Maven plugin's generate goal writes. A directory operand stands for
                every *.wire file below it. Errors are printed as "lint" prints them, and then
                nothing is generated. Files are overwritten; files from earlier runs that are
                no longer generated are left alone.

                options:
                  -o, --output DIR   where the main sources go (required)
                  --tests DIR        also write the property-test sources (generate-test) there

                exit status: 0 generated, 1 errors in a .wire file (nothing written),
                             2 bad arguments, 3 internal error
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> operands = parse(args, options);
        if (operands.isEmpty()) {
            throw new UsageException("no .wire files given");
        }
        String output = options.containsKey("-o") ? options.get("-o") : options.get("--output");
        if (output == null) {
            throw new UsageException("-o DIR is required");
        }
        Set<Path> files = new LinkedHashSet<>();
        boolean failed = false;
        for (String operand : operands) {
            failed |= !expand(Path.of(operand), files, io);
        }
        List<ProtocolModel> models = new ArrayList<>();
        for (Path file : files) {
            ProtocolModel model = check(file, io);
            if (model == null) {
                failed = true;
            } else {
                models.add(model);
            }
        }
        if (failed) {
            io.out().println("nothing generated: fix the errors above");
            return ExitCode.FAILED;
        }
        try {
            int written = write(Generation.mainSources(), models, Path.of(output));
            String tests = options.get("--tests");
            if (tests != null) {
                written += write(Generation.testSources(), models, Path.of(tests));
            }
            io.out().println(written + " Java file" + (written == 1 ? "" : "s") + " generated from "
                    + models.size() + " .wire file" + (models.size() == 1 ? "" : "s"));
        } catch (IOException e) {
            io.err().println(output + ": error: cannot write generated sources: " + e.getMessage());
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private static List<String> parse(List<String> args, Map<String, String> options) throws UsageException {
        List<String> operands = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                operands.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (VALUED.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a directory");
                }
                String key = arg.equals("--output") ? "-o" : arg;
                if (options.put(key, args.get(++i)) != null) {
                    throw new UsageException(arg + " given twice");
                }
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return operands;
    }

    /** Adds the files an operand stands for; false (after printing why) when it stands for none. */
    private static boolean expand(Path operand, Set<Path> files, Io io) {
        if (Files.isDirectory(operand)) {
            try {
                List<Path> found = WireFiles.below(operand);
                if (found.isEmpty()) {
                    io.err().println(operand + ": error: no " + WireFiles.EXTENSION + " files in this directory");
                    return false;
                }
                files.addAll(found);
                return true;
            } catch (IOException e) {
                io.err().println(operand + ": error: cannot read directory: " + e.getMessage());
                return false;
            }
        }
        if (!Files.exists(operand)) {
            io.err().println(operand + ": error: no such file or directory");
            return false;
        }
        files.add(operand);
        return true;
    }

    /** The checked model, or {@code null} after printing the file's errors. Warnings are printed too. */
    private static ProtocolModel check(Path file, Io io) {
        CheckResult result;
        try {
            result = WireCompiler.checkFile(file);
        } catch (UncheckedIOException e) {
            io.err().println(file + ": error: " + e.getMessage());
            return null;
        }
        DiagnosticPrinter printer = new DiagnosticPrinter(result.sources());
        for (Diagnostic diagnostic : result.diagnostics()) {
            io.err().println(printer.render(diagnostic));
        }
        return result.model().orElse(null);
    }

    private static int write(ProtocolGenerator generator, List<ProtocolModel> models, Path directory) throws IOException {
        int written = 0;
        for (ProtocolModel model : models) {
            written += generator.writeTo(directory, model).size();
        }
        return written;
    }
}
