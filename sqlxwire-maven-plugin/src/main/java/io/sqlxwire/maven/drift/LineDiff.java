package io.sqlxwire.maven.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first differing region of two texts as a unified-diff hunk ({@code @@ -12,5 +12,6 @@}, then
 * lines prefixed with space, {@code -} or {@code +}), cut to a few lines: enough for a build log to
 * show what drifted, not a full patch.
 */
public final class LineDiff {

    /** Lines of unchanged context shown around a change, as {@code diff -u} does. */
    static final int CONTEXT = 2;

    /** Beyond this many cells the exact line matching is skipped and the middle shown as replaced. */
    private static final long MAX_TABLE_CELLS = 4_000_000L;

    private enum Kind { SAME, REMOVED, ADDED }

    private record Edit(Kind kind, String line, int oldIndex, int newIndex) {}

    private LineDiff() {}

    /**
     * @param before   the text as it is (the checked-in file)
     * @param after    the text as it should be (freshly generated)
     * @param maxLines how many hunk lines to show at most (the header not counted)
     * @return the hunk header and lines; empty when the texts are equal
     */
    public static List<String> firstHunk(String before, String after, int maxLines) {
        List<Edit> edits = edits(lines(before), lines(after));
        int firstChange = nextChange(edits, 0);
        if (firstChange < 0) {
            return List.of();
        }
        int start = Math.max(0, firstChange - CONTEXT);
        int lastChange = firstChange;
        for (int next = nextChange(edits, lastChange + 1); next >= 0 && next - lastChange <= 2 * CONTEXT + 1;
                next = nextChange(edits, lastChange + 1)) {
            lastChange = next;
        }
        int end = Math.min(edits.size(), lastChange + CONTEXT + 1);
        List<Edit> hunk = edits.subList(start, end);

        List<String> out = new ArrayList<>();
        out.add(header(hunk));
        int shown = Math.min(maxLines, hunk.size());
        for (Edit edit : hunk.subList(0, shown)) {
            out.add(prefix(edit.kind()) + edit.line());
        }
        if (shown < hunk.size()) {
            out.add("... (" + (hunk.size() - shown) + " more lines in this hunk)");
        }
        if (nextChange(edits, end) >= 0) {
            out.add("... (more differences further down)");
        }
        return out;
    }

    private static String header(List<Edit> hunk) {
        int oldCount = (int) hunk.stream().filter(e -> e.kind() != Kind.ADDED).count();
        int newCount = (int) hunk.stream().filter(e -> e.kind() != Kind.REMOVED).count();
        // diff -u numbers lines from 1; an empty range is named by the line before it.
        int oldStart = oldCount == 0 ? hunk.get(0).oldIndex()
                : hunk.stream().filter(e -> e.kind() != Kind.ADDED).findFirst().orElseThrow().oldIndex() + 1;
        int newStart = newCount == 0 ? hunk.get(0).newIndex()
                : hunk.stream().filter(e -> e.kind() != Kind.REMOVED).findFirst().orElseThrow().newIndex() + 1;
        return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
    }

    private static String prefix(Kind kind) {
        return switch (kind) {
            case SAME -> " ";
            case REMOVED -> "-";
            case ADDED -> "+";
        };
    }

    private static int nextChange(List<Edit> edits, int from) {
        for (int i = from; i < edits.size(); i++) {
            if (edits.get(i).kind() != Kind.SAME) {
                return i;
            }
        }
        return -1;
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The edit script: common prefix and suffix as they are, the middle by longest common subsequence. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            edits.add(new Edit(Kind.SAME, a.get(i), i, i));
        }
        middle(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix, edits);
        for (int k = suffix; k > 0; k--) {
            int i = a.size() - k;
            int j = b.size() - k;
            edits.add(new Edit(Kind.SAME, a.get(i), i, j));
        }
        return edits;
    }

    private static void middle(List<String> a, List<String> b, int aFrom, int aTo, int bFrom, int bTo, List<Edit> edits) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        if ((long) (n + 1) * (m + 1) > MAX_TABLE_CELLS) {
            for (int i = aFrom; i < aTo; i++) {
                edits.add(new Edit(Kind.REMOVED, a.get(i), i, bFrom));
            }
            for (int j = bFrom; j < bTo; j++) {
                edits.add(new Edit(Kind.ADDED, b.get(j), aTo, j));
            }
            return;
        }
        // common[i][j]: length of the longest common subsequence of a[aFrom+i..aTo) and b[bFrom+j..bTo).
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(aFrom + i).equals(b.get(bFrom + j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(aFrom + i).equals(b.get(bFrom + j))) {
                edits.add(new Edit(Kind.SAME, a.get(aFrom + i), aFrom + i, bFrom + j));
                i++;
                j++;
            } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit(Kind.REMOVED, a.get(aFrom + i), aFrom + i, bFrom + j));
                i++;
            } else {
                edits.add(new Edit(Kind.ADDED, b.get(bFrom + j), aFrom + i, bFrom + j));
                j++;
            }
        }
    }
}
