package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoders for every dialect compile without a warning, and generating twice gives the same text. */
class EncoderGenerationTest {

    static final Path DIALECTS = Path.of("../protocols-idl/src/main/sqlxwire");

    static Stream<Path> dialects() throws IOException {
        try (Stream<Path> files = Files.list(DIALECTS)) {
            return files.filter(p -> p.toString().endsWith(".wire")).sorted().toList().stream();
        }
    }

    static ProtocolModel model(Path file) {
        return WireCompiler.checkFile(file).modelOrThrow();
    }

    static List<JavaFile> generate(ProtocolModel model) {
        return new EncoderGenerator().generate(GenerationContext.of(model));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void compilesWithoutWarnings(Path file) {
        ProtocolModel model = model(file);
        List<JavaFile> files = new ArrayList<>(generate(model));
        assertFalse(files.isEmpty());
        files.addAll(EncoderStandIns.forModel(model));
        InMemoryCompiler.compile(files);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void isDeterministic(Path file) {
        List<String> first = generate(model(file)).stream().map(JavaFile::toString).toList();
        List<String> second = generate(model(file)).stream().map(JavaFile::toString).toList();
        assertEquals(first, second);
    }
}
