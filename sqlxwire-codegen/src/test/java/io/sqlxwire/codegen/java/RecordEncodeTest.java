package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Records with encode methods, compiled against the generated encoders; round trips through both. */
class RecordEncodeTest {

    /** Every shipped description: records with encode methods compile against the encoders. */
    static Stream<Path> protocols() throws java.io.IOException {
        return MainSourcesTest.dialects();
    }

    static List<JavaFile> all(ProtocolModel model) {
        List<ArtifactGenerator> generators = List.of(new EnumGenerator(), new TransformsGenerator(), new DecoderGenerator(),
                new EncoderGenerator(), new RecordGenerator(true), DecoderTestSupport::session);
        return new ProtocolGenerator(new ArrayList<>(generators)).generate(model);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void recordsWithEncodeCompileAgainstTheEncoders(Path file) {
        InMemoryCompiler.compile(all(DecoderTestSupport.model(file)));
    }

    @org.junit.jupiter.api.Test
    void realPostgresqlMessagesRoundTripThroughRecords() throws Exception {
        ClassLoader classes = InMemoryCompiler.compile(all(DecoderTestSupport.model(DecoderTestSupport.PROTOCOLS.resolve("postgresql.wire"))));
        String[][] samples = {
                {"PgRowDescription", "000303" + "6f6e6500000000000000000000170004ffffffff0000"
                        + "74776f00000000000000000000" + "19ffffffffffff0000"
                        + "6e6f7468696e6700000000000000000000170004ffffffff0000"},
                {"PgDataRow", "0003000000013100000003" + "74776f" + "ffffffff"},
                {"PgAuthentication", "0000000a534352414d2d5348412d3235360000"},
                {"PgCommandComplete", "53454c454354203100"},
        };
        for (String[] sample : samples) {
            byte[] body = java.util.HexFormat.of().parseHex(sample[1].replaceFirst("^000303", "0003"));
            Class<?> record = classes.loadClass("io.sqlxwire.protocols.postgresql." + sample[0]);
            Object value = DecoderRealBytesTest.call(record, "decode", (Object) body);
            byte[] encoded = (byte[]) DecoderRealBytesTest.call(value, "encode");
            assertArrayEquals(body, encoded, sample[0]);
            assertEquals(value, DecoderRealBytesTest.call(record, "decode", (Object) encoded));
        }
    }
}
