package io.sqlxwire.maven.generation;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.java.ProtocolGenerator;
import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.SourceLoader;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.DiagnosticPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks {@code .wire} files and runs the generators over the ones without errors, in memory.
 *
 * <p>Files are named to the checker by their path relative to the project directory (with {@code /}),
 * not by absolute path: diagnostics then read {@code src/main/sqlxwire/pg.wire:3:7: error: ...}, and
 * anything the generators derive from the source name is the same on every machine, which the
 * checked-in-sources workflow depends on.
 */
public final class WireGeneration {

    private final Path baseDirectory;
    private final ProtocolGenerator generator;

    public WireGeneration(Path baseDirectory, ProtocolGenerator generator) {
        this.baseDirectory = baseDirectory;
        this.generator = generator;
    }

    /** @param inputs the {@code .wire} files to generate from, relative to the project directory */
    public GenerationOutcome run(List<String> inputs) {
        Tally tally = new Tally();
        for (String input : inputs) {
            CheckResult result;
            try {
                result = WireCompiler.check(input, this::load);
            } catch (UncheckedIOException e) {
                tally.unreadable(input, e.getMessage() + ": " + reason(e.getCause()));
                continue;
            }
            tally.sourcesRead.addAll(result.sources().keySet());
            tally.report(result);
            if (!result.hasErrors()) {
                result.model().ifPresent(model -> tally.add(input, generator.generate(model)));
            }
        }
        return tally.outcome();
    }

    private Optional<String> load(String path) {
        try {
            return Optional.of(Files.readString(baseDirectory.resolve(path), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The relative path JavaPoet writes a file to: package directories, then the type name. */
    public static String pathOf(JavaFile file) {
        String directory = file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/";
        return directory + file.typeSpec().name() + ".java";
    }

    private static String reason(IOException e) {
        return e instanceof CharacterCodingException ? "not UTF-8 text" : String.valueOf(e.getMessage());
    }

    /** Collects what the run found; a diagnostic in a file imported by several inputs counts once. */
    private static final class Tally {
        final Set<Diagnostic> reported = new HashSet<>();
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final SortedSet<String> filesWithErrors = new TreeSet<>();
        final SortedSet<String> sourcesRead = new TreeSet<>();
        final SortedMap<String, String> generated = new TreeMap<>();
        final Map<String, String> generatedFrom = new TreeMap<>();
        final List<String> conflicts = new ArrayList<>();

        void report(CheckResult result) {
            DiagnosticPrinter printer = new DiagnosticPrinter(result.sources());
            for (Diagnostic diagnostic : result.diagnostics()) {
                if (!reported.add(diagnostic)) {
                    continue;
                }
                if (diagnostic.isError()) {
                    errors.add(printer.render(diagnostic));
                    filesWithErrors.add(diagnostic.span().file());
                } else {
                    warnings.add(printer.render(diagnostic));
                }
            }
        }

        void unreadable(String input, String message) {
            errors.add(input + ": error: " + message);
            filesWithErrors.add(input);
        }

        void add(String input, List<JavaFile> files) {
            for (JavaFile file : files) {
                String path = pathOf(file);
                String content = file.toString();
                String previous = generated.putIfAbsent(path, content);
                if (previous == null) {
                    generatedFrom.put(path, input);
                } else if (!previous.equals(content)) {
                    // Two protocols in one package both define this type, differently: one would silently win.
                    conflicts.add(path + " is generated differently from " + generatedFrom.get(path) + " and " + input);
                }
            }
        }

        GenerationOutcome outcome() {
            return new GenerationOutcome(errors, warnings, filesWithErrors, sourcesRead, generated, conflicts);
        }
    }
}
