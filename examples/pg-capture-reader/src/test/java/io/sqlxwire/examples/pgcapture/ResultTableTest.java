package io.sqlxwire.examples.pgcapture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void alignsColumnsShowsNullAndCountsRows() {
        ResultTable table = new ResultTable();
        table.addColumn("id", true);
        table.addColumn("name", false);
        table.addRow(new String[] {"7", null});
        table.addRow(new String[] {"12", ""});
        assertEquals("""
                 id | name
                ----+------
                  7 | NULL
                 12 |
                (2 rows)
                """, table.render());
    }

    @Test
    void oneRowAndNoRows() {
        ResultTable table = new ResultTable();
        table.addColumn("one", true);
        assertEquals(" one\n-----\n(0 rows)\n", table.render());
        table.addRow(new String[] {"1"});
        assertEquals(" one\n-----\n   1\n(1 row)\n", table.render());
    }

    @Test
    void aRowMustFitTheColumns() {
        ResultTable table = new ResultTable();
        table.addColumn("one", true);
        assertThrows(IllegalArgumentException.class, () -> table.addRow(new String[] {"1", "2"}));
    }
}
