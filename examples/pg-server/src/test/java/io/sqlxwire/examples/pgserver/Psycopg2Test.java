package io.sqlxwire.examples.pgserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** psycopg2 (Python's libpq driver) against the server, run by the system Python. */
class Psycopg2Test {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.scram();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final String SCRIPT = String.join("\n",
            "import os, sys, datetime, decimal, psycopg2",
            "conn = psycopg2.connect(host='127.0.0.1', port=int(os.environ['PORT']), user=os.environ['PGUSER'],",
            "                        password=os.environ['PGPASSWORD'], dbname='test', sslmode='disable')",
            "cur = conn.cursor()",
            "cur.execute('create table people (id int primary key, name varchar(40), born date, score numeric(5,1), active boolean)')",
            "cur.executemany('insert into people values (%s, %s, %s, %s, %s)', [",
            "    (1, 'Ada', datetime.date(1815, 12, 10), decimal.Decimal('99.5'), True),",
            "    (2, \"O'Brien\", None, decimal.Decimal('-1.0'), False)])",
            "conn.commit()",
            "cur.execute(\"update people set score = score + 1 where id = %s returning name, score\", (2,))",
            "print(cur.rowcount, cur.fetchone())",
            "cur.execute('select id, name, born, score, active from people where id >= %s order by id', (1,))",
            "for row in cur.fetchall():",
            "    print(repr(row))",
            "print(cur.description[1].name, cur.description[1].type_code)",
            "try:",
            "    cur.execute('select * from nowhere')",
            "except psycopg2.Error as e:",
            "    print('error', e.pgcode, type(e).__name__)",
            "    conn.rollback()",
            "cur.execute('select count(*) from people')",
            "print(cur.fetchone()[0])",
            "conn.close()");

    @Test
    void parametersFetchallAndAnError() throws Exception {
        TestServer.ProcessResult r = TestServer.run(List.of("/usr/bin/python3", "-c", SCRIPT),
                Map.of("PORT", String.valueOf(server.port()), "PGUSER", TestServer.USER, "PGPASSWORD", TestServer.PASSWORD),
                null);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(
                "1 (\"O'Brien\", Decimal('0.0'))",
                "(1, 'Ada', datetime.date(1815, 12, 10), Decimal('99.5'), True)",
                "(2, \"O'Brien\", None, Decimal('0.0'), False)",
                "name 1043",
                "error 42P01 UndefinedTable",
                "2"), r.stdout().lines().toList());
    }
}
