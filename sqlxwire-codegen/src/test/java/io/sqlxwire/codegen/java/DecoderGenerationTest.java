package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped description generates enums, decoders and records that compile without a warning, deterministically. */
class DecoderGenerationTest {

    static Stream<Path> protocols() throws IOException {
        try (Stream<Path> files = Files.list(DecoderTestSupport.PROTOCOLS)) {
            return files.filter(f -> f.toString().endsWith(".wire")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void generatesCodeThatCompilesWithoutWarnings(Path file) {
        ProtocolModel model = DecoderTestSupport.model(file);
        // A description with only detection signatures (http.wire) has nothing to decode.
        org.junit.jupiter.api.Assumptions.assumeFalse(model.messages().isEmpty() && model.structs().isEmpty(),
                file + " declares no messages or structs");
        List<JavaFile> files = DecoderTestSupport.generate(model, true);
        assertFalse(files.isEmpty());
        InMemoryCompiler.compile(files);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void generatingTwiceGivesIdenticalSource(Path file) {
        ProtocolModel model = DecoderTestSupport.model(file);
        String first = render(DecoderTestSupport.generate(model, true));
        String second = render(DecoderTestSupport.generate(DecoderTestSupport.model(file), true));
        assertEquals(first, second);
    }

    /**
     * Derived storage gets Java names ({@code dataOffset}); where a member already has that name
     * the other form is used ({@code dataStart}), and a check whose name an accessor shadows keeps
     * its class name, so the result still compiles. (Starts and ends are kept only for fields that
     * something measures: the lets ask for both sizes.)
     */
    @org.junit.jupiter.api.Test
    void derivedNamesAreJavaStyleAndDoNotCollideWithMembers() {
        ProtocolModel model = DecoderTestSupport.model("names.wire", """
                protocol names;
                option java_package = "test.names";
                struct Item {
                    data_offset: u16;
                    data_length: u16;
                    need: u8;
                    data: bytes[data_length] at(data_offset);
                    name: cstring;
                    let name_size = sizeof(name);
                    let data_size = sizeof(data);
                }
                """);
        List<JavaFile> files = DecoderTestSupport.generate(model, false);
        String item = files.stream().filter(f -> f.typeSpec().name().equals("ItemDecoder")).findFirst().orElseThrow()
                .toString();
        InMemoryCompiler.compile(files);
        org.junit.jupiter.api.Assertions.assertTrue(item.contains("private int dataStart;"), item);
        org.junit.jupiter.api.Assertions.assertTrue(item.contains("private int dataValueLength;"), item);
        org.junit.jupiter.api.Assertions.assertTrue(item.contains("private int nameValueOffset;"), item);
        org.junit.jupiter.api.Assertions.assertTrue(item.contains("private int nameEnd;"), item);
        // Nothing measures need: no start or end is kept for it.
        org.junit.jupiter.api.Assertions.assertFalse(item.contains("needOffset"), item);
        org.junit.jupiter.api.Assertions.assertFalse(java.util.regex.Pattern
                .compile("private [\\w.]+ [a-z]\\w*_\\w*[;=]").matcher(item).find(), item);
        // The accessor need() would shadow a static import of RegionChecks.need.
        org.junit.jupiter.api.Assertions.assertTrue(item.contains("RegionChecks.need(region, pos, 2, limit)"), item);
        org.junit.jupiter.api.Assertions.assertFalse(item.contains("import static io.sqlxwire.runtime.buffer.RegionChecks.need;"), item);
        org.junit.jupiter.api.Assertions.assertTrue(item.contains("import static io.sqlxwire.runtime.buffer.RegionChecks.offsetIn;"), item);
    }

    private static String render(List<JavaFile> files) {
        StringBuilder all = new StringBuilder();
        files.forEach(f -> all.append(f.toString()));
        return all.toString();
    }
}
