package io.sqlxwire.maven.drift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Removes drift: copies missing and changed files from the fresh generation, deletes obsolete ones. */
public final class DriftRepair {

    private DriftRepair() {}

    public static void apply(Drift drift, Path generated, Path checkedIn) throws IOException {
        for (String path : drift.missing()) {
            copy(generated, checkedIn, path);
        }
        for (String path : drift.changed()) {
            copy(generated, checkedIn, path);
        }
        for (String path : drift.obsolete()) {
            Files.deleteIfExists(checkedIn.resolve(path));
        }
    }

    private static void copy(Path from, Path to, String path) throws IOException {
        Path target = to.resolve(path);
        Files.createDirectories(target.getParent());
        Files.copy(from.resolve(path), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
