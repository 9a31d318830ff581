package io.sqlxwire.idl.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one run. Every stage reports into it and goes on, so a user sees all
 * problems of a file at once rather than one per edit-compile cycle.
 */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();

    public void error(SourceSpan span, String message) {
        add(Diagnostic.error(span, message));
    }

    public void warning(SourceSpan span, String message) {
        add(Diagnostic.warning(span, message));
    }

    public void add(Diagnostic diagnostic) {
        // The same problem reached twice (e.g. through two uses of one struct) is reported once.
        if (!all.contains(diagnostic)) {
            all.add(diagnostic);
        }
    }

    public void addAll(Iterable<Diagnostic> diagnostics) {
        diagnostics.forEach(this::add);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) all.stream().filter(Diagnostic::isError).count();
    }

    /** All diagnostics ordered by file, then position, then message. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().start())
                .thenComparing(Diagnostic::message));
        return List.copyOf(copy);
    }
}
