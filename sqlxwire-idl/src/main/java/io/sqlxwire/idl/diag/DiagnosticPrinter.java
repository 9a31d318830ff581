package io.sqlxwire.idl.diag;

import java.util.Map;

/**
 * Renders diagnostics the way compilers do: the headline, then the offending source line and a caret
 * line underlining the span.
 *
 * <pre>
 * postgresql.wire:12:20: error: unknown type 'u33'; did you mean 'u32'?
 *     length: u33;
 *             ^^^
 * </pre>
 */
public final class DiagnosticPrinter {

    private final Map<String, String> sourcesByFile;

    /** @param sourcesByFile the text of every file a diagnostic may point into, keyed by its path */
    public DiagnosticPrinter(Map<String, String> sourcesByFile) {
        this.sourcesByFile = sourcesByFile;
    }

    public String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder(diagnostic.headline());
        String source = sourcesByFile.get(diagnostic.span().file());
        if (source == null || diagnostic.span().line() <= 0) {
            return out.toString();
        }
        SourceSpan span = diagnostic.span();
        int lineStart = lineStart(source, span.start());
        int lineEnd = source.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        String line = source.substring(lineStart, lineEnd).replace("\r", "");
        int caretFrom = Math.max(0, span.start() - lineStart);
        int caretTo = Math.min(line.length(), Math.max(caretFrom + 1, span.end() - lineStart));
        StringBuilder carets = new StringBuilder();
        for (int i = 0; i < caretFrom; i++) {
            carets.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        carets.append("^".repeat(Math.max(1, caretTo - caretFrom)));
        out.append('\n').append("    ").append(line).append('\n').append("    ").append(carets);
        return out.toString();
    }

    private static int lineStart(String source, int offset) {
        int at = Math.min(offset, source.length());
        int newline = source.lastIndexOf('\n', at - 1);
        return newline + 1;
    }
}
