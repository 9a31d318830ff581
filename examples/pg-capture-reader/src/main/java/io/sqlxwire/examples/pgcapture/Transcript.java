package io.sqlxwire.examples.pgcapture;

import java.io.PrintStream;

/**
 * The readable account of one connection: who connected, how they authenticated, each query with
 * its result table, command tag or error. Receives plain values (the machine's hooks decode them)
 * and writes text; knows nothing about bytes.
 */
final class Transcript {

    private final PrintStream out;
    private ResultTable table;

    Transcript(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
    }

    void query(String kind, String sql) {
        flushTable();
        out.println();
        out.println(kind + ": " + sql);
    }

    void columns(ResultTable columns) {
        flushTable();
        table = columns;
    }

    /** A row of the current result set; {@code null} cells are SQL NULL. */
    void row(String[] cells) {
        if (table == null) {
            throw new IllegalStateException("a data row before the row description");
        }
        table.addRow(cells);
    }

    void done(String commandTag) {
        flushTable();
        out.println("done: " + commandTag);
    }

    void error(String kind, String text) {
        flushTable();
        out.println(kind + ": " + text);
    }

    /** Writes the result set received so far, e.g. before an error that cut it short. */
    void flushTable() {
        if (table != null) {
            out.print(table.render());
            table = null;
        }
    }
}
