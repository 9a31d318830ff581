package io.sqlxwire.idl.format;

import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.grammar.WireLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Makes sure formatting never deletes a comment silently. The syntax tree keeps only doc comments
 * that stand directly above a declaration, member or union arm; plain {@code //} and {@code /* * /}
 * comments and doc comments anywhere else do not survive printing, so each of them is reported and
 * the text is left as it is.
 */
final class CommentGuard {

    private CommentGuard() {}

    static List<Diagnostic> lostComments(String path, String source, String formatted) {
        List<Diagnostic> lost = new ArrayList<>();
        LineIndex lines = new LineIndex(path, source);
        List<Token> sourceTokens = tokens(source);
        plainComments(source, sourceTokens, lines, lost);
        lostDocComments(sourceTokens, tokens(formatted), lines, lost);
        return lost;
    }

    /** The lexer skips plain comments, so they are the non-blank text between tokens. */
    private static void plainComments(String source, List<Token> tokens, LineIndex lines, List<Diagnostic> lost) {
        int end = 0;
        for (Token token : tokens) {
            int start = Math.min(Math.max(token.getStartIndex(), end), source.length());
            int at = end;
            while (at < start) {
                if (Character.isWhitespace(source.charAt(at))) {
                    at++;
                    continue;
                }
                int commentEnd = source.startsWith("/*", at)
                        ? Math.min(start, source.indexOf("*/", at + 2) + 2)
                        : lineEnd(source, at, start);
                lost.add(Diagnostic.error(lines.span(at, Math.max(at + 1, commentEnd)),
                        "formatting would drop this comment; only doc comments (///) directly above a "
                                + "declaration, member or union arm are kept"));
                at = Math.max(at + 1, commentEnd);
            }
            end = Math.max(end, token.getStopIndex() + 1);
        }
    }

    private static int lineEnd(String source, int from, int limit) {
        int newline = source.indexOf('\n', from);
        return newline < 0 || newline > limit ? limit : newline;
    }

    /** Every doc line of the source must appear in the output; one that does not was attached to nothing. */
    private static void lostDocComments(List<Token> sourceTokens, List<Token> formattedTokens, LineIndex lines,
                                        List<Diagnostic> lost) {
        Map<String, Integer> printed = new HashMap<>();
        for (Token token : formattedTokens) {
            if (token.getChannel() == 2) {
                docLines(token.getText()).forEach(line -> printed.merge(line, 1, Integer::sum));
            }
        }
        for (Token token : sourceTokens) {
            if (token.getChannel() != 2) {
                continue;
            }
            boolean kept = true;
            for (String line : docLines(token.getText())) {
                Integer count = printed.get(line);
                if (count == null || count == 0) {
                    kept = false;
                } else {
                    printed.put(line, count - 1);
                }
            }
            if (!kept) {
                lost.add(Diagnostic.error(lines.span(token.getStartIndex(), token.getStopIndex() + 1),
                        "formatting would drop this doc comment: it documents nothing here; put it directly "
                                + "above a declaration, member or union arm"));
            }
        }
    }

    /** The non-blank content lines of a doc comment, without comment markers and surrounding blanks. */
    private static List<String> docLines(String comment) {
        List<String> result = new ArrayList<>();
        String body = comment.startsWith("///") ? comment.substring(3) : comment.substring(3, comment.length() - 2);
        for (String line : body.split("\r\n|\r|\n")) {
            String content = line.strip();
            if (content.startsWith("*") && comment.startsWith("/**")) {
                content = content.substring(1).strip();
            }
            if (!content.isEmpty()) {
                result.add(content);
            }
        }
        return result;
    }

    private static List<Token> tokens(String text) {
        WireLexer lexer = new WireLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
            tokens.add(token);
            if (token.getType() == Token.EOF) {
                return tokens;
            }
        }
    }

    /** Offsets to line and column, for spans of text the parser never turned into tree nodes. */
    private static final class LineIndex {
        private final String path;
        private final String text;

        LineIndex(String path, String text) {
            this.path = path;
            this.text = text;
        }

        SourceSpan span(int start, int end) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < start; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new SourceSpan(path, line, start - lineStart + 1, start, Math.min(end, text.length()));
        }
    }
}
