package io.sqlxwire.benchmarks.endtoend;

import io.sqlxwire.examples.pgclient.PgConnection;
import io.sqlxwire.examples.pgclient.Row;
import io.sqlxwire.examples.pgclient.RowHandler;
import io.sqlxwire.runtime.buffer.WireBuffer;
import java.io.IOException;

/**
 * Fetches the whole table with {@code examples/pg-client}'s streaming path (simple query, one reused
 * {@link Row} per DataRow) and reads every column: integers with {@link Row#getLong}, the other
 * columns either in place ({@link Row#view}: no copy, no String) or as a String ({@link Row#text}),
 * the way a JDBC user gets them.
 */
public final class PgClientReader implements RowHandler {

    private final boolean strings;
    private final RowChecksum checksum = new RowChecksum();

    /** @param strings read the text columns as Strings rather than in place */
    public PgClientReader(boolean strings) {
        this.strings = strings;
    }

    /** Runs the query and returns the checksum of what was read; {@link #rows()} tells how many rows. */
    public long fetch(PgConnection connection) throws IOException {
        checksum.reset();
        connection.simpleQuery(EndToEndTable.SELECT_ALL, this);
        return checksum.value();
    }

    public long rows() {
        return checksum.rows();
    }

    @Override
    public void onRow(Row row) {
        for (int i = 0; i < EndToEndTable.COLUMNS; i++) {
            if (row.isNull(i)) {
                checksum.addNull();
            } else if (EndToEndTable.isInteger(i)) {
                checksum.addLong(row.getLong(i));
            } else if (strings) {
                checksum.addText(row.text(i));
            } else {
                WireBuffer value = row.view(i);
                checksum.addText(value, 0, value.length());
            }
        }
        checksum.endRow();
    }
}
