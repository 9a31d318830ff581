package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mariadb CLI and PyMySQL against the server. */
class CommandLineClientsTest {
    @TempDir
    static Path dir;
    static MyServer nativeServer;
    static MyServer sha2Server;

    @BeforeAll
    static void start() throws Exception {
        var tls = TestServers.tls(TestServers.keyStore(dir));
        nativeServer = TestServers.start(AuthPlugin.MYSQL_NATIVE_PASSWORD, tls);
        sha2Server = TestServers.start(AuthPlugin.CACHING_SHA2_PASSWORD, tls);
    }

    @AfterAll
    static void stop() throws Exception {
        nativeServer.close();
        sha2Server.close();
    }

    @Test
    void mariadbCliTextProtocolWithoutTls() throws Exception {
        TestServers.Result r = TestServers.mariadb(nativeServer, String.join(" ",
                "create table cli(id int auto_increment primary key, name varchar(20) not null, price decimal(8,2),",
                "  at timestamp, flag boolean);",
                "insert into cli(name, price, at, flag) values ('one', 1.50, '2024-01-31 12:00:00', true),",
                "  ('two', null, null, false);",
                "select id, name, price, at, flag from cli order by id;",
                "select @@version_comment limit 1;"), "--skip-ssl");
        assertEquals(0, r.exit(), r.output());
        assertEquals(String.join("\n",
                "id\tname\tprice\tat\tflag",
                "1\tone\t1.50\t2024-01-31 12:00:00.000000\t1",
                "2\ttwo\tNULL\tNULL\t0",
                "@@version_comment",
                "SQLxWire example server (H2 in MySQL mode)", ""), r.output());
        assertTrue(nativeServer.authPaths().nativePasswordCount() > 0);
    }

    @Test
    void mariadbCliErrorsCarryMysqlNumbersAndSqlStates() throws Exception {
        TestServers.Result r = TestServers.mariadb(nativeServer, "select * from no_such_table", "--skip-ssl");
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("ERROR 1146 (42S02)"), r.output());
        r = TestServers.mariadb(nativeServer, "selec 1", "--skip-ssl");
        assertTrue(r.output().contains("ERROR 1064 (42000)"), r.output());
        r = TestServers.mariadb(nativeServer, "create table dup(id int primary key); insert into dup values (1);"
                + " insert into dup values (1)", "--skip-ssl");
        assertTrue(r.output().contains("ERROR 1062 (23000)"), r.output());
    }

    @Test
    void mariadbCliPromptStatements() throws Exception {
        TestServers.Result r = TestServers.mariadb(nativeServer,
                "create table described(id int not null, label varchar(8)); describe described;"
                        + " select database(); select connection_id()", "--skip-ssl");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("field\ttype\tNULL\tkey\tdefault\nid\tINTEGER\tNO"), r.output());
        assertTrue(r.output().contains("DATABASE()\npublic\n"), r.output());
        assertTrue(r.output().matches("(?s).*CONNECTION_ID\\(\\)\n[1-9][0-9]*\n"), r.output());
        r = TestServers.mariadb(nativeServer, "select no_such_function()", "--skip-ssl");
        assertTrue(r.output().contains("ERROR 1305 (42000)"), r.output());
    }

    @Test
    void mariadbCliWrongPasswordIsAccessDenied() throws Exception {
        TestServers.Result r = TestServers.run(java.util.List.of("/usr/bin/mariadb", "-h", "127.0.0.1", "-P",
                String.valueOf(nativeServer.port()), "-u", TestServers.USER, "-pwrong", "--skip-ssl", "-e", "select 1"), 60);
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("ERROR 1045 (28000)"), r.output());
    }

    @Test
    void mariadbCliOverTls() throws Exception {
        TestServers.Result r = TestServers.mariadb(nativeServer, "select 'secure' as s", "--ssl",
                "--ssl-verify-server-cert=0");
        assertEquals(0, r.exit(), r.output());
        assertEquals("s\nsecure\n", r.output());
    }

    /** caching_sha2_password with the mariadb CLI: full authentication over TLS, then the fast path. */
    @Test
    void mariadbCliCachingSha2OverTlsThenFastPath() throws Exception {
        long tlsBefore = sha2Server.authPaths().sha2FullTlsCount();
        TestServers.Result r = TestServers.mariadb(sha2Server, "select 1 as one", "--ssl", "--ssl-verify-server-cert=0");
        assertEquals(0, r.exit(), r.output());
        assertEquals("one\n1\n", r.output());
        assertTrue(sha2Server.authPaths().sha2FullTlsCount() > tlsBefore
                || sha2Server.authPaths().sha2FastCount() > 0, sha2Server.authPaths().toString());
        long fastBefore = sha2Server.authPaths().sha2FastCount();
        r = TestServers.mariadb(sha2Server, "select 2 as two", "--skip-ssl");
        assertEquals(0, r.exit(), r.output());
        assertEquals(fastBefore + 1, sha2Server.authPaths().sha2FastCount(), sha2Server.authPaths().toString());
    }

    /** libmariadb's caching_sha2_password without TLS asks for the RSA key on its own. */
    @Test
    void mariadbCliCachingSha2WithRsa() throws Exception {
        MyServer fresh = TestServers.start(AuthPlugin.CACHING_SHA2_PASSWORD, null);
        try {
            TestServers.Result r = TestServers.mariadb(fresh, "select 'rsa' as path", "--skip-ssl");
            assertEquals(0, r.exit(), r.output());
            assertEquals("path\nrsa\n", r.output());
            assertEquals(1, fresh.authPaths().sha2FullRsaCount(), fresh.authPaths().toString());
        } finally {
            fresh.close();
        }
    }

    @Test
    void pymysqlTextQueriesTransactionsAndErrors() throws Exception {
        String program = String.join("\n",
                "import sys, pymysql",
                "c = pymysql.connect(host=sys.argv[1], port=int(sys.argv[2]), user=sys.argv[3], password=sys.argv[4])",
                "cur = c.cursor()",
                "cur.execute('create table py(id int auto_increment primary key, name varchar(10), n bigint)')",
                "cur.execute('insert into py(name, n) values (%s, %s)', ('a', 1))",
                "print('lastrowid', cur.lastrowid)",
                "c.rollback()",   // autocommit is off in PyMySQL: the insert is undone
                "cur.execute('select count(*) from py')",
                "print('after rollback', cur.fetchone()[0])",
                "cur.execute('insert into py(name, n) values (%s, %s)', ('b', 2))",
                "c.commit()",
                "cur.execute('select name, n from py')",
                "print('rows', cur.fetchall())",
                "try:",
                "    cur.execute('select * from missing')",
                "except pymysql.err.ProgrammingError as e:",
                "    print('error', e.args[0])",
                "c.close()");
        TestServers.Result r = TestServers.python(nativeServer, program);
        assertEquals(0, r.exit(), r.output());
        assertEquals("lastrowid 1\nafter rollback 0\nrows (('b', 2),)\nerror 1146\n", r.output());
    }

    /** PyMySQL's caching_sha2_password over plain TCP: the RSA exchange (with its cryptography package). */
    @Test
    void pymysqlCachingSha2WithRsa() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestServers.pythonHasCryptography(),
                "python3-cryptography is not installed (bin/ensure-test-clients installs only python3-pymysql)");
        MyServer fresh = TestServers.start(AuthPlugin.CACHING_SHA2_PASSWORD, null);
        try {
            String program = String.join("\n",
                    "import sys, pymysql",
                    "for i in range(2):",
                    "    c = pymysql.connect(host=sys.argv[1], port=int(sys.argv[2]), user=sys.argv[3], password=sys.argv[4])",
                    "    cur = c.cursor()",
                    "    cur.execute('select %s', ('hello',))",
                    "    print(cur.fetchone()[0])",
                    "    c.close()");
            TestServers.Result r = TestServers.python(fresh, program);
            assertEquals(0, r.exit(), r.output());
            assertEquals("hello\nhello\n", r.output());
            assertEquals(1, fresh.authPaths().sha2FullRsaCount(), fresh.authPaths().toString());
            assertEquals(1, fresh.authPaths().sha2FastCount(), fresh.authPaths().toString());
        } finally {
            fresh.close();
        }
    }
}
