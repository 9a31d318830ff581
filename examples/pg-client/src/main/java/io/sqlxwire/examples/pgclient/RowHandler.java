package io.sqlxwire.examples.pgclient;

import java.util.List;

/**
 * Receives a result as it streams in. {@link #onRow} is called once per DataRow with the same
 * {@link Row} object, re-pointed at the next row's bytes in the receive buffer: nothing is copied
 * unless the handler asks for it, and the row is valid only during the call.
 */
public interface RowHandler {

    /** Called before the rows of each result set (several for a multi-statement simple query). */
    default void onColumns(List<Column> columns) {
    }

    void onRow(Row row);

    /** Called at the end of each statement with its command tag ("SELECT 3", "INSERT 0 1"). */
    default void onComplete(String commandTag) {
    }
}
