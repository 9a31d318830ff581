package io.sqlxwire.idl.diag;

/**
 * One problem found in a {@code .wire} file, with the span of the offending text.
 *
 * @param severity whether it stops generation
 * @param span     where it is
 * @param message  what is wrong, in one sentence that names the offending construct
 */
public record Diagnostic(Severity severity, SourceSpan span, String message) {

    public static Diagnostic error(SourceSpan span, String message) {
        return new Diagnostic(Severity.ERROR, span, message);
    }

    public static Diagnostic warning(SourceSpan span, String message) {
        return new Diagnostic(Severity.WARNING, span, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line of the compiler-style report: {@code path:line:col: error: message}. */
    public String headline() {
        return span.file() + ":" + span.line() + ":" + span.column() + ": " + severity.label() + ": " + message;
    }
}
