package io.sqlxwire.examples.pgclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CancelRequest on a second connection, with the BackendKeyData of the first. */
@ExtendWith(PostgresExtension.class)
class CancelTest {
    private static EmbeddedPostgres server;

    @BeforeAll
    static void server(EmbeddedPostgres postgres) {
        server = postgres;
    }

    @Test
    void cancelsASimpleQuery() throws Exception {
        try (PgConnection pg = PostgresExtension.connectScram(server)) {
            assertCancelled(pg, () -> pg.simpleQuery("select pg_sleep(10)"));
        }
    }

    @Test
    void cancelsAnExtendedQuery() throws Exception {
        try (PgConnection pg = PostgresExtension.connectScram(server)) {
            assertCancelled(pg, () -> pg.query("select pg_sleep($1)", Format.BINARY, Param.float8(10)));
        }
    }

    interface Call {
        void run() throws Exception;
    }

    private static void assertCancelled(PgConnection pg, Call sleep) throws Exception {
        // Cancel once the statement is running: a request that arrives before it is ignored.
        CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
            try {
                awaitActive(pg.processId());
                pg.cancel();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        PgServerException cancelled = assertThrows(PgServerException.class, sleep::run);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        canceller.get(10, TimeUnit.SECONDS);
        assertEquals("57014", cancelled.sqlState());
        assertEquals("canceling statement due to user request", cancelled.serverMessage());
        assertTrue(millis < 8_000, "cancelled after " + millis + " ms");
        assertEquals("ok", pg.simpleQuery("select 'ok'").get(0).text(0, 0), "usable after the cancel");
    }

    private static void awaitActive(int pid) throws Exception {
        try (Connection admin = server.jdbc("postgres", "");
                PreparedStatement ps = admin.prepareStatement(
                        "select 1 from pg_stat_activity where pid = ? and state = 'active' and query like '%pg_sleep%'")) {
            ps.setInt(1, pid);
            for (int i = 0; i < 200; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(25);
            }
        }
        throw new AssertionError("backend " + pid + " never ran pg_sleep");
    }
}
