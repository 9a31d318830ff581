package io.sqlxwire.codegen.java;

import io.sqlxwire.codegen.interp.LayoutInterpreter;
import io.sqlxwire.codegen.interp.Value;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The model interpreter and the generated decoders must agree on every input: both accept it with
 * equal values, or both reject it with {@code CodecException}. Inputs are random bytes and
 * mutated valid encodings (from the generated arbitraries) of the PostgreSQL and MySQL structs
 * that need no session or parameters (the interpreter's public entry point decodes structs).
 */
class DifferentialDecodingTest {

    private static final List<String> POSTGRESQL = List.of("StartupParameter", "AuthMd5Password", "AuthSasl",
            "FieldDescription", "NoticeField", "CopyResponseBody");
    private static final List<String> MYSQL = List.of("ConnectAttribute", "ParameterType", "SessionStateChange",
            "BinaryDateTime", "BinaryTime");

    /** One protocol compiled once: its interpreter and its generated classes. */
    private record Compiled(LayoutInterpreter interpreter, ClassLoader classes, GenerationContext context) {
        Class<?> record(String idlName) throws ClassNotFoundException {
            return classes.loadClass(context.javaPackage() + "." + context.naming().type(idlName));
        }
    }

    private static final Map<String, Compiled> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Compiled compiled(String file) {
        return COMPILED.computeIfAbsent(file, f -> {
            ProtocolModel model = DecoderTestSupport.model(DecoderTestSupport.PROTOCOLS.resolve(f));
            ClassLoader classes = InMemoryCompiler.compile(ArbitraryGeneratorTest.withArbitraries(model));
            return new Compiled(new LayoutInterpreter(model, Limits.DEFAULTS), classes, GenerationContext.of(model));
        });
    }

    @Provide
    Arbitrary<String> postgresqlStructs() {
        return Arbitraries.of(POSTGRESQL);
    }

    @Provide
    Arbitrary<String> mysqlStructs() {
        return Arbitraries.of(MYSQL);
    }

    @Property(tries = 300)
    void postgresqlRandomBytes(@ForAll("postgresqlStructs") String struct, @ForAll @Size(max = 48) byte[] bytes)
            throws Exception {
        agree(compiled("postgresql.wire"), struct, bytes);
    }

    @Property(tries = 300)
    void mysqlRandomBytes(@ForAll("mysqlStructs") String struct, @ForAll @Size(max = 48) byte[] bytes) throws Exception {
        agree(compiled("mysql.wire"), struct, bytes);
    }

    @Property(tries = 300)
    void postgresqlMutatedEncodings(@ForAll("postgresqlStructs") String struct, @ForAll long seed) throws Exception {
        agree(compiled("postgresql.wire"), struct, mutatedEncoding(compiled("postgresql.wire"), struct, seed));
    }

    @Property(tries = 300)
    void mysqlMutatedEncodings(@ForAll("mysqlStructs") String struct, @ForAll long seed) throws Exception {
        agree(compiled("mysql.wire"), struct, mutatedEncoding(compiled("mysql.wire"), struct, seed));
    }

    /**
     * Disagreement 1 (minimal input): a struct decoded on its own with bytes left after its last
     * field. The interpreter rejects {@code 00 00 00} as a StartupParameter ("1 bytes left after
     * the last field"); the generated decoder accepts it as name "" and value "".
     */
    @org.junit.jupiter.api.Test
    void trailingBytesAfterAStruct() throws Exception {
        agree(compiled("postgresql.wire"), "StartupParameter", new byte[] {0, 0, 0});
    }

    /**
     * Disagreement 2 (minimal input): text that is not valid in its charset. The interpreter
     * rejects {@code ff 00 00} as a StartupParameter ("name: text is not valid utf8"); the generated
     * decoder accepts it and gives the replacement character U+FFFD as the name.
     */
    @org.junit.jupiter.api.Test
    void malformedUtf8Text() throws Exception {
        agree(compiled("postgresql.wire"), "StartupParameter", new byte[] {(byte) 0xff, 0, 0});
    }

    /** A valid encoding from the generated arbitrary, then one byte flipped, inserted or cut, chosen by {@code seed}. */
    private static byte[] mutatedEncoding(Compiled compiled, String struct, long seed) throws Exception {
        Class<?> arbitraries = compiled.classes().loadClass(compiled.context().javaPackage() + "."
                + compiled.context().protocolStem() + "Arbitraries");
        Arbitrary<?> arbitrary = (Arbitrary<?>) arbitraries.getMethod(io.sqlxwire.codegen.java.Naming.member(struct)).invoke(null);
        java.util.Random random = new java.util.Random(seed);
        Object value = arbitrary.generator(10).next(random).value();
        byte[] bytes = (byte[]) value.getClass().getMethod("encode").invoke(value);
        if (bytes.length == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(3)) {
            case 0 -> {
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                yield bytes;
            }
            case 1 -> Arrays.copyOf(bytes, at);
            default -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                longer[at] = (byte) random.nextInt(256);
                yield longer;
            }
        };
    }

    private static void agree(Compiled compiled, String struct, byte[] bytes) throws Exception {
        Value.Obj interpreted = null;
        CodecException interpreterRejection = null;
        try {
            interpreted = compiled.interpreter().decodeStruct(struct, WireBuffer.of(bytes), Map.of(), null);
        } catch (CodecException e) {
            interpreterRejection = e;
        }
        Object decoded = null;
        CodecException decoderRejection = null;
        try {
            decoded = compiled.record(struct).getMethod("decode", byte[].class).invoke(null, (Object) bytes);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof CodecException rejected)) {
                throw new AssertionError(struct + " decoder failed with " + e.getCause() + " on " + hex(bytes), e.getCause());
            }
            decoderRejection = rejected;
        }
        if ((interpreterRejection == null) != (decoderRejection == null)) {
            throw new AssertionError(struct + " on " + hex(bytes) + ": interpreter "
                    + (interpreterRejection == null ? "accepts " + interpreted : "rejects (" + interpreterRejection.getMessage() + ")")
                    + ", generated decoder "
                    + (decoderRejection == null ? "accepts " + decoded : "rejects (" + decoderRejection.getMessage() + ")"));
        }
        if (interpreted != null) {
            String difference = difference(interpreted, decoded, struct);
            if (difference != null) {
                throw new AssertionError(struct + " on " + hex(bytes) + ": " + difference);
            }
        }
    }

    /** Compares the interpreter's value tree with a record, component by component; null when they agree. */
    static String difference(Value value, Object actualValue, String path) throws Exception {
        if (value instanceof Value.Obj obj) {
            if (actualValue == null || !actualValue.getClass().isRecord()) {
                return path + ": interpreter has a struct, decoder " + actualValue;
            }
            for (RecordComponent component : actualValue.getClass().getRecordComponents()) {
                Method accessor = component.getAccessor();
                Object field = accessor.invoke(actualValue);
                String idlName = obj.fields().stream().map(Value.Entry::name)
                        .filter(n -> Naming.member(n).equals(component.getName())).findFirst().orElse(null);
                if (idlName == null) {
                    if (field != null) {
                        return path + "." + component.getName() + ": absent in the interpreter, decoder has " + field;
                    }
                    continue;
                }
                String inner = difference(obj.get(idlName).orElseThrow(), field, path + "." + idlName);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (value instanceof Value.Null) {
            return actualValue == null ? null : path + ": interpreter NULL, decoder " + actualValue;
        }
        if (value instanceof Value.ListOf list) {
            if (!(actualValue instanceof List<?> elements) || elements.size() != list.elements().size()) {
                return path + ": interpreter " + list.elements().size() + " elements, decoder " + actualValue;
            }
            for (int i = 0; i < elements.size(); i++) {
                String inner = difference(list.elements().get(i), elements.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        Object expected;
        Object actual = actualValue;
        if (value instanceof Value.Int i) {
            expected = i.value();
            actual = number(actualValue);
        } else if (value instanceof Value.EnumConst e) {
            expected = e.value();
            actual = number(actualValue.getClass().getMethod("value").invoke(actualValue));
        } else if (value instanceof Value.Flags f) {
            expected = f.bits();
            actual = number(actualValue.getClass().getMethod("bits").invoke(actualValue));
        } else if (value instanceof Value.Text t) {
            expected = t.value();
        } else if (value instanceof Value.Bytes b) {
            return actualValue instanceof byte[] bytes && Arrays.equals(bytes, b.value()) ? null
                    : path + ": interpreter " + b + ", decoder " + actualValue;
        } else if (value instanceof Value.Float f) {
            expected = f.value();
            actual = actualValue == null ? null : ((Number) actualValue).doubleValue();
        } else if (value instanceof Value.Bits bits) {
            expected = bits.bits();
        } else {
            expected = value;
        }
        return java.util.Objects.equals(expected, actual) ? null : path + ": interpreter " + expected + ", decoder " + actual;
    }

    private static BigInteger number(Object actualValue) {
        return actualValue == null ? null : BigInteger.valueOf(((Number) actualValue).longValue());
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
