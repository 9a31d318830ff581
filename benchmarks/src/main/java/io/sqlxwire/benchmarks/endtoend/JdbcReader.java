package io.sqlxwire.benchmarks.endtoend;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fetches the whole table through JDBC (pgjdbc or MariaDB Connector/J) and reads every column as a
 * JDBC user does: integers with {@link ResultSet#getLong}, the others with
 * {@link ResultSet#getString}.
 */
public final class JdbcReader {

    private final int fetchSize;
    private final RowChecksum checksum = new RowChecksum();

    /**
     * @param fetchSize 0: the driver's default (both drivers then read the whole result before
     *     {@code executeQuery} returns); otherwise rows per fetch (pgjdbc needs auto-commit off for
     *     it to take effect, MariaDB Connector/J streams the result)
     */
    public JdbcReader(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    /** Runs the query and returns the checksum of what was read; {@link #rows()} tells how many rows. */
    public long fetch(Connection connection) throws SQLException {
        checksum.reset();
        try (Statement statement = connection.createStatement()) {
            if (fetchSize > 0) {
                statement.setFetchSize(fetchSize);
            }
            try (ResultSet rs = statement.executeQuery(EndToEndTable.SELECT_ALL)) {
                while (rs.next()) {
                    for (int i = 0; i < EndToEndTable.COLUMNS; i++) {
                        if (EndToEndTable.isInteger(i)) {
                            long value = rs.getLong(i + 1);
                            if (rs.wasNull()) {
                                checksum.addNull();
                            } else {
                                checksum.addLong(value);
                            }
                        } else {
                            checksum.addText(rs.getString(i + 1));
                        }
                    }
                    checksum.endRow();
                }
            }
        }
        return checksum.value();
    }

    public long rows() {
        return checksum.rows();
    }
}
