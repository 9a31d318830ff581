package io.sqlxwire.idl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the checker finds a file and the files it imports. */
public interface SourceLoader {

    /** The text of the file at {@code path}, or empty when there is none. */
    Optional<String> load(String path);

    /** The path an {@code import "relative"} written in {@code importer} refers to. */
    default String resolve(String importer, String relative) {
        Path parent = Path.of(importer).getParent();
        Path resolved = parent == null ? Path.of(relative) : parent.resolve(relative);
        return resolved.normalize().toString();
    }

    /** Reads files from the file system. */
    static SourceLoader fileSystem() {
        return path -> {
            try {
                return Optional.of(Files.readString(Path.of(path)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        };
    }

    /** Serves files from memory, keyed by path (tests, tools that hold sources already). */
    static SourceLoader inMemory(Map<String, String> files) {
        Map<String, String> copy = Map.copyOf(files);
        return path -> Optional.ofNullable(copy.get(path));
    }
}
