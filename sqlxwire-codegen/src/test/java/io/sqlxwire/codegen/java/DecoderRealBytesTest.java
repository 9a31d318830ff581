package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Generated decoders and records read real captured traffic: PostgreSQL (psql, SCRAM, a simple
 * query) and MariaDB's handshake. Malformed input — every truncation, random mutations — gives
 * only {@link CodecException}, with a field path.
 */
class DecoderRealBytesTest {

    private static final Path CAPTURES = Path.of("/work/shared/captures/conv/local");
    private static final String PG = "io.sqlxwire.protocols.postgresql.";
    private static final String MY = "io.sqlxwire.protocols.mysql.";
    private static final ClassLoader PG_CLASSES = compile("postgresql.wire");
    private static final ClassLoader MY_CLASSES = compile("mysql.wire");

    /** PostgreSQL server messages in order: {tag, body}. */
    private static final List<byte[][]> PG_SERVER = pgMessages(serverStream("pg-psql-scram-simple.conv"));

    private static ClassLoader compile(String file) {
        return InMemoryCompiler.compile(DecoderTestSupport.generate(
                DecoderTestSupport.model(DecoderTestSupport.PROTOCOLS.resolve(file)), true));
    }

    private static byte[] serverStream(String conv) {
        try {
            StringBuilder hex = new StringBuilder();
            for (String line : Files.readAllLines(CAPTURES.resolve(conv))) {
                if (line.startsWith("S ")) {
                    hex.append(line.substring(2).trim());
                }
            }
            return HexFormat.of().parseHex(hex.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the tagged stream (type byte, length counting itself) into messages, by hand. */
    private static List<byte[][]> pgMessages(byte[] stream) {
        List<byte[][]> messages = new ArrayList<>();
        WireBuffer buffer = WireBuffer.of(stream);
        for (int at = 0; at < stream.length; ) {
            int length = buffer.i32be(at + 1);
            messages.add(new byte[][] {{stream[at]}, Arrays.copyOfRange(stream, at + 5, at + 1 + length)});
            at += 1 + length;
        }
        return messages;
    }

    private static byte[] pgBody(char tag, int occurrence) {
        int seen = 0;
        for (byte[][] message : PG_SERVER) {
            if (message[0][0] == tag && seen++ == occurrence) {
                return message[1];
            }
        }
        throw new AssertionError("no message " + tag + " #" + occurrence);
    }

    private static Object decoder(ClassLoader loader, String className, byte[] body) {
        Object decoder = newInstance(loader, className);
        return call(decoder, "wrap", WireBuffer.of(body));
    }

    static Object newInstance(ClassLoader loader, String className) {
        try {
            return loader.loadClass(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls a public method by name and argument count; exceptions thrown by it pass through unwrapped. */
    static Object call(Object target, String name, Object... args) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                try {
                    return method.invoke(target instanceof Class<?> ? null : target, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new AssertionError(e.getCause());
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    continue;
                }
            }
        }
        throw new AssertionError("no method " + name + "/" + args.length + " on " + type);
    }

    static Class<?> load(ClassLoader loader, String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void authenticationSaslOffersScram() {
        Object auth = decoder(PG_CLASSES, PG + "PgAuthenticationDecoder", pgBody('R', 0));
        assertEquals(10, call(auth, "code"));
        assertEquals("SASL(10)", call(auth, "codeValue").toString());
        assertEquals(2, call(auth, "bodyArm"));
        Object mechanisms = call(call(auth, "bodyAsSasl"), "mechanisms");
        assertEquals(1, call(mechanisms, "count"));
        assertEquals("SCRAM-SHA-256", call(call(mechanisms, "next"), "valueAsString"));
        assertEquals(19, call(auth, "encodedLength"));
    }

    @Test
    void authenticationSaslContinueAndOk() {
        Object next = decoder(PG_CLASSES, PG + "PgAuthenticationDecoder", pgBody('R', 1));
        assertEquals(11, call(next, "code"));
        String serverFirst = call(call(next, "bodyAsSaslContinue"), "toString").toString();
        assertTrue(call(call(next, "bodyAsSaslContinue"), "contentEquals",
                "r=Yt3dWon5RS355FZ5cYOfIJvy+DnvlsphvGUUGObKUUF8xdtR,s=PE5M5LlIPV4IEcBbl36YvA==,i=4096".getBytes(
                        StandardCharsets.US_ASCII)).equals(true), serverFirst);
        Object ok = decoder(PG_CLASSES, PG + "PgAuthenticationDecoder", pgBody('R', 3));
        assertEquals(0, call(ok, "code"));
        assertEquals(0, call(ok, "bodyArm"));
    }

    @Test
    void rowDescriptionGivesColumnNamesAndTypes() {
        Object rows = decoder(PG_CLASSES, PG + "PgRowDescriptionDecoder", pgBody('T', 1));
        assertEquals(6, call(rows, "fieldCount"));
        Object fields = call(rows, "fields");
        List<String> names = new ArrayList<>();
        List<Long> types = new ArrayList<>();
        while ((Boolean) call(fields, "hasNext")) {
            Object field = call(fields, "next");
            names.add((String) call(field, "nameAsString"));
            types.add((Long) call(field, "typeOid"));
        }
        assertEquals(List.of("id", "name", "score", "at", "data", "tags"), names);
        assertEquals(List.of(23L, 25L, 1700L, 1184L, 17L, 1009L), types);
        Object score = call(call(rows, "fields"), "get", 2);
        assertEquals(0x4003L, call(score, "tableOid"));
        assertEquals(3, call(score, "columnAttribute"));
        assertEquals((10 << 16 | 2) + 4, call(score, "typeModifier")); // numeric(10, 2)
        assertEquals("TEXT(0)", call(score, "formatValue").toString());
    }

    @Test
    void dataRowGivesValuesAndNulls() {
        Object row = decoder(PG_CLASSES, PG + "PgDataRowDecoder", pgBody('D', 0));
        Object columns = call(row, "columns");
        assertEquals(3, call(columns, "count"));
        assertEquals("1", call(call(call(columns, "next"), "value"), "toString").toString().isEmpty() ? "" : "1");
        call(columns, "reset");
        Object first = call(columns, "next");
        assertEquals(false, call(first, "isValueNull"));
        assertEquals(1, call(first, "length"));
        assertTrue((Boolean) call(call(first, "value"), "contentEquals", "1".getBytes(StandardCharsets.US_ASCII)));
        assertTrue((Boolean) call(call(call(columns, "next"), "value"), "contentEquals", "two".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(true, call(call(columns, "next"), "isValueNull"));
        assertEquals(false, call(columns, "hasNext"));
    }

    @Test
    void recordsEqualTheExpectedValues() {
        Class<?> dataRow = load(PG_CLASSES, PG + "PgDataRow");
        Object decoded = call(dataRow, "decode", (Object) pgBody('D', 0));
        Object expected = construct(dataRow, Arrays.asList("1".getBytes(StandardCharsets.US_ASCII),
                "two".getBytes(StandardCharsets.US_ASCII), null));
        assertEquals(expected, decoded);
        assertEquals(expected.hashCode(), decoded.hashCode());

        Class<?> rowDescription = load(PG_CLASSES, PG + "PgRowDescription");
        Object description = call(rowDescription, "decode", (Object) pgBody('T', 0));
        List<?> fields = (List<?>) call(description, "fields");
        Class<?> field = load(PG_CLASSES, PG + "PgFieldDescription");
        Class<?> format = load(PG_CLASSES, PG + "PgFormatCode");
        Object text = call(format, "of", 0);
        assertEquals(construct(field, "two", 0L, 0, 25L, -1, -1, text), fields.get(1));
        assertSame(text, fieldValue(format, "TEXT"));

        Class<?> complete = load(PG_CLASSES, PG + "PgCommandComplete");
        assertEquals(construct(complete, "SELECT 20"), call(complete, "decode", (Object) pgBody('C', 1)));

        Class<?> auth = load(PG_CLASSES, PG + "PgAuthentication");
        Object sasl = call(auth, "decode", (Object) pgBody('R', 0));
        assertEquals("PgAuthentication[code=SASL(10), body=Sasl[value=PgAuthSasl[mechanisms=[SCRAM-SHA-256]]]]",
                sasl.toString());
    }

    private static Object fieldValue(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object construct(Class<?> type, Object... args) {
        try {
            return type.getConstructors()[0].newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mysqlHandshakeGivesVersionAndCapabilities() {
        byte[] packet = serverStream("my-mariadb-cli.conv");
        int length = packet[0] & 0xFF | (packet[1] & 0xFF) << 8 | (packet[2] & 0xFF) << 16;
        byte[] body = Arrays.copyOfRange(packet, 4, 4 + length);
        Object handshake = decoder(MY_CLASSES, MY + "MyHandshakeV10Decoder", body);
        assertEquals(10, call(handshake, "protocolVersion"));
        assertEquals("5.5.5-10.11.19-MariaDB-0+deb12u1", call(handshake, "serverVersionAsString"));
        assertEquals(6L, call(handshake, "threadId"));
        assertEquals(0x81fff7feL, call(handshake, "capabilities"));
        assertEquals(true, call(handshake, "hasAuthPluginName"));
        assertEquals("mysql_native_password", call(handshake, "authPluginNameAsString"));
        assertEquals(length, call(handshake, "encodedLength"));

        Object record = call(load(MY_CLASSES, MY + "MyHandshakeV10"), "decode", (Object) body);
        Object capabilities = call(record, "capabilities");
        long protocol41 = (Long) fieldValue(capabilities.getClass(), "CLIENT_PROTOCOL_41");
        assertEquals(true, call(capabilities, "has", protocol41));
        assertEquals("mysql_native_password", call(record, "authPluginName"));
    }

    // ------------------------------------------------------------------------- malformed input

    private static List<Object[]> samples() {
        return List.of(
                new Object[] {PG_CLASSES, PG + "PgAuthenticationDecoder", pgBody('R', 0)},
                new Object[] {PG_CLASSES, PG + "PgRowDescriptionDecoder", pgBody('T', 1)},
                new Object[] {PG_CLASSES, PG + "PgDataRowDecoder", pgBody('D', 7)},
                new Object[] {PG_CLASSES, PG + "PgParameterStatusDecoder", pgBody('S', 0)},
                new Object[] {MY_CLASSES, MY + "MyHandshakeV10Decoder", Arrays.copyOfRange(serverStream("my-mariadb-cli.conv"), 4, 104)});
    }

    @Test
    void everyTruncationFailsWithAFieldPath() {
        for (Object[] sample : samples()) {
            byte[] body = (byte[]) sample[2];
            for (int cut = 0; cut < body.length; cut++) {
                byte[] truncated = Arrays.copyOf(body, cut);
                if (sample[1].toString().endsWith("HandshakeV10Decoder") && cut >= 79) {
                    continue; // from here on only the optional plugin name's NUL is missing: still tested below
                }
                CodecException e = assertThrows(CodecException.class,
                        () -> decoder((ClassLoader) sample[0], (String) sample[1], truncated), sample[1] + " cut at " + cut);
                assertFalse(e.fieldPath().isEmpty(), e.getMessage());
                assertTrue(e.getMessage().startsWith(e.protocol() + " "), e.getMessage());
            }
        }
    }

    @Test
    void errorMessagesNameTheNestedPath() {
        byte[] body = pgBody('T', 1).clone();
        // Cut inside the third field description's name ("score"): no NUL before the end.
        byte[] truncated = Arrays.copyOf(body, 2 + (3 + 18) + (5 + 18) + 3);
        CodecException e = assertThrows(CodecException.class,
                () -> decoder(PG_CLASSES, PG + "PgRowDescriptionDecoder", truncated));
        assertEquals("fields[2].name", e.fieldPath());
        assertEquals("postgresql RowDescription.fields[2].name: no NUL before end of frame at offset 46", e.getMessage());
        assertEquals("RowDescription", e.messageName());
        assertEquals("postgresql", e.protocol());
    }

    @Property(tries = 500)
    void mutatedMessagesDecodeOrFailWithCodecException(@ForAll @IntRange(min = 0, max = 4) int which,
                                                       @ForAll @IntRange(min = 0, max = 10_000) int position,
                                                       @ForAll byte value) {
        Object[] sample = samples().get(which);
        byte[] body = ((byte[]) sample[2]).clone();
        body[position % body.length] = value;
        try {
            Object decoder = decoder((ClassLoader) sample[0], (String) sample[1], body);
            String record = ((String) sample[1]).replace("Decoder", "");
            call(load((ClassLoader) sample[0], record), "from", decoder);
        } catch (CodecException e) {
            assertFalse(e.fieldPath().isEmpty() && e.messageName() == null, e.getMessage());
        }
    }

    @Test
    void absentOptionalFieldIsNullInTheRecord() {
        Object record = call(load(PG_CLASSES, PG + "PgDataRow"), "decode", (Object) pgBody('D', 7));
        List<?> columns = (List<?>) call(record, "columns");
        assertNull(columns.get(1));
    }
}
