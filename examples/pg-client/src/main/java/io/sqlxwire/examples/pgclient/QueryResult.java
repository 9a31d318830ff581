package io.sqlxwire.examples.pgclient;

import io.sqlxwire.runtime.buffer.WireBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement's result, copied out of the receive buffer: the columns, every row's values as
 * the bytes the server sent (null for SQL NULL), and the command tag. For large results use a
 * {@link RowHandler} instead, which copies nothing.
 */
public record QueryResult(List<Column> columns, List<byte[][]> rows, String commandTag) {

    public int rowCount() {
        return rows.size();
    }

    public boolean isNull(int row, int column) {
        return rows.get(row)[column] == null;
    }

    /** The value's bytes (text or binary, as {@code columns().get(column).format()} says), or null. */
    public byte[] bytes(int row, int column) {
        return rows.get(row)[column];
    }

    /** The value as UTF-8 text: what psql prints for text-format results. Null for NULL. */
    public String text(int row, int column) {
        byte[] value = rows.get(row)[column];
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The value as a Java object ({@link PgTypes#decode}), or null. */
    public Object value(int row, int column) {
        byte[] value = rows.get(row)[column];
        if (value == null) {
            return null;
        }
        Column c = columns.get(column);
        return PgTypes.decode(c.typeOid(), c.format(), WireBuffer.of(value));
    }

    /** Collects the result sets of one exchange (several for a multi-statement simple query). */
    static final class Collector implements RowHandler {
        private final List<QueryResult> results = new ArrayList<>();
        private List<Column> columns = List.of();
        private List<byte[][]> rows = new ArrayList<>();

        @Override
        public void onColumns(List<Column> described) {
            columns = described;
        }

        @Override
        public void onRow(Row row) {
            byte[][] values = new byte[row.columnCount()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.bytes(i);
            }
            rows.add(values);
        }

        @Override
        public void onComplete(String commandTag) {
            results.add(new QueryResult(columns, Collections.unmodifiableList(rows), commandTag));
            columns = List.of();
            rows = new ArrayList<>();
        }

        List<QueryResult> results() {
            return results;
        }

        /** The one result of an extended query; an empty one for an empty statement (EmptyQueryResponse). */
        QueryResult single() {
            return results.isEmpty() ? new QueryResult(List.of(), List.of(), null) : results.get(0);
        }
    }
}
