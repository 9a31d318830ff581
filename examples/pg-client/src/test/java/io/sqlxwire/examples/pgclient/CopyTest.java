package io.sqlxwire.examples.pgclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.util.Collections;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/** COPY FROM STDIN and COPY TO STDOUT, checked with pgjdbc's own COPY support. */
@ExtendWith(PostgresExtension.class)
class CopyTest {
    private static PgConnection pg;
    private static Connection jdbc;

    @BeforeAll
    static void connect(EmbeddedPostgres server) throws Exception {
        pg = PostgresExtension.connectScram(server);
        jdbc = server.jdbc(EmbeddedPostgres.SCRAM_USER, EmbeddedPostgres.SCRAM_PASSWORD);
        pg.simpleQuery("drop table if exists copied; create table copied(id int primary key, name text, amount numeric)");
    }

    @AfterAll
    static void close() throws Exception {
        pg.simpleQuery("drop table copied");
        pg.close();
        jdbc.close();
    }

    @Test
    void copyInTextAndCsvThenCopyOutAsPgjdbcDoes() throws Exception {
        pg.simpleQuery("truncate copied");
        String text = "1\tone\t1.50\n2\t\\N\t-3\n3\ttab\\there\t0\n";
        assertEquals(3, pg.copyIn("copy copied from stdin", new ByteArrayInputStream(text.getBytes(UTF_8))));
        String csv = "id,name,amount\n4,\"comma, quoted\",4.25\n5,ünï,5\n";
        assertEquals(2, pg.copyIn("copy copied from stdin (format csv, header true)", new ByteArrayInputStream(csv.getBytes(UTF_8))));

        for (String copy : new String[] {"copy (select * from copied order by id) to stdout",
                "copy (select * from copied order by id) to stdout (format csv)",
                "copy (select * from copied order by id) to stdout (format binary)"}) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            assertEquals(5, pg.copyOut(copy, ours), copy);
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            assertEquals(5, jdbc.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, theirs), copy);
            assertArrayEquals(theirs.toByteArray(), ours.toByteArray(), copy);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pg.copyOut("copy (select * from copied order by id) to stdout", out);
        assertEquals(text + "4\tcomma, quoted\t4.25\n5\tünï\t5\n", out.toString(UTF_8));
    }

    @Test
    void copyInManyRowsInManyChunks() throws Exception {
        pg.simpleQuery("create temp table bulk(n int, label text)");
        int rows = 200_000;
        // One InputStream per row: the client reads it in 64 KiB chunks and sends CopyData as it goes.
        InputStream data = new SequenceInputStream(Collections.enumeration(IntStream.rangeClosed(1, rows)
                .mapToObj(i -> (InputStream) new ByteArrayInputStream((i + "\tlabel " + i + "\n").getBytes(UTF_8)))
                .toList()));
        assertEquals(rows, pg.copyIn("copy bulk from stdin", data));
        QueryResult check = pg.simpleQuery("select count(*), sum(n), max(label) from bulk").get(0);
        assertEquals("200000", check.text(0, 0));
        assertEquals("20000100000", check.text(0, 1));
        assertEquals("label 99999", check.text(0, 2));
        pg.simpleQuery("drop table bulk");
    }

    /**
     * The server fails in the middle of COPY TO STDOUT: CopyData, CopyData, ErrorResponse,
     * ReadyForQuery. The ErrorResponse ends copy mode in postgresql.wire's machine, so the
     * ReadyForQuery is accepted and the session goes on.
     */
    @Test
    void anErrorDuringCopyOutEndsTheCopyAndTheSessionGoesOn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PgServerException divide = assertThrows(PgServerException.class,
                () -> pg.copyOut("copy (select 1 / (i - 3) from generate_series(1, 5) i) to stdout", out));
        assertEquals("22012", divide.sqlState());
        assertEquals("0\n-1\n", out.toString(UTF_8));   // 1/(1-3) and 1/(2-3), before the failing row
        assertEquals("1", pg.simpleQuery("select 1").get(0).text(0, 0));
    }

    @Test
    void badCopyDataIsAnErrorAndTheSessionGoesOn() throws Exception {
        PgServerException bad = assertThrows(PgServerException.class, () -> pg.copyIn("copy copied from stdin",
                new ByteArrayInputStream("100\tok\t1\nnot-a-number\tx\t1\n".getBytes(UTF_8))));
        assertEquals("22P02", bad.sqlState());
        assertTrue(bad.fields().get('W').contains("COPY copied, line 2"), bad.fields().toString());

        PgServerException noTable = assertThrows(PgServerException.class,
                () -> pg.copyIn("copy no_such_table from stdin", InputStream.nullInputStream()));
        assertEquals("42P01", noTable.sqlState());

        // COPY FROM STDIN through simpleQuery has no data to send: the client answers CopyFail.
        PgServerException failed = assertThrows(PgServerException.class, () -> pg.simpleQuery("copy copied from stdin"));
        assertEquals("57014", failed.sqlState());
        assertTrue(failed.serverMessage().contains("COPY from stdin failed"), failed.serverMessage());

        assertEquals("0", pg.simpleQuery("select count(*) from copied where id = 100").get(0).text(0, 0));
    }
}
