package io.sqlxwire.examples.pgserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** psql (libpq, PostgreSQL 15's client) against the server. */
class PsqlTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.scram();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestServer.ProcessResult psql(String sslmode, String... commands) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", String.valueOf(server.port()), "-U", TestServer.USER, "-d", "test"));
        for (String c : commands) {
            command.add("-c");
            command.add(c);
        }
        return TestServer.run(command, Map.of("PGPASSWORD", TestServer.PASSWORD, "PGSSLMODE", sslmode,
                "PGCONNECT_TIMEOUT", "10"), null);
    }

    @Test
    void commandsRunAndPrintWhatH2Holds() throws Exception {
        TestServer.ProcessResult r = psql("disable",
                "create table fruit (id int primary key, name varchar(20), price numeric(6,2), ripe boolean)",
                "insert into fruit values (1, 'apple', 1.50, true), (2, 'pear', 0.75, false), (3, 'plum', null, null)",
                "select id, name, price, ripe from fruit order by id",
                "update fruit set price = price * 2 where id < 3");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("CREATE TABLE", "INSERT 0 3", "1|apple|1.50|t", "2|pear|0.75|f", "3|plum||", "UPDATE 2"),
                r.stdout().lines().toList());
        try (Connection h2 = server.h2(); ResultSet rs = h2.createStatement().executeQuery("select price from fruit where id = 1")) {
            assertTrue(rs.next());
            assertEquals(new java.math.BigDecimal("3.00"), rs.getBigDecimal(1));
        }
    }

    @Test
    void multipleStatementsInOneQueryAndTransactions() throws Exception {
        TestServer.ProcessResult r = psql("disable",
                "create table notes (n int); begin; insert into notes values (1); rollback;"
                        + " begin; insert into notes values (2); commit; select count(*), max(n) from notes",
                "select 'a;b' as semicolon_in_literal, $$x;y$$ as dollar; -- trailing; comment");
        assertEquals(0, r.exitCode(), r.stderr());
        // psql 15 prints the outcome of every statement of a multi-statement query.
        assertEquals(List.of("CREATE TABLE", "BEGIN", "INSERT 0 1", "ROLLBACK", "BEGIN", "INSERT 0 1", "COMMIT",
                "1|2", "a;b|x;y"), r.stdout().lines().toList());
    }

    @Test
    void errorsStopTheScriptWithTheMessage() throws Exception {
        TestServer.ProcessResult r = psql("disable", "select 1", "select * from no_such_table", "select 2");
        assertNotEquals(0, r.exitCode());
        assertEquals(List.of("1"), r.stdout().lines().toList());
        assertTrue(r.stderr().contains("ERROR:") && r.stderr().contains("no_such_table"), r.stderr());
    }

    @Test
    void startupSettingsAndShow() throws Exception {
        TestServer.ProcessResult r = psql("disable", "show server_version", "show client_encoding", "show DateStyle",
                "set application_name = 'psql-test'", "show application_name");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("15.0", "UTF8", "ISO, MDY", "SET", "psql-test"), r.stdout().lines().toList());
    }

    @Test
    void transactionControlWarningsAsPostgresql() throws Exception {
        TestServer.ProcessResult r = psql("disable", "commit", "begin; begin; rollback");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("WARNING:  there is no transaction in progress", "WARNING:  there is already a transaction in progress"),
                r.stderr().lines().toList());
    }

    @Test
    void wrongPasswordFails() throws Exception {
        List<String> command = List.of("/usr/bin/psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(server.port()),
                "-U", TestServer.USER, "-d", "test", "-c", "select 1");
        TestServer.ProcessResult r = TestServer.run(command, Map.of("PGPASSWORD", "wrong", "PGSSLMODE", "disable"), null);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("password authentication failed"), r.stderr());
    }

    @Test
    void tlsWithSslmodeRequire(@TempDir Path dir) throws Exception {
        Path store = TestServer.selfSignedKeyStore(dir, "changeit");
        try (TestServer tls = new TestServer(PgServerConfig.AuthMethod.SCRAM_SHA_256,
                TlsContexts.fromKeyStore(store, "changeit".toCharArray()), 5, java.time.Duration.ofSeconds(30))) {
            List<String> command = List.of("/usr/bin/psql", "-X", "-A", "-t", "-h", "127.0.0.1", "-p",
                    String.valueOf(tls.port()), "-U", TestServer.USER, "-d", "test", "-c", "select 'over tls'");
            TestServer.ProcessResult r = TestServer.run(command,
                    Map.of("PGPASSWORD", TestServer.PASSWORD, "PGSSLMODE", "require"), null);
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("over tls", r.stdout().strip());
        }
    }
}
