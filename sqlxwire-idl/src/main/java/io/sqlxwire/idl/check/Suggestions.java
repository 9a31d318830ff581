package io.sqlxwire.idl.check;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name a misspelt one most likely meant, for "did you mean ...?" hints. */
final class Suggestions {

    private Suggestions() {}

    static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance || distance == bestDistance && best != null && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Up to a third of the letters may be wrong: "u33" -> "u32", "RowDescripton" -> "RowDescription".
        // Names of one or two letters are too short to guess from.
        int allowed = wrong.length() <= 2 ? 0 : Math.max(1, wrong.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The sentence ending used in diagnostics: {@code "; did you mean 'u32'?"} or nothing. */
    static String hint(String wrong, Collection<String> known) {
        return closest(wrong, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
