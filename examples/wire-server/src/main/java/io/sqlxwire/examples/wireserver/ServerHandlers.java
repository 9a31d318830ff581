package io.sqlxwire.examples.wireserver;

import io.sqlxwire.examples.bridge.CompatibilityMode;
import io.sqlxwire.examples.bridge.SqlDatabase;
import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.myserver.MyConnectionHandler;
import io.sqlxwire.examples.myserver.ServerConfig;
import io.sqlxwire.examples.pgserver.PgConnectionHandler;
import io.sqlxwire.examples.pgserver.PgServerConfig;
import java.time.Duration;
import java.util.Map;

/**
 * The real servers behind the port, by protocol name ({@link OnePortDetector#POSTGRESQL},
 * {@link OnePortDetector#MYSQL}), over one shared database: the one place that knows them.
 *
 * <p>The database is one in-memory H2 database in MySQL mode. H2's compatibility mode belongs to
 * the database, not to a connection, so the two protocols cannot each have their own mode on the same
 * data; MySQL mode is the one whose syntax clients cannot do without (AUTO_INCREMENT, table options,
 * TINYINT and BLOB, ON DUPLICATE KEY UPDATE, REPLACE, INSERT IGNORE, LAST_INSERT_ID(), which the
 * MySQL server's OK packets are built from). The PostgreSQL server opens its sessions with PostgreSQL's
 * transaction rules and spells what it needs of PostgreSQL mode in H2's common SQL itself (serial
 * columns, RETURNING, {@code $n} parameters); the README lists what remains different.
 */
final class ServerHandlers implements AutoCloseable {

    /** How long a connection may wait for its client once routed (the servers' own defaults). */
    private static final Duration PG_READ_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MYSQL_READ_TIMEOUT = Duration.ofMinutes(5);

    private final SqlDatabase database;
    private final Map<String, ProtocolHandler> handlers;

    private ServerHandlers(SqlDatabase database, Map<String, ProtocolHandler> handlers) {
        this.database = database;
        this.handlers = handlers;
    }

    /** Opens the shared database and both servers' connection handlers over it. */
    static ServerHandlers open(Options options) {
        SqlDatabase database;
        try {
            database = SqlDatabase.inMemory(CompatibilityMode.MYSQL);
        } catch (SqlFailure e) {
            throw new IllegalStateException("cannot open the database: " + e.error().message(), e);
        }
        PgConnectionHandler pg = new PgConnectionHandler(new PgServerConfig(options.user(), options.password(),
                PgServerConfig.AuthMethod.SCRAM_SHA_256, database, null, PG_READ_TIMEOUT));
        MyConnectionHandler my = MyConnectionHandler.over(ServerConfig.of(options.user(), options.password())
                .withMaxConnections(options.maxConnections())
                .withReadTimeout(MYSQL_READ_TIMEOUT), database);
        ProtocolHandler postgresql = new ProtocolHandler() {
            @Override
            public void serve(java.net.Socket socket, byte[] alreadyRead) {
                pg.serve(socket, alreadyRead);
            }

            @Override
            public boolean acceptsDirectTls() {
                return pg.acceptsDirectTls();
            }
        };
        return new ServerHandlers(database, Map.of(
                OnePortDetector.POSTGRESQL, postgresql,
                OnePortDetector.MYSQL, ProtocolHandler.serverFirst(my::serve)));
    }

    Map<String, ProtocolHandler> handlers() {
        return handlers;
    }

    /** The shared database, for tests that look at the data directly. */
    SqlDatabase database() {
        return database;
    }

    /** Drops the in-memory database; call after the {@link WireServer} has closed its connections. */
    @Override
    public void close() {
        database.close();
    }
}
