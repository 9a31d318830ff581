package io.sqlxwire.idl.diag;

/**
 * Where a piece of syntax stands in its source file: the 1-based line and column of its first
 * character and the half-open character range it covers, so a diagnostic can show and underline it.
 */
public record SourceSpan(String file, int line, int column, int start, int end) {

    /** A span for things the language provides itself (built-in types, defaults). */
    public static final SourceSpan BUILTIN = new SourceSpan("<builtin>", 0, 0, 0, 0);

    public SourceSpan {
        if (end < start) {
            throw new IllegalArgumentException("span ends before it starts: " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
