package io.sqlxwire.maven.drift;

import io.sqlxwire.maven.generation.GeneratedMarker;
import io.sqlxwire.maven.sources.SourceScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares a freshly generated tree with the directory its files are checked in to. Only files that
 * are generated now, or that carry the generated-file marker, take part: hand-written sources next to
 * the generated ones are not drift. Line endings are compared as {@code \n}, so a checkout that
 * converts them (Git's {@code autocrlf}) is not drift either.
 */
public final class TreeComparison {

    private TreeComparison() {}

    public static Drift compare(Path generated, Path checkedIn) throws IOException {
        List<String> expected = regularFiles(generated);
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String path : expected) {
            Path checkedInFile = checkedIn.resolve(path);
            if (!Files.isRegularFile(checkedInFile)) {
                missing.add(path);
            } else if (!read(generated.resolve(path)).equals(read(checkedInFile))) {
                changed.add(path);
            }
        }
        Set<String> generatedNow = new HashSet<>(expected);
        List<String> obsolete = new ArrayList<>();
        for (String path : regularFiles(checkedIn)) {
            if (!generatedNow.contains(path) && GeneratedMarker.isGenerated(checkedIn.resolve(path))) {
                obsolete.add(path);
            }
        }
        return new Drift(missing, obsolete, changed);
    }

    /** A file's text with line endings normalised, for comparing and for diffs. */
    public static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static List<String> regularFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> SourceScanner.relativePath(directory, file))
                    .sorted()
                    .toList();
        }
    }
}
