package io.sqlxwire.maven.generation;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a generation run produced.
 *
 * @param errors          every error, rendered compiler-style ({@code path:line:col: error: ...}, source line, carets)
 * @param warnings        every warning, rendered the same way
 * @param filesWithErrors the {@code .wire} files (inputs or imports) the errors point into
 * @param sourcesRead     every {@code .wire} file read, imports included, relative to the project directory
 * @param generated       the generated files: path relative to the output directory, then content
 * @param conflicts       one sentence per file that two inputs generate with different content
 */
public record GenerationOutcome(List<String> errors, List<String> warnings, SortedSet<String> filesWithErrors,
                                SortedSet<String> sourcesRead, SortedMap<String, String> generated,
                                List<String> conflicts) {

    public GenerationOutcome {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        filesWithErrors = new TreeSet<>(filesWithErrors);
        sourcesRead = new TreeSet<>(sourcesRead);
        generated = new TreeMap<>(generated);
        conflicts = List.copyOf(conflicts);
    }

    public boolean failed() {
        return !errors.isEmpty() || !conflicts.isEmpty();
    }

    /** The one-line reason the build fails: {@code 3 errors in 2 .wire files}. */
    public String summary() {
        if (errors.isEmpty()) {
            return count(conflicts.size(), "generated file") + " in conflict";
        }
        return count(errors.size(), "error") + " in " + count(filesWithErrors.size(), ".wire file");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
