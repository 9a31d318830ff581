package io.sqlxwire.examples.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of statement a piece of SQL is, read from its leading keywords: the material for command
 * tags ({@code INSERT}, {@code CREATE TABLE}) and the transaction-control statements the session
 * handles itself rather than passing to H2.
 *
 * @param verb    upper-case leading keyword(s): {@code SELECT}, {@code INSERT}, {@code CREATE TABLE},
 *                {@code DROP INDEX}, ...; empty for empty SQL
 * @param control the transaction-control meaning, {@link Control#NONE} for ordinary statements
 */
public record SqlCommand(String verb, Control control) {

    /** Statements that open, end or abandon a transaction block. */
    public enum Control { NONE, BEGIN, COMMIT, ROLLBACK }

    /** Words after CREATE/DROP/ALTER that qualify rather than name the object kind. */
    private static final Set<String> QUALIFIERS = Set.of(
            "OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "GLOBAL", "LOCAL", "CACHED", "MEMORY",
            "IF", "NOT", "EXISTS", "FORCE", "MATERIALIZED", "LINKED");

    public static SqlCommand of(String sql) {
        List<String> words = leadingWords(sql, 4);
        if (words.isEmpty()) {
            return new SqlCommand("", Control.NONE);
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        switch (first) {
            case "BEGIN":
                return new SqlCommand("BEGIN", Control.BEGIN);
            case "START":
                return second.equals("TRANSACTION")
                        ? new SqlCommand("START TRANSACTION", Control.BEGIN)
                        : new SqlCommand(first, Control.NONE);
            case "COMMIT":
            case "END":
                return new SqlCommand("COMMIT", Control.COMMIT);
            case "ROLLBACK":
            case "ABORT":
                // ROLLBACK TO [SAVEPOINT] x keeps the block open: H2 runs it.
                return second.equals("TO")
                        ? new SqlCommand("ROLLBACK", Control.NONE)
                        : new SqlCommand("ROLLBACK", Control.ROLLBACK);
            case "CREATE":
            case "DROP":
            case "ALTER":
                for (String word : words.subList(1, words.size())) {
                    if (!QUALIFIERS.contains(word)) {
                        return new SqlCommand(first + " " + word, Control.NONE);
                    }
                }
                return new SqlCommand(first, Control.NONE);
            default:
                return new SqlCommand(first, Control.NONE);
        }
    }

    /** Up to {@code limit} leading words, upper-case, skipping whitespace, comments and an opening parenthesis. */
    static List<String> leadingWords(String sql, int limit) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n && words.size() < limit) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                break;
            }
        }
        return words;
    }
}
