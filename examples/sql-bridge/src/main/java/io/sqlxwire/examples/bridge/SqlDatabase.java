package io.sqlxwire.examples.bridge;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An embedded H2 database that sessions open connections to: in memory (gone when this object is
 * closed) or in a file (kept). Every session gets its own JDBC connection in the given mode.
 *
 * <p>H2's compatibility mode is a database-wide setting (H2's {@code SET MODE} changes the database,
 * not the connection): two SqlDatabase objects on the same file or name with different modes would
 * switch it under each other, so give each mode its own database. Two protocols can still share one
 * database: the other protocol's server opens its sessions with {@link #openSession(CompatibilityMode)},
 * keeping its own transaction rules while H2 reads every statement in the database's mode.
 */
public final class SqlDatabase implements AutoCloseable {
    private final String url;
    private final CompatibilityMode mode;
    /** Keeps an in-memory database alive between sessions (H2 drops it with its last connection). */
    private final Connection keepAlive;

    private SqlDatabase(String url, CompatibilityMode mode) throws SqlFailure {
        this.url = url;
        this.mode = mode;
        this.keepAlive = connect();
    }

    /** A fresh in-memory database of its own. */
    public static SqlDatabase inMemory(CompatibilityMode mode) throws SqlFailure {
        return inMemory("sqlxwire-" + UUID.randomUUID(), mode);
    }

    /** A named in-memory database; objects with the same name in one JVM share it. */
    public static SqlDatabase inMemory(String name, CompatibilityMode mode) throws SqlFailure {
        return new SqlDatabase("jdbc:h2:mem:" + name + ";" + mode.urlSettings(), mode);
    }

    /** A database in a file ({@code path} without H2's {@code .mv.db} suffix; created if missing). */
    public static SqlDatabase file(Path path, CompatibilityMode mode) throws SqlFailure {
        String base = path.toAbsolutePath().toString();
        if (base.endsWith(".mv.db")) {
            base = base.substring(0, base.length() - ".mv.db".length());
        }
        return new SqlDatabase("jdbc:h2:file:" + base + ";" + mode.urlSettings(), mode);
    }

    public CompatibilityMode mode() {
        return mode;
    }

    /** The JDBC URL, for tests and tools that want to look at the same data directly. */
    public String jdbcUrl() {
        return url;
    }

    /** A session with the transaction rules of the database's own mode. */
    public SqlSession openSession() throws SqlFailure {
        return openSession(mode);
    }

    /**
     * A session with the transaction rules of {@code rules} ({@link CompatibilityMode#errorAbortsTransaction()}),
     * for a protocol whose server shares a database opened in another mode. Only the rules follow
     * {@code rules}: H2 still parses and runs the session's SQL in the database's {@link #mode()}, so
     * the protocol layer translates what that mode spells differently.
     */
    public SqlSession openSession(CompatibilityMode rules) throws SqlFailure {
        return new SqlSession(connect(), rules);
    }

    private Connection connect() throws SqlFailure {
        try {
            return DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public void close() {
        try {
            keepAlive.close();
        } catch (SQLException ignored) {
            // Nothing to save: the in-memory database goes, a file database is already durable.
        }
    }
}
