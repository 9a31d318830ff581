package io.sqlxwire.protocols.captures;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The captured conversations under test resources and the checked descriptions that decode them. */
final class Captures {

    private static final Map<String, ProtocolModel> MODELS = new ConcurrentHashMap<>();

    private Captures() {}

    static Path root() {
        try {
            return Path.of(Captures.class.getResource("/captures/conv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The conversations of {@code folder} (relative to captures/conv) whose names start with {@code prefix}. */
    static List<Path> list(String folder, String prefix) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(".conv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checked model of a description in src/main/sqlxwire (fails the test when it has errors). */
    static ProtocolModel model(String wireFile) {
        return MODELS.computeIfAbsent(wireFile, name -> {
            CheckResult result = WireCompiler.checkFile(Path.of("src/main/sqlxwire", name));
            if (result.hasErrors() || result.model().isEmpty()) {
                throw new AssertionError(name + " does not check: " + result.errors());
            }
            return result.model().get();
        });
    }

    /**
     * Zeek's deliberately malformed or foreign traces (captures README): {@code bad-*},
     * {@code almost-*} and {@code *-on-port-*}.
     */
    static boolean deliberatelyMalformed(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("zeek-bad-") || name.startsWith("zeek-almost-") || name.contains("-on-port-");
    }
}
