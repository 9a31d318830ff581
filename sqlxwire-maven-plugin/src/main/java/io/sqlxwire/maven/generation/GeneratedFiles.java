package io.sqlxwire.maven.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Brings a directory in line with a set of generated files: writes the ones whose content differs
 * (an unchanged file keeps its timestamp, so incremental compilers leave it alone) and deletes the
 * files a previous run generated that are no longer generated. It never touches any other file, so
 * the directory may be shared with hand-written sources.
 */
public final class GeneratedFiles {

    private GeneratedFiles() {}

    /** @return how many files were written or deleted */
    public static int sync(Path directory, Map<String, String> files, Collection<String> previouslyGenerated)
            throws IOException {
        int changes = 0;
        for (String obsolete : previouslyGenerated) {
            if (!files.containsKey(obsolete) && Files.deleteIfExists(directory.resolve(obsolete))) {
                changes++;
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), content)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            changes++;
        }
        return changes;
    }
}
