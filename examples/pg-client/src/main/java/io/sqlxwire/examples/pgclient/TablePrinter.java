package io.sqlxwire.examples.pgclient;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Prints a result as psql does: a header, a rule, aligned rows (numbers to the right), a row count. */
final class TablePrinter {
    private final PrintStream out;

    TablePrinter(PrintStream out) {
        this.out = out;
    }

    void print(QueryResult result) {
        if (result.columns().isEmpty()) {
            out.println(result.commandTag());
            return;
        }
        int columns = result.columns().size();
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns];
        String[] header = new String[columns];
        for (int c = 0; c < columns; c++) {
            header[c] = result.columns().get(c).name();
            widths[c] = header[c].length();
        }
        for (int r = 0; r < result.rowCount(); r++) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = display(result, r, c);
                widths[c] = Math.max(widths[c], row[c].length());
            }
            cells.add(row);
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? " " : " | ").append(center(header[c], widths[c]));
        }
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.println(line);
        for (String[] row : cells) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                boolean right = isNumeric(result.columns().get(c).typeOid());
                line.append(c == 0 ? " " : " | ").append(pad(row[c], widths[c], right));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + result.rowCount() + (result.rowCount() == 1 ? " row)" : " rows)"));
    }

    /** Text results as the server wrote them; binary ones decoded, bytea in hex as the server would. */
    private static String display(QueryResult result, int row, int column) {
        if (result.isNull(row, column)) {
            return "NULL";
        }
        if (result.columns().get(column).format() == Format.TEXT) {
            return result.text(row, column);
        }
        Object value = result.value(row, column);
        return value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes) : String.valueOf(value);
    }

    private static boolean isNumeric(long type) {
        return type == PgTypes.INT2 || type == PgTypes.INT4 || type == PgTypes.INT8 || type == PgTypes.FLOAT4
                || type == PgTypes.FLOAT8 || type == PgTypes.NUMERIC || type == PgTypes.OID;
    }

    private static String pad(String text, int width, boolean right) {
        String space = " ".repeat(width - text.length());
        return right ? space + text : text + space;
    }

    private static String center(String text, int width) {
        int left = (width - text.length()) / 2;
        return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
    }
}
