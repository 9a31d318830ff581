package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import io.sqlxwire.runtime.error.ProtocolStateException;
import org.junit.jupiter.api.Test;

class MachineGeneratorTest {

    private static final Map<String, ClassLoader> COMPILED = new ConcurrentHashMap<>();

    private static ClassLoader compiled(String file) {
        ProtocolModel model = ConversationFixtures.model(file);
        ConversationFixtures.assumeDecodersCompile(model);
        return COMPILED.computeIfAbsent(file, f -> InMemoryCompiler.compile(ConversationFixtures.conversation(model)));
    }

    private static List<String> run(ClassLoader loader, String pkg, String stem, String client, String server,
                                    String capture) throws Throwable {
        ConversationRunner runner = new ConversationRunner(loader, pkg, stem, client, server);
        for (ConversationFixtures.Segment segment : ConversationFixtures.capture(capture)) {
            try {
                runner.feed(segment.fromClient(), segment.bytes(), 0, segment.bytes().length);
            } catch (Throwable e) {
                throw new AssertionError("after " + runner.calls + ": " + e, e);
            }
        }
        return runner.calls;
    }

    @Test
    void postgresqlScramSimpleQuery() throws Throwable {
        ClassLoader loader = compiled("postgresql.wire");
        List<String> calls = run(loader, "io.sqlxwire.protocols.postgresql", "Pg", "frontend", "backend",
                "pg-psql-scram-simple.conv");
        assertEquals(PG_SCRAM_SIMPLE, calls);
    }

    /** What psql and the server said, as tshark reads the capture (the states are the machine's). */
    static final List<String> PG_SCRAM_SIMPLE = concat(
            List.of("StartupMessage@Authenticating",
                    // AuthenticationSASL, SASLContinue, SASLFinal, Ok with the SCRAM messages between them
                    "Authentication@Authenticating", "SASLInitialResponse@Authenticating",
                    "Authentication@Authenticating", "SASLResponse@Authenticating",
                    "Authentication@Authenticating", "Authentication@Authenticating"),
            times(13, "ParameterStatus@Authenticating"),
            List.of("BackendKeyData@Authenticating", "ReadyForQuery@Idle",
                    "Query@SimpleQuery", "RowDescription@SimpleQuery", "DataRow@SimpleQuery",
                    "CommandComplete@SimpleQuery", "ReadyForQuery@Idle",
                    "Query@SimpleQuery", "RowDescription@SimpleQuery"),
            times(20, "DataRow@SimpleQuery"),
            List.of("CommandComplete@SimpleQuery", "ReadyForQuery@Idle",
                    "Query@SimpleQuery", "ErrorResponse@SimpleQuery", "ReadyForQuery@Idle",
                    "Terminate@Closed"));

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    static List<String> times(int n, String call) {
        return java.util.Collections.nCopies(n, call);
    }

    /** The same conversation with every segment cut again at random places: the same calls, the same states. */
    @Property(tries = 40)
    void postgresqlWhateverTheChunking(@ForAll Random random) throws Throwable {
        ClassLoader loader = compiled("postgresql.wire");
        ConversationRunner runner = new ConversationRunner(loader, "io.sqlxwire.protocols.postgresql", "Pg", "frontend",
                "backend");
        feedRechunked(runner, "pg-psql-scram-simple.conv", random);
        assertEquals(PG_SCRAM_SIMPLE, runner.calls);
        assertEquals(0, runner.buffered(true) + runner.buffered(false), "every byte was a whole frame");
    }

    @Test
    void aMessageTheStateDoesNotAllowIsAProtocolError() throws Throwable {
        ClassLoader loader = compiled("postgresql.wire");
        ConversationRunner runner = new ConversationRunner(loader, "io.sqlxwire.protocols.postgresql", "Pg", "frontend",
                "backend");
        List<ConversationFixtures.Segment> segments = ConversationFixtures.capture("pg-psql-scram-simple.conv");
        int i = 0;
        while (!runner.calls.contains("ReadyForQuery@Idle")) {
            ConversationFixtures.Segment segment = segments.get(i++);
            runner.feed(segment.fromClient(), segment.bytes(), 0, segment.bytes().length);
        }
        // A DataRow ('D', one NULL column) while Idle: only a query's answer may carry rows.
        byte[] dataRow = HexFormat.of().parseHex("440000000a0001ffffffff");
        ProtocolStateException e = assertThrows(ProtocolStateException.class, () -> runner.feed(false, dataRow, 0, dataRow.length));
        assertEquals("Idle", e.state());
        assertTrue(e.getMessage().contains("DataRow"), e.getMessage());
        assertTrue(e.getMessage().contains("not allowed in state Idle"), e.getMessage());
        assertTrue(e.getMessage().contains("ErrorResponse"), "lists what Idle allows: " + e.getMessage());
        assertEquals("Idle", runner.state().toString(), "a rejected message leaves the state as it was");
    }

    /**
     * PyMySQL against MariaDB: two statements answered by OK, a SELECT of 6 columns and 49 rows
     * (column definitions ended by EOF, rows by EOF: no CLIENT_DEPRECATE_EOF), two more OKs, quit.
     */
    static final List<String> MY_PYMYSQL = concat(
            List.of("HandshakeV10@Handshaking", "HandshakeResponse41@Authenticating", "OkPacket@Idle",
                    "ComQuery@AwaitingResult", "OkPacket@Idle",
                    "ComQuery@AwaitingResult", "ResultSetHeader@ColumnDefinitions"),
            times(6, "ColumnDefinition41@ColumnDefinitions"),
            List.of("EofPacket@Rows"),
            times(49, "TextResultsetRow@Rows"),
            List.of("EofPacket@Idle",
                    "ComQuery@AwaitingResult", "OkPacket@Idle",
                    "ComQuery@AwaitingResult", "OkPacket@Idle",
                    "ComQuit@Closed"));

    @Test
    void mysqlPyMysqlQueries() throws Throwable {
        ClassLoader loader = compiled("mysql.wire");
        assertEquals(MY_PYMYSQL, run(loader, "io.sqlxwire.protocols.mysql", "My", "client", "server", "my-pymysql.conv"));
    }

    @Property(tries = 20)
    void mysqlWhateverTheChunking(@ForAll Random random) throws Throwable {
        ClassLoader loader = compiled("mysql.wire");
        ConversationRunner runner = new ConversationRunner(loader, "io.sqlxwire.protocols.mysql", "My", "client", "server");
        feedRechunked(runner, "my-pymysql.conv", random);
        assertEquals(MY_PYMYSQL, runner.calls);
    }

    private static void feedRechunked(ConversationRunner runner, String capture, Random random) throws Throwable {
        for (ConversationFixtures.Segment segment : ConversationFixtures.capture(capture)) {
            byte[] bytes = segment.bytes();
            int at = 0;
            while (at < bytes.length) {
                int piece = 1 + random.nextInt(Math.min(bytes.length - at, random.nextBoolean() ? 3 : 200));
                runner.feed(segment.fromClient(), bytes, at, piece);
                at += piece;
            }
        }
    }
}
