package io.sqlxwire.maven.staleness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful generation run recorded under {@code target/maven-status/sqlxwire}: the
 * fingerprint of its inputs, every {@code .wire} file it read (imports included, relative to the
 * project directory) and every file it wrote (relative to the output directory).
 *
 * <p>The next run hashes the current inputs together with the files read last time: an edited import
 * changes the hash even though no include pattern names it.
 */
public record BuildStatus(String fingerprint, List<String> sourcesRead, List<String> outputs) {

    private static final String HEADER = "# SQLxWire generation status: safe to delete (the next build regenerates)";

    public BuildStatus {
        sourcesRead = List.copyOf(sourcesRead);
        outputs = List.copyOf(outputs);
    }

    /** True when this run's fingerprint is the recorded one and every recorded output is still there. */
    public boolean isUpToDate(String currentFingerprint, Path outputDirectory) {
        return fingerprint.equals(currentFingerprint)
                && outputs.stream().allMatch(output -> Files.isRegularFile(outputDirectory.resolve(output)));
    }

    /** The recorded status, or empty when there is none or it cannot be read (both mean: regenerate). */
    public static Optional<BuildStatus> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        String fingerprint = null;
        List<String> read = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (line.startsWith("#") || space < 0) {
                continue;
            }
            String key = line.substring(0, space);
            String value = line.substring(space + 1);
            switch (key) {
                case "fingerprint" -> fingerprint = value;
                case "read" -> read.add(value);
                case "output" -> outputs.add(value);
                default -> { } // written by a newer plugin: ignore what we do not know
            }
        }
        return fingerprint == null ? Optional.empty() : Optional.of(new BuildStatus(fingerprint, read, outputs));
    }

    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("fingerprint ").append(fingerprint).append('\n');
        sourcesRead.forEach(path -> text.append("read ").append(path).append('\n'));
        outputs.forEach(path -> text.append("output ").append(path).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
