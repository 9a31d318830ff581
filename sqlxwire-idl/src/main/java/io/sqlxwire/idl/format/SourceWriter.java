package io.sqlxwire.idl.format;

/**
 * Accumulates formatted lines with four-space indentation. Text is appended to the open line (the
 * indentation is written when a line starts), so a multi-line construct such as a union can be
 * printed in the middle of a field and the field can finish the line after it.
 */
final class SourceWriter {

    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean lineOpen;

    SourceWriter text(String text) {
        if (!lineOpen) {
            out.append(INDENT.repeat(depth));
            lineOpen = true;
        }
        out.append(text);
        return this;
    }

    SourceWriter endLine() {
        out.append('\n');
        lineOpen = false;
        return this;
    }

    SourceWriter line(String text) {
        return text(text).endLine();
    }

    void blankLine() {
        out.append('\n');
    }

    void indent() {
        depth++;
    }

    void dedent() {
        depth--;
    }

    /** Finishes the open line with a braced block: {@code {}} when empty, else the body one level deeper. */
    void block(boolean empty, Runnable body) {
        if (empty) {
            text(" {}").endLine();
            return;
        }
        text(" {").endLine();
        indent();
        body.run();
        dedent();
        line("}");
    }

    /** Writes a doc comment as {@code ///} lines; the empty string means there is none. */
    void doc(String doc) {
        if (doc == null || doc.isEmpty()) {
            return;
        }
        // A lone CR inside a block comment would end a '///' line early; it is a line break either way.
        for (String docLine : doc.split("\r\n|\r|\n", -1)) {
            line(docLine.isEmpty() ? "///" : "/// " + docLine);
        }
    }

    String result() {
        return out.toString();
    }
}
