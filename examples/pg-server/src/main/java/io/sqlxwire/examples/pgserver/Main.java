package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.CompatibilityMode;
import io.sqlxwire.examples.bridge.SqlDatabase;
import io.sqlxwire.examples.bridge.SqlFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
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
        Running running;
        try {
            running = start(options, System.out);
        } catch (SqlFailure e) {
            System.err.println("pg-server: cannot open the database: " + e.error().message());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "pg-server-shutdown"));
        stopped.await();
    }

    /** A started server and the database it serves; closing stops both. */
    record Running(PgServer server, SqlDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            database.close();
        }
    }

    /** Opens the database, starts the server and announces it on {@code out}. */
    static Running start(ServerOptions options, PrintStream out) throws SqlFailure, IOException, GeneralSecurityException {
        SqlDatabase database = options.database() == null
                ? SqlDatabase.inMemory(CompatibilityMode.POSTGRESQL)
                : SqlDatabase.file(options.database(), CompatibilityMode.POSTGRESQL);
        try {
            SSLContext tls = options.keystore() == null ? null
                    : TlsContexts.fromKeyStore(options.keystore(), options.keystorePassword().toCharArray());
            PgServerConfig config = new PgServerConfig(options.user(), options.password(), options.auth(), database, tls,
                    options.readTimeout());
            PgServer server = PgServer.start(config, InetAddress.getByName(options.host()), options.port(),
                    options.maxConnections());
            out.println("listening on " + server.host().getHostAddress() + ":" + server.port());
            out.flush();
            return new Running(server, database);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
