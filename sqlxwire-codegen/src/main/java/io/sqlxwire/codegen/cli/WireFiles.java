package io.sqlxwire.codegen.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds the {@code .wire} files a directory operand stands for. */
final class WireFiles {

    static final String EXTENSION = ".wire";

    private WireFiles() {}

    /**
     * Every {@code *.wire} file below {@code directory}, sorted by path so output is the same on every
     * machine. Hidden directories and Maven build directories ({@code target} next to a
     * {@code pom.xml}) are skipped: the latter hold copies of the sources, which would report every
     * error twice.
     */
    static List<Path> below(Path directory) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(directory) && isSkipped(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(EXTENSION)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    private static boolean isSkipped(Path dir) {
        String name = dir.getFileName().toString();
        boolean hidden = name.startsWith(".");
        boolean mavenOutput = name.equals("target") && dir.getParent() != null
                && Files.isRegularFile(dir.getParent().resolve("pom.xml"));
        return hidden || mavenOutput;
    }
}
