package io.sqlxwire.benchmarks.endtoend;

import io.sqlxwire.examples.pgclient.PgConnection;
import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL ({@link EmbeddedPostgres}) holding the table with {@code rows} rows, and one
 * connection of each client: ours, pgjdbc in auto-commit (whole results), pgjdbc in a transaction
 * (so that a fetch size takes effect: a portal fetched in batches).
 */
public final class PgEndToEndFixture implements AutoCloseable {

    /** Room for the table (about 130 MB at a million rows) in the server's cache. */
    private static final List<String> SETTINGS = List.of("shared_buffers=256MB");

    public final EmbeddedPostgres server;
    public final PgConnection ours;
    public final Connection pgjdbc;
    public final Connection pgjdbcInTransaction;

    private PgEndToEndFixture(EmbeddedPostgres server, PgConnection ours, Connection pgjdbc,
            Connection pgjdbcInTransaction) {
        this.server = server;
        this.ours = ours;
        this.pgjdbc = pgjdbc;
        this.pgjdbcInTransaction = pgjdbcInTransaction;
    }

    public static PgEndToEndFixture start(int rows) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(SETTINGS);
        try {
            Connection pgjdbc = server.jdbc(EmbeddedPostgres.SCRAM_USER, EmbeddedPostgres.SCRAM_PASSWORD);
            try (Statement s = pgjdbc.createStatement()) {
                for (String sql : EndToEndTable.postgresql(rows)) {
                    s.execute(sql);
                }
                s.execute("SELECT count(*) FROM " + EndToEndTable.NAME);   // pages read once, into the cache
            }
            Connection inTransaction = server.jdbc(EmbeddedPostgres.SCRAM_USER, EmbeddedPostgres.SCRAM_PASSWORD);
            inTransaction.setAutoCommit(false);
            PgConnection ours = PgConnection.connect(EmbeddedPostgres.HOST, server.port(), EmbeddedPostgres.SCRAM_USER,
                    EmbeddedPostgres.SCRAM_PASSWORD, EmbeddedPostgres.DATABASE);
            return new PgEndToEndFixture(server, ours, pgjdbc, inTransaction);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            ours.close();
            closeQuietly(pgjdbc);
            closeQuietly(pgjdbcInTransaction);
        } finally {
            server.close();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server stops next anyway
        }
    }
}
