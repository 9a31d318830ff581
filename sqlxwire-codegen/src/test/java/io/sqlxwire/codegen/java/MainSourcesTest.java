package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.Generation;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the plugin and the CLI generate ({@link Generation#mainSources()}) for every shipped
 * description: compiles together, per dialect, without a warning, and is byte-identical when
 * generated twice (checked-in sources are verified in CI by regenerating them).
 */
class MainSourcesTest {

    static Stream<Path> dialects() throws IOException {
        try (Stream<Path> files = Files.list(DecoderTestSupport.PROTOCOLS)) {
            return files.filter(p -> p.toString().endsWith(".wire")).sorted().toList().stream();
        }
    }

    @Test
    void everyShippedDescriptionIsCovered() throws IOException {
        // The eight dialects, plus http.wire, which declares only detection signatures.
        assertEquals(9, dialects().count());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void compilesTogetherWithoutWarnings(Path file) {
        ProtocolModel model = DecoderTestSupport.model(file);
        List<JavaFile> files = new ArrayList<>(Generation.mainSources().generate(model));
        assertFalse(files.isEmpty());
        InMemoryCompiler.compile(withSession(model, files));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void generatingTwiceGivesByteIdenticalFiles(Path file) {
        Map<String, String> first = texts(Generation.mainSources().generate(DecoderTestSupport.model(file)));
        Map<String, String> second = texts(Generation.mainSources().generate(DecoderTestSupport.model(file)));
        assertEquals(first.keySet(), second.keySet());
        for (String name : first.keySet()) {
            assertEquals(first.get(name), second.get(name), name);
        }
    }

    /**
     * The session class comes from the conversation generators; until they are part of
     * {@link Generation}, the test stand-in takes its place (and steps aside once they are).
     */
    static List<JavaFile> withSession(ProtocolModel model, List<JavaFile> files) {
        String session = GenerationContext.of(model).protocolStem() + "Session";
        if (files.stream().noneMatch(f -> f.typeSpec().name().equals(session))) {
            files.addAll(DecoderTestSupport.session(GenerationContext.of(model)));
        }
        return files;
    }

    private static Map<String, String> texts(List<JavaFile> files) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (JavaFile file : files) {
            texts.put(file.packageName() + "." + file.typeSpec().name(), file.toString());
        }
        return texts;
    }
}
