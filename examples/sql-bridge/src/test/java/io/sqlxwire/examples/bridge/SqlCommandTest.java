package io.sqlxwire.examples.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlCommandTest {
    private static void verb(String expected, SqlCommand.Control control, String sql) {
        assertEquals(new SqlCommand(expected, control), SqlCommand.of(sql), sql);
    }

    @Test
    void verbsSkipCommentsAndQualifiers() {
        verb("SELECT", SqlCommand.Control.NONE, "  -- note\n /* c */ select 1");
        verb("SELECT", SqlCommand.Control.NONE, "(select 1) union (select 2)");
        verb("CREATE TABLE", SqlCommand.Control.NONE, "create table if not exists t (a int)");
        verb("CREATE INDEX", SqlCommand.Control.NONE, "CREATE UNIQUE INDEX i ON t(a)");
        verb("CREATE VIEW", SqlCommand.Control.NONE, "create or replace view v as select 1");
        verb("DROP TABLE", SqlCommand.Control.NONE, "drop table t");
        verb("INSERT", SqlCommand.Control.NONE, "insert into t values (1)");
        verb("", SqlCommand.Control.NONE, "  ;");
    }

    @Test
    void transactionControl() {
        verb("BEGIN", SqlCommand.Control.BEGIN, "begin");
        verb("BEGIN", SqlCommand.Control.BEGIN, "BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED");
        verb("START TRANSACTION", SqlCommand.Control.BEGIN, "start transaction");
        verb("COMMIT", SqlCommand.Control.COMMIT, "commit work");
        verb("COMMIT", SqlCommand.Control.COMMIT, "end");
        verb("ROLLBACK", SqlCommand.Control.ROLLBACK, "abort");
        verb("ROLLBACK", SqlCommand.Control.NONE, "rollback to savepoint s1");
    }
}
