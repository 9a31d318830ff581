package io.sqlxwire.idl;

import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.DiagnosticPrinter;
import io.sqlxwire.idl.model.ProtocolModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of checking one {@code .wire} file and its imports.
 *
 * @param model       the checked model, present exactly when there are no errors
 * @param diagnostics every error and warning, ordered by file and position
 * @param sources     the text of every file read, keyed by path, for rendering diagnostics
 */
public record CheckResult(Optional<ProtocolModel> model, List<Diagnostic> diagnostics, Map<String, String> sources) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
        sources = Map.copyOf(sources);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** The checked model; fails with the rendered diagnostics when the file has errors. */
    public ProtocolModel modelOrThrow() {
        return model.orElseThrow(() -> new IllegalStateException("the description has errors:\n" + render()));
    }

    /** Every diagnostic as a compiler prints it: headline, source line, caret line. */
    public String render() {
        DiagnosticPrinter printer = new DiagnosticPrinter(sources);
        return diagnostics.stream().map(printer::render).collect(Collectors.joining("\n"));
    }
}
