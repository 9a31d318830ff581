package io.sqlxwire.examples.myclient;

import java.util.List;

/**
 * Receives a result's rows as they arrive, one reused {@link Row} at a time: the streaming way to
 * read large results without holding them, and without a new object per row.
 */
@FunctionalInterface
public interface RowHandler {

    /** A result set starts (once per result of a multi-result answer); its columns. */
    default void columns(List<ColumnInfo> columns) {
    }

    /** The next row; {@code row} is valid during this call only. */
    void row(Row row);

    /** A result ended: a result set's final EOF/OK, or the OK of a statement without rows. */
    default void end(Outcome outcome) {
    }
}
