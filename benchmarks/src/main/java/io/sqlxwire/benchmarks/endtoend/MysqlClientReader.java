package io.sqlxwire.benchmarks.endtoend;

import io.sqlxwire.examples.myclient.MysqlConnection;
import io.sqlxwire.examples.myclient.Row;
import io.sqlxwire.examples.myclient.RowHandler;
import java.io.IOException;

/**
 * Fetches the whole table with {@code examples/mysql-client}'s streaming path (COM_QUERY, text rows,
 * one reused {@link Row}) and reads every column: integers with {@link Row#getLong}, the other
 * columns either in place ({@link Row#bytes}: no copy, no String) or as a String
 * ({@link Row#getString}), the way a JDBC user gets them.
 */
public final class MysqlClientReader implements RowHandler {

    private final boolean strings;
    private final RowChecksum checksum = new RowChecksum();

    /** @param strings read the text columns as Strings rather than in place */
    public MysqlClientReader(boolean strings) {
        this.strings = strings;
    }

    /** Runs the query and returns the checksum of what was read; {@link #rows()} tells how many rows. */
    public long fetch(MysqlConnection connection) throws IOException {
        checksum.reset();
        connection.query(EndToEndTable.SELECT_ALL, this);
        return checksum.value();
    }

    public long rows() {
        return checksum.rows();
    }

    @Override
    public void row(Row row) {
        for (int i = 0; i < EndToEndTable.COLUMNS; i++) {
            if (row.isNull(i)) {
                checksum.addNull();
            } else if (EndToEndTable.isInteger(i)) {
                checksum.addLong(row.getLong(i));
            } else if (strings) {
                checksum.addText(row.getString(i));
            } else {
                checksum.addText(row.bytes(i));
            }
        }
        checksum.endRow();
    }
}
