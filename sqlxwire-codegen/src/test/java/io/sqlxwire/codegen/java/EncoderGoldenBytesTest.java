package io.sqlxwire.codegen.java;

import static io.sqlxwire.codegen.java.EncoderHarness.call;
import static io.sqlxwire.codegen.java.EncoderHarness.framed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated encoders write exactly the bytes real clients and servers sent: messages are cut out
 * of captured conversations ({@code /work/shared/captures}) and re-encoded from their values.
 */
class EncoderGoldenBytesTest {

    static final Path CAPTURES = Path.of("/work/shared/captures/conv");

    static EncoderHarness pg;
    static List<byte[]> psqlClient;
    static List<byte[]> psqlServer;
    static List<byte[]> extendedClient;

    @BeforeAll
    static void compile() throws IOException {
        pg = new EncoderHarness("postgresql.wire");
        byte[][] psql = EncoderHarness.streams(CAPTURES.resolve("local/pg-psql-scram-simple.conv"));
        psqlClient = EncoderHarness.pgFrames(psql[0], true);
        psqlServer = EncoderHarness.pgFrames(psql[1], false);
        // pg-psycopg2-extended.conv holds simple queries only (psycopg2 does not use the extended
        // protocol); this nDPI capture has Parse/Bind/Describe/Execute/Sync from a real client.
        byte[][] extended = EncoderHarness.streams(CAPTURES.resolve("third-party/postgresql/ndpi-pgsql.0.conv"));
        extendedClient = EncoderHarness.pgFrames(extended[0], true);
    }

    private static Object encoder(String name) {
        return pg.make("Pg" + name + "Encoder");
    }

    private static byte[] taggedFrame(char tag, java.util.function.Consumer<io.sqlxwire.runtime.buffer.WireWriter> body) {
        Object frame = pg.make("PgTaggedFrameEncoder");
        return framed(frame, out -> call(frame, "tag", (int) tag), body);
    }

    @Test
    void startupMessage() {
        Object frame = pg.make("PgUntaggedFrameEncoder");
        byte[] bytes = framed(frame, out -> { }, out -> {
            Object m = encoder("StartupMessage");
            call(m, "wrap", out);
            call(m, "protocolMinor", 0);
            for (String[] p : new String[][] {{"user", "app"}, {"database", "appdb"}, {"application_name", "psql"}}) {
                Object parameter = call(m, "parametersAdd");
                call(parameter, "name", p[0]);
                call(parameter, "value", p[1]);
            }
            call(m, "finish");
        });
        assertArrayEquals(psqlClient.get(0), bytes);
    }

    @Test
    void query() {
        byte[] bytes = taggedFrame('Q', out -> {
            Object m = encoder("Query");
            call(call(m, "wrap", out), "sql", "select 1 as one, 'two' as two, null::int as nothing");
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(psqlClient, 'Q', 0), bytes);
    }

    @Test
    void rowDescription() {
        Object[][] fields = {{"one", 23L, 4}, {"two", 25L, -1}, {"nothing", 23L, 4}};
        byte[] bytes = taggedFrame('T', out -> {
            Object m = encoder("RowDescription");
            call(m, "wrap", out);
            for (Object[] f : fields) {
                Object field = call(m, "fieldsAdd");
                call(field, "name", f[0]);
                call(field, "tableOid", 0L);
                call(field, "columnAttribute", 0);
                call(field, "typeOid", f[1]);
                call(field, "typeSize", f[2]);
                call(field, "typeModifier", -1);
                call(field, "format", 0);
            }
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(psqlServer, 'T', 0), bytes);
    }

    @Test
    void dataRowWithNull() {
        byte[] bytes = taggedFrame('D', out -> {
            Object m = encoder("DataRow");
            call(m, "wrap", out);
            call(m, "columnsAdd", "1".getBytes(StandardCharsets.US_ASCII));
            call(m, "columnsAdd", "two".getBytes(StandardCharsets.US_ASCII));
            call(m, "columnsAddNull");
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(psqlServer, 'D', 0), bytes);
    }

    @Test
    void commandCompleteAndReadyForQuery() {
        byte[] complete = taggedFrame('C', out -> {
            Object m = encoder("CommandComplete");
            call(call(m, "wrap", out), "commandTag", "SELECT 1");
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(psqlServer, 'C', 0), complete);
        byte[] ready = taggedFrame('Z', out -> {
            Object m = encoder("ReadyForQuery");
            call(call(m, "wrap", out), "status", (int) 'I');
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(psqlServer, 'Z', 0), ready);
    }

    @Test
    void parseBindDescribeExecuteSync() {
        byte[] parse = taggedFrame('P', out -> {
            Object m = encoder("Parse");
            call(m, "wrap", out);
            call(m, "statement", "");
            call(m, "query", "begin");
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(extendedClient, 'P', 0), parse);

        byte[] bind = taggedFrame('B', out -> {
            Object m = encoder("Bind");
            call(m, "wrap", out);
            call(m, "portal", "");
            call(m, "statement", "4");
            call(m, "parameterFormatsAdd", 0);
            call(m, "parameterValuesAdd", "ams".getBytes(StandardCharsets.US_ASCII));
            call(m, "resultFormatsAdd", 1);
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(extendedClient, 'B', 3), bind);

        byte[] describe = taggedFrame('D', out -> {
            Object m = encoder("Describe");
            call(m, "wrap", out);
            call(m, "kind", (int) 'P');
            call(m, "name", "");
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(extendedClient, 'D', 0), describe);

        byte[] execute = taggedFrame('E', out -> {
            Object m = encoder("Execute");
            call(m, "wrap", out);
            call(m, "portal", "");
            call(m, "maxRows", 0);
            call(m, "finish");
        });
        assertArrayEquals(EncoderHarness.pgFrame(extendedClient, 'E', 0), execute);

        byte[] sync = taggedFrame('S', out -> call(call(encoder("Sync"), "wrap", out), "finish"));
        assertArrayEquals(EncoderHarness.pgFrame(extendedClient, 'S', 0), sync);
    }

    @Test
    void tagConstantsMatchTheWireFile() throws ReflectiveOperationException {
        Class<?> query = pg.loader.loadClass("io.sqlxwire.protocols.postgresql.PgQueryEncoder");
        org.junit.jupiter.api.Assertions.assertEquals((int) 'Q', query.getField("TAG").getInt(null));
    }
}
