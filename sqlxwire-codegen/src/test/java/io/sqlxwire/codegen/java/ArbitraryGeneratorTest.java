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

    /**
     * A TDS token of an unknown type ({@code _ => bytes rest}) reads to the end of the stream, so
     * only the last token of a stream may be one; with one earlier, the round trip would merge tokens.
     */
    @Test
    void tdsTokenStreamsHaveARestTokenOnlyLast() throws Exception {
        ClassLoader classes = InMemoryCompiler.compile(withArbitraries(DecoderTestSupport.model(protocol("tds.wire"))));
        Class<?> other = classes.loadClass("io.sqlxwire.protocols.tds.TdsTokenValue$Other");
        Arbitrary<?> streams = (Arbitrary<?>) classes.loadClass("io.sqlxwire.protocols.tds.TdsArbitraries")
                .getMethod("tokenStream").invoke(null);
        int endingOpen = 0;
        for (Object stream : streams.sampleStream().limit(300).toList()) {
            List<?> tokens = (List<?>) stream.getClass().getMethod("tokens").invoke(stream);
            for (int i = 0; i < tokens.size(); i++) {
                Object value = tokens.get(i).getClass().getMethod("value").invoke(tokens.get(i));
                if (other.isInstance(value)) {
                    assertEquals(tokens.size() - 1, i, () -> "a rest token before the last: " + stream);
                    endingOpen++;
                }
            }
            assertRoundTrips(stream);
        }
        assertTrue(endingOpen > 0, "no stream ends with a rest token");
    }

    /**
     * A RESP command is told apart by its first byte ({@code switch (peek(u8))}): an inline command
     * starting with {@code *} would decode as a multi-bulk one, so it is never generated.
     */
    @Test
    void redisCommandCasesAreTheOnesTheirBytesSelect() throws Exception {
        ClassLoader classes = InMemoryCompiler.compile(withArbitraries(DecoderTestSupport.model(protocol("redis.wire"))));
        Class<?> inline = classes.loadClass("io.sqlxwire.protocols.redis.RespCommandBody$Other");
        Arbitrary<?> commands = (Arbitrary<?>) classes.loadClass("io.sqlxwire.protocols.redis.RespArbitraries")
                .getMethod("command").invoke(null);
        int inlines = 0;
        for (Object command : commands.sampleStream().limit(300).toList()) {
            byte[] bytes = (byte[]) command.getClass().getMethod("encode").invoke(command);
            if (inline.isInstance(command.getClass().getMethod("body").invoke(command))) {
                inlines++;
                assertTrue(bytes.length == 0 || bytes[0] != '*', () -> "inline command looks multi-bulk: " + command);
            }
            assertRoundTrips(command);
        }
        assertTrue(inlines > 0, "no inline command generated");
    }

    private static void assertRoundTrips(Object value) throws Exception {
        byte[] body = (byte[]) value.getClass().getMethod("encode").invoke(value);
        assertEquals(value, value.getClass().getMethod("decode", byte[].class).invoke(null, (Object) body));
    }

    static Path protocol(String file) {
        return DecoderTestSupport.PROTOCOLS.resolve(file);
    }
}
