package io.sqlxwire.maven.drift;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The failure message of {@code check}: what drifted, file by file, with the first differing lines
 * of each changed file, and the command that brings the checked-in sources up to date.
 */
public final class DriftReport {

    /** Diff lines shown per changed file; the log is for spotting the drift, not for reviewing it. */
    static final int DIFF_LINES = 12;

    private DriftReport() {}

    /**
     * @param checkedInName  how to name the checked-in directory to the user (e.g. {@code src/main/java})
     * @param updateCommand  the command that regenerates the checked-in sources
     */
    public static String render(Drift drift, Path generated, Path checkedIn, String checkedInName, String updateCommand)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Generated sources checked in to " + checkedInName + " are out of date with their .wire files ("
                + summary(drift) + "):");
        for (String path : drift.changed()) {
            lines.add("  changed:  " + path);
            for (String diffLine : LineDiff.firstHunk(TreeComparison.read(checkedIn.resolve(path)),
                    TreeComparison.read(generated.resolve(path)), DIFF_LINES)) {
                lines.add("      " + diffLine);
            }
        }
        for (String path : drift.missing()) {
            lines.add("  missing:  " + path + " (generated, but not checked in)");
        }
        for (String path : drift.obsolete()) {
            lines.add("  obsolete: " + path + " (checked in, but no longer generated)");
        }
        lines.add("Run '" + updateCommand + "' to update them (diff lines: - checked in, + generated).");
        return String.join(System.lineSeparator(), lines);
    }

    static String summary(Drift drift) {
        List<String> parts = new ArrayList<>();
        if (!drift.changed().isEmpty()) {
            parts.add(drift.changed().size() + " changed");
        }
        if (!drift.missing().isEmpty()) {
            parts.add(drift.missing().size() + " missing");
        }
        if (!drift.obsolete().isEmpty()) {
            parts.add(drift.obsolete().size() + " obsolete");
        }
        return String.join(", ", parts);
    }
}
