package io.sqlxwire.examples.pgcapture;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one result set, rendered like psql's aligned format: a header, a rule, one line per
 * row and a row count. NULL is shown as {@code NULL} (psql shows nothing) so that it cannot be
 * mistaken for an empty string; numeric columns are right-aligned.
 */
final class ResultTable {

    static final String NULL = "NULL";

    private final List<String> names = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    void addColumn(String name, boolean numeric) {
        names.add(name);
        rightAligned.add(numeric);
    }

    int columnCount() {
        return names.size();
    }

    /** One row; a {@code null} cell is SQL NULL. */
    void addRow(String[] cells) {
        if (cells.length != names.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " values for " + names.size() + " columns");
        }
        rows.add(cells.clone());
    }

    int rowCount() {
        return rows.size();
    }

    String render() {
        int[] widths = new int[names.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = names.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], shown(row[c]).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, names.toArray(new String[0]), widths, true);
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "-" : "+-").append("-".repeat(widths[c])).append('-');
        }
        out.append('\n');
        for (String[] row : rows) {
            line(out, row, widths, false);
        }
        out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return out.toString();
    }

    private void line(StringBuilder out, String[] cells, int[] widths, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String text = header ? cells[c] : shown(cells[c]);
            String padding = " ".repeat(widths[c] - text.length());
            line.append(c == 0 ? " " : " | ");
            if (header) {
                // psql centres headers; left-aligned ones are as readable and simpler to compare
                line.append(text).append(padding);
            } else if (rightAligned.get(c)) {
                line.append(padding).append(text);
            } else {
                line.append(text).append(padding);
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String shown(String cell) {
        return cell == null ? NULL : cell;
    }
}
