package io.sqlxwire.runtime.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Tells SQL code from what is not code — string literals, quoted identifiers, comments and
 * dollar-quoted bodies — under a dialect's {@link SqlSyntax}. The one lexer behind the
 * {@link ParameterTranslator} and the statement splitting of protocol servers, so that "is this
 * {@code ;} or {@code ?} code?" has one answer everywhere.
 *
 * <p>Unterminated literals, identifiers and comments run to the end of the text: every string is
 * accepted, nothing throws.
 */
public final class SqlLexer {

    private SqlLexer() {}

    /**
     * Where the literal, quoted identifier, comment or dollar-quoted body that starts at {@code at}
     * ends (exclusive); {@code at} itself when SQL code starts there. A {@code $} followed by digits
     * ({@code $1}) and a lone {@code $} are code.
     */
    public static int skipNonCode(String sql, int at, SqlSyntax syntax) {
        int n = sql.length();
        char c = sql.charAt(at);
        char next = at + 1 < n ? sql.charAt(at + 1) : '\0';
        boolean mysql = syntax == SqlSyntax.MYSQL;
        if (c == '\'') {
            return endOfQuoted(sql, at, '\'', mysql || isEscapeStringPrefix(sql, at));
        } else if (c == '"') {
            return endOfQuoted(sql, at, '"', mysql);
        } else if (c == '`') {
            return endOfQuoted(sql, at, '`', false);
        } else if (c == '-' && next == '-' || c == '#' && mysql) {
            int end = sql.indexOf('\n', at);
            return end < 0 ? n : end + 1;
        } else if (c == '/' && next == '*') {
            return endOfBlockComment(sql, at, !mysql);
        } else if (c == '$' && !mysql && (at == 0 || !isWordChar(sql.charAt(at - 1)))) {
            return endOfDollarQuote(sql, at);
        }
        return at;
    }

    /** Calls {@code visitor} with the index of every character of SQL code, in order. */
    public static void forEachCodeIndex(String sql, SqlSyntax syntax, IntConsumer visitor) {
        Objects.requireNonNull(sql, "sql");
        int i = 0;
        while (i < sql.length()) {
            int end = skipNonCode(sql, i, syntax);
            if (end > i) {
                i = end;
            } else {
                visitor.accept(i++);
            }
        }
    }

    /**
     * Cuts a script into its statements at the semicolons that are code. Each statement is stripped
     * of surrounding white space; statements that are empty or only comments are dropped, so
     * {@code ";;"} has none.
     */
    public static List<String> splitStatements(String sql, SqlSyntax syntax) {
        List<String> statements = new ArrayList<>();
        int[] start = {0};
        forEachCodeIndex(sql, syntax, i -> {
            if (sql.charAt(i) == ';') {
                addUnlessBlank(statements, sql.substring(start[0], i), syntax);
                start[0] = i + 1;
            }
        });
        addUnlessBlank(statements, sql.substring(start[0]), syntax);
        return statements;
    }

    private static void addUnlessBlank(List<String> statements, String statement, SqlSyntax syntax) {
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            int end = skipNonCode(statement, i, syntax);
            boolean comment = end > i && (c == '-' || c == '#' || c == '/');
            if (comment) {
                i = end;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                statements.add(statement.strip());
                return;
            }
        }
    }

    /** {@code E'} or {@code e'} starting a token: a PostgreSQL string with backslash escapes. */
    private static boolean isEscapeStringPrefix(String sql, int quote) {
        if (quote == 0) {
            return false;
        }
        char e = sql.charAt(quote - 1);
        return (e == 'E' || e == 'e') && (quote < 2 || !isWordChar(sql.charAt(quote - 2)));
    }

    /** A quoted run: a doubled quote stays inside; with backslash escapes, {@code \x} too. */
    private static int endOfQuoted(String sql, int open, char quote, boolean backslash) {
        int n = sql.length();
        int j = open + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (backslash && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    private static int endOfBlockComment(String sql, int open, boolean nested) {
        int n = sql.length();
        int depth = 1;
        int j = open + 2;
        while (j < n && depth > 0) {
            if (nested && sql.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (sql.startsWith("*/", j)) {
                depth--;
                j += 2;
            } else {
                j++;
            }
        }
        return Math.min(j, n);
    }

    /** {@code $$...$$} or {@code $tag$...$tag$} with tag = [A-Za-z_][A-Za-z0-9_]*; anything else is code. */
    private static int endOfDollarQuote(String sql, int open) {
        int n = sql.length();
        int j = open + 1;
        if (j < n && isTagStart(sql.charAt(j))) {
            j++;
            while (j < n && isTagPart(sql.charAt(j))) {
                j++;
            }
        }
        if (j < n && sql.charAt(j) == '$') {
            String tag = sql.substring(open, j + 1);
            int close = sql.indexOf(tag, j + 1);
            return close < 0 ? n : close + tag.length();
        }
        return open;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isTagStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isTagPart(char c) {
        return isTagStart(c) || isDigit(c);
    }

    /** Characters that continue an identifier or number: a $ or : right after one belongs to it. */
    static boolean isWordChar(char c) {
        return isTagPart(c) || c == '$' || c > 0x7F && Character.isLetterOrDigit(c);
    }
}
