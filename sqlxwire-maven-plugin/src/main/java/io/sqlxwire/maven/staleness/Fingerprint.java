package io.sqlxwire.maven.staleness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over everything a generation run depends on: labelled values (plugin version,
 * configuration) and file contents. Every entry is length-prefixed, so moving text between entries
 * changes the result.
 */
public final class Fingerprint {

    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    public Fingerprint add(String label, String value) {
        entry(label);
        entry(value == null ? "<null>" : value);
        return this;
    }

    /** Adds a file by name and content; a missing file counts too (its appearance must change the result). */
    public Fingerprint addFile(String name, Path file) throws IOException {
        entry("file");
        entry(name);
        try {
            bytes(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            entry("<missing>");
        }
        return this;
    }

    /** Adds every regular file below {@code directory} (or the file itself), in path order. */
    public Fingerprint addTree(String name, Path directoryOrFile) throws IOException {
        if (!Files.isDirectory(directoryOrFile)) {
            return addFile(name, directoryOrFile);
        }
        try (var files = Files.walk(directoryOrFile)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                addFile(name + "/" + directoryOrFile.relativize(file), file);
            }
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void entry(String text) {
        bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] data) {
        digest.update(HexFormat.of().formatHex(intBytes(data.length)).getBytes(StandardCharsets.US_ASCII));
        digest.update(data);
    }

    private static byte[] intBytes(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
}
