package io.sqlxwire.maven.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void equalTextsHaveNoHunk() {
        assertEquals(List.of(), LineDiff.firstHunk("a\nb\n", "a\nb\n", 10));
    }

    @Test
    void aChangedLineShowsWithTwoLinesOfContextAndDiffLineNumbers() {
        String before = numbered(1, 10);
        String after = before.replace("line 5\n", "line five\n");
        assertEquals(List.of("@@ -3,5 +3,5 @@", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7"),
                LineDiff.firstHunk(before, after, 20));
    }

    @Test
    void insertionsAndDeletionsAreMatchedByCommonLines() {
        assertEquals(List.of("@@ -1,3 +1,4 @@", " a", "+x", " b", " c"),
                LineDiff.firstHunk("a\nb\nc\n", "a\nx\nb\nc\n", 20));
        assertEquals(List.of("@@ -1,3 +1,2 @@", " a", "-b", " c"),
                LineDiff.firstHunk("a\nb\nc\n", "a\nc\n", 20));
        assertEquals(List.of("@@ -0,0 +1,2 @@", "+a", "+b"), LineDiff.firstHunk("", "a\nb\n", 20));
    }

    @Test
    void nearbyChangesShareAHunkAndFarOnesAreMentioned() {
        String before = numbered(1, 30);
        String after = before.replace("line 5\n", "x\n").replace("line 8\n", "y\n").replace("line 25\n", "z\n");
        List<String> hunk = LineDiff.firstHunk(before, after, 40);
        assertEquals("@@ -3,8 +3,8 @@", hunk.get(0));
        assertEquals(List.of(" line 3", " line 4", "-line 5", "+x", " line 6", " line 7", "-line 8", "+y", " line 9",
                " line 10", "... (more differences further down)"), hunk.subList(1, hunk.size()));
    }

    @Test
    void longHunksAreCut() {
        List<String> hunk = LineDiff.firstHunk(numbered(1, 3), numbered(100, 150), 4);
        assertEquals(List.of("@@ -1,3 +1,51 @@", "-line 1", "-line 2", "-line 3", "+line 100",
                "... (50 more lines in this hunk)"), hunk);
    }
}
