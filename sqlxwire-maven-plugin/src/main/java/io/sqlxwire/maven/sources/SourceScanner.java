package io.sqlxwire.maven.sources;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Selects the files of a source directory by include and exclude patterns. A file is selected when
 * some include matches and no exclude does; the result is sorted so every machine processes (and
 * hashes) the files in the same order.
 */
public final class SourceScanner {

    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.wire");

    private final List<AntPattern> includes;
    private final List<AntPattern> excludes;

    public SourceScanner(List<String> includes, List<String> excludes) {
        List<String> effectiveIncludes = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
        this.includes = effectiveIncludes.stream().map(AntPattern::of).toList();
        this.excludes = (excludes == null ? List.<String>of() : excludes).stream().map(AntPattern::of).toList();
    }

    /** The selected files, as paths relative to {@code directory} with {@code /} separators. */
    public List<String> scan(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> selected = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String relative = relativePath(directory, file);
                    if (isSelected(relative)) {
                        selected.add(relative);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        selected.sort(null);
        return List.copyOf(selected);
    }

    public boolean isSelected(String relativePath) {
        return includes.stream().anyMatch(p -> p.matches(relativePath))
                && excludes.stream().noneMatch(p -> p.matches(relativePath));
    }

    /** {@code file} relative to {@code directory}, always with {@code /} separators. */
    public static String relativePath(Path directory, Path file) {
        return directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
