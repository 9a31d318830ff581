package io.sqlxwire.idl.format;

import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.DiagnosticPrinter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of formatting one source text.
 *
 * @param path        the file the source came from, as used in diagnostics
 * @param source      the text as given
 * @param formatted   the canonical text, present exactly when there are no errors
 * @param diagnostics why the text could not be formatted (syntax errors, comments that would be lost)
 */
public record FormatResult(String path, String source, Optional<String> formatted, List<Diagnostic> diagnostics) {

    public FormatResult {
        diagnostics = List.copyOf(diagnostics);
        if (formatted.isPresent() && diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new IllegalArgumentException("a text with errors has no formatted form");
        }
    }

    public boolean hasErrors() {
        return formatted.isEmpty();
    }

    /** Whether formatting changes the text: what {@code sqlxwire fmt --check} reports. */
    public boolean changed() {
        return formatted.isPresent() && !formatted.get().equals(source);
    }

    /** The canonical text; fails with the rendered diagnostics when the source could not be formatted. */
    public String formattedOrThrow() {
        return formatted.orElseThrow(() -> new IllegalStateException("cannot format " + path + ":\n" + render()));
    }

    /** Every diagnostic as a compiler prints it: headline, source line, caret line. */
    public String render() {
        DiagnosticPrinter printer = new DiagnosticPrinter(Map.of(path, source));
        return diagnostics.stream().map(printer::render).collect(Collectors.joining("\n"));
    }
}
