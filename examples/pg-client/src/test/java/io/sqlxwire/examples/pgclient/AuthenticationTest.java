package io.sqlxwire.examples.pgclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import io.sqlxwire.protocols.postgresql.PgState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Logging in to a real PostgreSQL with SCRAM-SHA-256 and with MD5, as pg_hba.conf demands. */
@ExtendWith(PostgresExtension.class)
class AuthenticationTest {
    private static EmbeddedPostgres server;

    @BeforeAll
    static void server(EmbeddedPostgres postgres) {
        server = postgres;
    }

    @Test
    void scramSha256() throws Exception {
        try (PgConnection pg = PostgresExtension.connectScram(server)) {
            assertEquals("SCRAM-SHA-256", pg.authenticationMethod());
            assertEquals(PgState.Idle, pg.state());
            assertEquals('I', pg.transactionStatus());
            assertEquals(EmbeddedPostgres.SCRAM_USER, pg.simpleQuery("select current_user").get(0).text(0, 0));
            assertEquals(String.valueOf(pg.processId()), pg.simpleQuery("select pg_backend_pid()").get(0).text(0, 0));
            assertTrue(pg.parameter("server_version").startsWith("17."), pg.parameter("server_version"));
            assertEquals("UTF8", pg.parameter("client_encoding"));
        }
    }

    @Test
    void md5() throws Exception {
        try (PgConnection pg = PgConnection.connect(EmbeddedPostgres.HOST, server.port(),
                EmbeddedPostgres.MD5_USER, EmbeddedPostgres.MD5_PASSWORD, EmbeddedPostgres.DATABASE)) {
            assertEquals("md5", pg.authenticationMethod());
            assertEquals(EmbeddedPostgres.MD5_USER, pg.simpleQuery("select session_user").get(0).text(0, 0));
        }
    }

    /** The roles really are stored so that only their own method can check them. */
    @Test
    void rolesAreStoredAsTheirMethodNeeds() throws Exception {
        try (Connection c = server.jdbc("postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select rolname, left(rolpassword, 14) from pg_authid"
                        + " where rolname in ('scram_user', 'md5_user') order by rolname")) {
            assertTrue(rs.next());
            assertEquals("md5_user", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("md5"));
            assertTrue(rs.next());
            assertEquals("SCRAM-SHA-256$", rs.getString(2));
        }
    }

    @Test
    void wrongPasswordIsRefusedWithTheServersError() {
        PgServerException scram = assertThrows(PgServerException.class, () -> PgConnection.connect(
                EmbeddedPostgres.HOST, server.port(), EmbeddedPostgres.SCRAM_USER, "wrong", EmbeddedPostgres.DATABASE));
        assertEquals("28P01", scram.sqlState());
        assertEquals("FATAL", scram.severity());
        PgServerException md5 = assertThrows(PgServerException.class, () -> PgConnection.connect(
                EmbeddedPostgres.HOST, server.port(), EmbeddedPostgres.MD5_USER, "wrong", EmbeddedPostgres.DATABASE));
        assertEquals("28P01", md5.sqlState());
    }
}
