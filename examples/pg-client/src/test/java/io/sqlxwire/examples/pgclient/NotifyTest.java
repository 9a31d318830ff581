package io.sqlxwire.examples.pgclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** LISTEN/NOTIFY: NotificationResponse messages arriving while the session is idle, or during a query. */
@ExtendWith(PostgresExtension.class)
class NotifyTest {
    private static EmbeddedPostgres server;

    @BeforeAll
    static void server(EmbeddedPostgres postgres) {
        server = postgres;
    }

    @Test
    void notificationsFromOtherSessionsAndFromItself() throws Exception {
        try (PgConnection listener = PostgresExtension.connectScram(server); PgConnection notifier = PostgresExtension.connectScram(server);
                Connection jdbc = server.jdbc(EmbeddedPostgres.SCRAM_USER, EmbeddedPostgres.SCRAM_PASSWORD);
                Statement s = jdbc.createStatement()) {
            listener.listen("news");
            assertNull(listener.awaitNotification(Duration.ofMillis(200)), "nothing sent yet");

            notifier.notify("news", "hello from our client");
            Notification first = listener.awaitNotification(Duration.ofSeconds(10));
            assertEquals(new Notification(notifier.processId(), "news", "hello from our client"), first);

            s.execute("NOTIFY news, 'hello from pgjdbc'");
            Notification second = listener.awaitNotification(Duration.ofSeconds(10));
            assertEquals("hello from pgjdbc", second.payload());
            assertTrue(second.processId() != listener.processId());

            // A session's own NOTIFY arrives with its query's answer, before ReadyForQuery.
            listener.simpleQuery("notify news, 'to myself'");
            assertEquals(new Notification(listener.processId(), "news", "to myself"),
                    listener.awaitNotification(Duration.ZERO));

            assertNull(listener.awaitNotification(Duration.ofMillis(100)));
            assertEquals("1", listener.simpleQuery("select 1").get(0).text(0, 0), "usable after waiting");
        }
    }
}
