package io.sqlxwire.examples.pgserver;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexer of PostgreSQL's SQL text. Cuts a simple-query string into its statements at the semicolons that are SQL code: not inside
 * '...' / E'...' strings, "..." identifiers, $tag$ bodies, -- and (nested) /* comments.
 * Empty statements are dropped, so {@code ";;"} has none (EmptyQueryResponse).
 */
final class PgStatementSplitter {
    private PgStatementSplitter() {
    }

    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        int[] start = {0};
        scanCode(sql, i -> {
            if (sql.charAt(i) == ';') {
                add(statements, sql.substring(start[0], i));
                start[0] = i + 1;
            }
        });
        add(statements, sql.substring(start[0]));
        return statements;
    }

    /** Receives the index of each character that is SQL code (outside literals, identifiers, comments). */
    interface CodeVisitor {
        void code(int index);
    }

    static void scanCode(String sql, CodeVisitor visitor) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                i = endOfQuoted(sql, i, '\'', escapes);
            } else if (c == '"') {
                i = endOfQuoted(sql, i, '"', false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfComment(sql, i);
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                i = endOfDollarQuote(sql, i);
            } else {
                visitor.code(i);
                i++;
            }
        }
    }

    private static void add(List<String> statements, String statement) {
        if (!isBlank(statement)) {
            statements.add(statement.strip());
        }
    }

    /** Blank, or only comments. */
    private static boolean isBlank(String statement) {
        String rest = statement.strip();
        while (!rest.isEmpty()) {
            if (rest.startsWith("--")) {
                int end = rest.indexOf('\n');
                rest = end < 0 ? "" : rest.substring(end + 1).strip();
            } else if (rest.startsWith("/*")) {
                int end = endOfComment(rest, 0);
                rest = rest.substring(end).strip();
            } else {
                return false;
            }
        }
        return true;
    }

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

    private static int endOfComment(String sql, int open) {
        int n = sql.length();
        int depth = 1;
        int j = open + 2;
        while (j < n && depth > 0) {
            if (sql.startsWith("/*", j)) {
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

    /** {@code $$...$$} or {@code $tag$...$tag$}; a {@code $} that opens neither is one character. */
    private static int endOfDollarQuote(String sql, int open) {
        int n = sql.length();
        int j = open + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < n && sql.charAt(j) == '$' && (j == open + 1 || !Character.isDigit(sql.charAt(open + 1)))) {
            String tag = sql.substring(open, j + 1);
            int close = sql.indexOf(tag, j + 1);
            return close < 0 ? n : close + tag.length();
        }
        return open + 1;
    }
}
