package io.sqlxwire.examples.myclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The command line, against the real MariaDB. */
@ExtendWith(MariaDbServer.class)
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] connect(String sql) {
        return new String[] {"--host", "127.0.0.1", "--port", Integer.toString(MariaDbServer.port()),
            "--user", MariaDbServer.USER, "--password", MariaDbServer.PASSWORD, "-e", sql};
    }

    @Test
    void printsEachResultAsTabSeparatedLines() {
        int status = run(connect("SELECT 1 AS one, 'två' AS two, NULL AS three, x'CAFE' AS four;"
                + " DO 1; SELECT 2 AS n UNION ALL SELECT 3"));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("""
                one\ttwo\tthree\tfour
                1\ttvå\tNULL\t0xcafe
                (1 row)
                Query OK, 0 rows affected
                n
                2
                3
                (2 rows)
                """, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void printsTheServersErrorAndFails() {
        int status = run(connect("SELECT * FROM sqlxwire.no_such_table"));
        assertEquals(1, status);
        assertEquals("ERROR 1146 (42S02): Table 'sqlxwire.no_such_table' doesn't exist\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void rejectsAnIncompleteCommandLine() {
        assertEquals(2, run("--host", "127.0.0.1", "--user", "u"));
        assertEquals(2, run("--port"));
    }
}
