package io.sqlxwire.examples.wireserver;

import java.util.Map;

/**
 * The real servers behind the port, by protocol name ({@link OnePortDetector#POSTGRESQL},
 * {@link OnePortDetector#MYSQL}): the one place that knows them.
 *
 * <p>None yet: the example PostgreSQL and MySQL servers ({@code examples/pg-server},
 * {@code examples/mysql-server}, both on the embedded H2 database of {@code examples/sql-bridge}) are
 * not part of the build yet. Until they are, this returns no handler and {@link Main} refuses to
 * start, saying so, rather than listening on a port that would close every connection.
 */
final class ServerHandlers {

    private ServerHandlers() {}

    static Map<String, ProtocolHandler> create(Options options) {
        return Map.of();
    }
}
