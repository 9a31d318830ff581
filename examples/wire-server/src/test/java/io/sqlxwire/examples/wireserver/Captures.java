package io.sqlxwire.examples.wireserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** Client bytes from the project's recorded conversations ({@code .conv}: {@code C <hex>} per client segment). */
final class Captures {

    private Captures() {}

    /** The first segment the client sent in {@code name} (a path under the captures' conv/ directory). */
    static byte[] firstClientSegment(String name) {
        return clientSegments(name).get(0);
    }

    static List<byte[]> clientSegments(String name) {
        String dir = System.getProperty("sqlxwire.captures");
        if (dir == null) {
            throw new IllegalStateException("system property sqlxwire.captures is not set (the pom sets it)");
        }
        try {
            return Files.readAllLines(Path.of(dir, name)).stream()
                    .filter(line -> line.startsWith("C "))
                    .map(line -> HexFormat.of().parseHex(line.substring(2).strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
