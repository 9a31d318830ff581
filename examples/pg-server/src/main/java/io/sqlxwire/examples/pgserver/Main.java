package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.CompatibilityMode;
import io.sqlxwire.examples.bridge.SqlDatabase;
import io.sqlxwire.examples.bridge.SqlFailure;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;

/**
 * {@code pg-server --port PORT --user U --password P}: serves an H2 database (in memory, or a file
 * with {@code --database PATH}) to PostgreSQL clients until interrupted. Prints
 * {@code listening on HOST:PORT} once clients can connect.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("pg-server: " + e.getMessage());
            }
            System.err.println(ServerOptions.USAGE);
            System.exit(2);
            return;
        }
        SqlDatabase database;
        try {
            database = options.database() == null
                    ? SqlDatabase.inMemory(CompatibilityMode.POSTGRESQL)
                    : SqlDatabase.file(options.database(), CompatibilityMode.POSTGRESQL);
        } catch (SqlFailure e) {
            System.err.println("pg-server: cannot open the database: " + e.error().message());
            System.exit(1);
            return;
        }
        SSLContext tls = options.keystore() == null ? null
                : TlsContexts.fromKeyStore(options.keystore(), options.keystorePassword().toCharArray());
        PgServerConfig config = new PgServerConfig(options.user(), options.password(), options.auth(), database, tls,
                options.readTimeout());
        PgServer server = PgServer.start(config, InetAddress.getByName(options.host()), options.port(),
                options.maxConnections());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
            stopped.countDown();
        }, "pg-server-shutdown"));
        System.out.println("listening on " + server.host().getHostAddress() + ":" + server.port());
        System.out.flush();
        stopped.await();
    }
}
