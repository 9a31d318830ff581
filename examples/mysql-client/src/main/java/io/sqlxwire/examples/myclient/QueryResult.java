package io.sqlxwire.examples.myclient;

import java.util.ArrayList;
import java.util.List;

/**
 * One result, held in memory: the columns and rows of a result set (both empty for a statement
 * without rows) and how it ended. Values are {@link Row#getObject}'s Java objects.
 */
public record QueryResult(List<ColumnInfo> columns, List<List<Object>> rows, Outcome outcome) {

    /** Whether this result is a result set (it has columns), not just an OK. */
    public boolean isResultSet() {
        return !columns.isEmpty();
    }

    /** The value of row {@code row}, column {@code column}. */
    public Object value(int row, int column) {
        return rows.get(row).get(column);
    }

    /** Collects the results of one command into {@link QueryResult}s. */
    static final class Collector implements RowHandler {
        final List<QueryResult> results = new ArrayList<>();
        private List<ColumnInfo> columns = List.of();
        private List<List<Object>> rows = new ArrayList<>();

        @Override
        public void columns(List<ColumnInfo> resultColumns) {
            columns = resultColumns;
        }

        @Override
        public void row(Row row) {
            List<Object> values = new ArrayList<>(row.columnCount());
            for (int i = 0; i < row.columnCount(); i++) {
                values.add(row.getObject(i));
            }
            rows.add(java.util.Collections.unmodifiableList(values));
        }

        @Override
        public void end(Outcome outcome) {
            results.add(new QueryResult(columns, java.util.Collections.unmodifiableList(rows), outcome));
            columns = List.of();
            rows = new ArrayList<>();
        }
    }
}
