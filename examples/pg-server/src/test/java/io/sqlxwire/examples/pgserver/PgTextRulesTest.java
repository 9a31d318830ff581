package io.sqlxwire.examples.pgserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.bridge.SqlFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL-text rules: statement splitting, compatibility statements, settings, command-line options. */
class PgTextRulesTest {
    @Test
    void splitsAtSemicolonsInCodeOnly() {
        assertEquals(List.of("select 1", "select 'a;b'", "select $t$;$t$", "select \"x;y\"", "select E'\\';'"),
                PgStatementSplitter.split("select 1; select 'a;b';select $t$;$t$ ;select \"x;y\"; select E'\\';'"));
        assertEquals(List.of("select 1 /* ; /* nested ; */ */"), PgStatementSplitter.split("select 1 /* ; /* nested ; */ */ ; -- ;"));
        assertEquals(List.of(), PgStatementSplitter.split(" ; ;\n -- only a comment"));
        assertEquals(List.of("select $1"), PgStatementSplitter.split("select $1"));
    }

    private static PgCompatibility.Outcome run(String sql, PgSettings settings) throws SqlFailure {
        PgCompatibility.Statement statement = PgCompatibility.match(sql);
        assertNotNull(statement, sql);
        return statement.action().run(settings);
    }

    @Test
    void compatibilityStatements() throws SqlFailure {
        PgSettings settings = new PgSettings("alice");
        assertEquals(new PgCompatibility.Outcome(List.of(), "SET", List.of("application_name")),
                run("SET application_name = 'it''s me';", settings));
        assertEquals("it's me", settings.get("APPLICATION_NAME"));
        assertEquals(List.of(), run("set extra_float_digits to 3", settings).changedParameters());
        assertEquals("3", settings.get("extra_float_digits"));
        assertEquals(List.of(List.of("read committed")), run("SHOW TRANSACTION ISOLATION LEVEL", settings).rows());
        assertEquals(List.of(List.of("ISO, MDY")), run("show datestyle", settings).rows());
        assertEquals("SET", run("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE", settings).tag());
        assertEquals("SET", run("set time zone 'Europe/Paris'", settings).tag());
        assertEquals("UTC", settings.get("TimeZone"), "values are always shown in UTC, so the zone stays UTC");
        assertTrue(run("select version()", settings).rows().get(0).get(0).startsWith("PostgreSQL 15.0"));
        assertEquals(List.of(List.of("UTF8")), run("SELECT current_setting('client_encoding')", settings).rows());
        assertEquals("DISCARD ALL", run("discard all", settings).tag());
        assertEquals("22023", assertThrows(SqlFailure.class, () -> run("set client_encoding = 'LATIN1'", settings)).error().sqlState());
        assertEquals("42704", assertThrows(SqlFailure.class, () -> run("show nothing_like_this", settings)).error().sqlState());
        run("set application_name = 'semi' ; ", settings);
        assertEquals("semi", settings.get("application_name"));
        long start = System.nanoTime();
        assertNull(PgCompatibility.match("show a" + " ".repeat(200_000) + "x" + " ".repeat(200_000) + ";"));
        assertNotNull(PgCompatibility.match("set a = b" + " ".repeat(200_000) + "x" + " ".repeat(200_000) + "; "));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "no quadratic backtracking over blanks");
        assertNull(PgCompatibility.match("select 1"));
        assertNull(PgCompatibility.match("setting_table_name"));
    }

    @Test
    void returningBecomesAQueryOverTheChangedRows() {
        assertEquals(new PgCompatibility.Rewrite("SELECT id, v FROM FINAL TABLE (insert into t(v) values ('returning'))", "INSERT"),
                PgCompatibility.rewrite("insert into t(v) values ('returning') RETURNING id, v;"));
        assertEquals(new PgCompatibility.Rewrite("SELECT * FROM OLD TABLE (delete from t where id = ?)", "DELETE"),
                PgCompatibility.rewrite("delete from t where id = ? returning *"));
        assertEquals("UPDATE", PgCompatibility.rewrite("update t set v = 'x' returning id").verb());
        assertNull(PgCompatibility.rewrite("insert into t select * from (select 1 as returning) x"), "not at the top level");
        assertNull(PgCompatibility.rewrite("insert into t values ('x returning y')"), "inside a literal");
        assertNull(PgCompatibility.rewrite("insert into t values (1) returning ? + id"), "a parameter in the list");
        assertNull(PgCompatibility.rewrite("select 1 as returning"));
    }

    @Test
    void reportedSettingsAreWhatDriversCheck() {
        PgSettings settings = new PgSettings("alice");
        assertEquals("UTF8", settings.reported().get("client_encoding"));
        assertEquals("ISO, MDY", settings.reported().get("DateStyle"));
        assertEquals("on", settings.reported().get("integer_datetimes"));
        assertEquals("on", settings.reported().get("standard_conforming_strings"));
        assertEquals("alice", settings.reported().get("session_authorization"));
        assertEquals(PgSettings.SERVER_VERSION, settings.reported().get("server_version"));
    }

    @Test
    void commandLine() {
        ServerOptions defaults = ServerOptions.parse(new String[0]);
        assertEquals(5432, defaults.port());
        assertEquals(PgServerConfig.AuthMethod.SCRAM_SHA_256, defaults.auth());
        assertNull(defaults.database());
        ServerOptions o = ServerOptions.parse(new String[] {"--port", "0", "--user", "u", "--password", "p", "--auth", "md5",
                "--database", "/tmp/x", "--max-connections", "3", "--read-timeout", "0"});
        assertEquals(0, o.port());
        assertEquals("u", o.user());
        assertEquals(PgServerConfig.AuthMethod.MD5, o.auth());
        assertEquals(java.nio.file.Path.of("/tmp/x"), o.database());
        assertEquals(3, o.maxConnections());
        assertTrue(o.readTimeout().isZero());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--port", "70000"}));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--auth", "trust"}));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--user"}));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--bogus", "1"}));
    }
}
