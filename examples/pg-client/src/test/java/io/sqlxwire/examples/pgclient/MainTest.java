package io.sqlxwire.examples.pgclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The command line, run in-process against the embedded server. */
@ExtendWith(PostgresExtension.class)
class MainTest {
    private static EmbeddedPostgres server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void server(EmbeddedPostgres postgres) {
        server = postgres;
    }

    private int run(String... extra) {
        String[] base = {"--host", EmbeddedPostgres.HOST, "--port", Integer.toString(server.port()),
            "--user", EmbeddedPostgres.SCRAM_USER, "--password", EmbeddedPostgres.SCRAM_PASSWORD,
            "--database", EmbeddedPostgres.DATABASE};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    @Test
    void printsResultsAsTables() {
        assertEquals(0, run("-c", "select 1 as id, 'one' as name, null::int as nothing union all select 20, 'twenty', 3",
                "-c", "create temp table t(x int); drop table t"));
        assertEquals(String.join("\n",
                " id |  name  | nothing",
                "----+--------+---------",
                "  1 | one    |    NULL",
                " 20 | twenty |       3",
                "(2 rows)",
                "CREATE TABLE",
                "DROP TABLE",
                ""), out.toString(UTF_8));
        assertEquals("", err.toString(UTF_8));
    }

    @Test
    void binaryResultsAreDecodedByTheClient() {
        assertEquals(0, run("--binary", "-c", "select 2.50::numeric as n, '\\x0aff'::bytea as b, date '2026-11-22' as d"));
        assertEquals(String.join("\n",
                "  n   |   b    |     d",
                "------+--------+------------",
                " 2.50 | \\x0aff | 2026-11-22",
                "(1 row)",
                ""), out.toString(UTF_8));
    }

    @Test
    void serverErrorsGoToStandardErrorWithExitStatus1() {
        assertEquals(1, run("-c", "select * from no_such_table", "-c", "select 1"));
        assertEquals("ERROR 42P01: relation \"no_such_table\" does not exist\nat character 15\n", err.toString(UTF_8));
        assertEquals("", out.toString(UTF_8));
    }

    @Test
    void badArgumentsAndUnreachableServersExitWith2() {
        assertEquals(2, Main.run(new String[] {"--user"}, new PrintStream(out), new PrintStream(err, true, UTF_8)));
        assertTrue(err.toString(UTF_8).startsWith("pg-client: --user needs a value\nusage: "), err.toString(UTF_8));
        err.reset();
        assertEquals(2, Main.run(new String[] {"--host", "127.0.0.1", "--port", "1", "--user", "x", "-c", "select 1"},
                new PrintStream(out), new PrintStream(err, true, UTF_8)));
        assertTrue(err.toString(UTF_8).startsWith("pg-client: 127.0.0.1:1: "), err.toString(UTF_8));
    }
}
