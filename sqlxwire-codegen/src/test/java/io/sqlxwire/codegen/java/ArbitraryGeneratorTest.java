package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.Generation;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The arbitraries compile against the records, and their values encode and decode to themselves. */
class ArbitraryGeneratorTest {

    /**
     * The main sources as the build configures them ({@link Generation#mainSources()}) plus the given
     * test-source generators. Until every main generator is registered there, the ones on main and
     * a stand-in session class are used instead.
     */
    static List<JavaFile> generate(ProtocolModel model, List<ArtifactGenerator> testGenerators) {
        List<JavaFile> files = new ArrayList<>(Generation.mainSources().generate(model));
        if (files.isEmpty()) {
            files.addAll(new ProtocolGenerator(List.of(new EnumGenerator(), new DecoderGenerator(), new EncoderGenerator(),
                    new RecordGenerator(true))).generate(model));
        }
        String session = GenerationContext.of(model).protocolStem() + "Session";
        if (files.stream().noneMatch(f -> f.typeSpec().name().equals(session))) {
            files.addAll(DecoderTestSupport.session(GenerationContext.of(model))); // until a session generator is registered
        }
        files.addAll(new ProtocolGenerator(testGenerators).generate(model));
        return files;
    }

    static List<JavaFile> withArbitraries(ProtocolModel model) {
        return generate(model, List.of(new ArbitraryGenerator()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql.wire", "mysql.wire", "redis.wire", "cql.wire", "drda.wire", "mongodb.wire", "tds.wire", "tns.wire"})
    void arbitrariesCompileWithTheRecords(String file) {
        InMemoryCompiler.compile(withArbitraries(DecoderTestSupport.model(DecoderTestSupport.PROTOCOLS.resolve(file))));
    }

    @Test
    void postgresqlValuesRoundTrip() throws Exception {
        ClassLoader classes = InMemoryCompiler.compile(withArbitraries(DecoderTestSupport.model(
                DecoderTestSupport.PROTOCOLS.resolve("postgresql.wire"))));
        Class<?> arbitraries = classes.loadClass("io.sqlxwire.protocols.postgresql.PgArbitraries");
        for (String name : List.of("rowDescription", "dataRow", "authentication", "errorResponse", "startupMessage", "bind")) {
            Arbitrary<?> arbitrary = (Arbitrary<?>) arbitraries.getMethod(name).invoke(null);
            List<?> samples = arbitrary.sampleStream().limit(200).toList();
            assertTrue(samples.size() == 200);
            for (Object value : samples) {
                byte[] body = (byte[]) value.getClass().getMethod("encode").invoke(value);
                Method decode = value.getClass().getMethod("decode", byte[].class);
                assertEquals(value, decode.invoke(null, (Object) body), name);
            }
        }
    }

    static Path protocol(String file) {
        return DecoderTestSupport.PROTOCOLS.resolve(file);
    }
}
