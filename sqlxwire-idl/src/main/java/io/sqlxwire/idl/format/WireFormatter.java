package io.sqlxwire.idl.format;

import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.parse.WireParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical text of a {@code .wire} description: four-space indentation, one member per line,
 * doc comments as {@code ///} lines, a blank line between declarations, the fewest parentheses the
 * grammar's precedence allows, and literals that read back as the same values. Parsing the output
 * gives the same syntax tree (apart from positions), and formatting is idempotent.
 *
 * <pre>{@code
 * FormatResult result = WireFormatter.format("postgresql.wire", text);
 * if (result.hasErrors()) System.err.println(result.render());
 * else Files.writeString(file, result.formattedOrThrow());
 * }</pre>
 */
public final class WireFormatter {

    private WireFormatter() {}

    /** Prints a syntax tree; positions in it are ignored. */
    public static String format(WireFile file) {
        SourceWriter out = new SourceWriter();
        new DeclPrinter(out).file(file);
        return out.result();
    }

    /**
     * Parses and prints a source text. Text with syntax errors, or with comments the syntax tree does
     * not keep, is not formatted: the result then carries diagnostics instead, so nothing is lost.
     */
    public static FormatResult format(String path, String source) {
        Diagnostics diagnostics = new Diagnostics();
        WireFile file = WireParser.parse(path, source, diagnostics);
        if (diagnostics.hasErrors()) {
            return new FormatResult(path, source, Optional.empty(), diagnostics.sorted());
        }
        String formatted = format(file);
        List<Diagnostic> lost = CommentGuard.lostComments(path, source, formatted);
        if (!lost.isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(diagnostics.sorted());
            all.addAll(lost);
            return new FormatResult(path, source, Optional.empty(), all);
        }
        return new FormatResult(path, source, Optional.of(formatted), diagnostics.sorted());
    }
}
