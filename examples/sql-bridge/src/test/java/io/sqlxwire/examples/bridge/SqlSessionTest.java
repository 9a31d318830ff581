package io.sqlxwire.examples.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSessionTest {
    private SqlDatabase database;
    private SqlSession session;

    @BeforeEach
    void open() throws SqlFailure {
        database = SqlDatabase.inMemory(CompatibilityMode.POSTGRESQL);
        session = database.openSession();
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    private long update(SqlSession s, String sql) throws SqlFailure {
        try (SqlResult result = s.execute(sql)) {
            assertFalse(result.hasRows(), sql);
            return result.updateCount();
        }
    }

    private List<List<Object>> rows(SqlResult result) throws SqlFailure {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row = result.nextRow(); row != null; row = result.nextRow()) {
            rows.add(Arrays.asList(row));
        }
        return rows;
    }

    @Test
    void updateCountsAndCommands() throws SqlFailure {
        assertEquals(0, update(session, "create table t (id int primary key, name varchar(20))"));
        try (SqlResult r = session.execute("insert into t values (1, 'a'), (2, 'b'), (3, null)")) {
            assertEquals("INSERT", r.command().verb());
            assertEquals(3, r.updateCount());
        }
        try (SqlResult r = session.execute("update t set name = 'x' where id > 1")) {
            assertEquals("UPDATE", r.command().verb());
            assertEquals(2, r.updateCount());
        }
        try (SqlResult r = session.execute("select id, name from t order by id")) {
            assertTrue(r.hasRows());
            assertEquals(List.of(List.of(1, "a"), List.of(2, "x"), List.of(3, "x")), rows(r));
            assertEquals(3, r.rowsRead());
            assertTrue(r.isExhausted());
        }
    }

    @Test
    void columnMetadataAndJavaValues() throws SqlFailure {
        update(session, "create table v (i2 smallint not null, i4 int, i8 bigint, f4 real, f8 double precision,"
                + " n numeric(10,3), s varchar(12), b boolean, by bytea, d date, tm time, ts timestamp,"
                + " tz timestamp with time zone, u uuid)");
        update(session, "insert into v values (1, 2, 3, 1.5, 2.25, 12.345, 'text', true, X'0102ff', DATE '2024-02-29',"
                + " TIME '12:34:56', TIMESTAMP '2024-02-29 12:34:56.5', TIMESTAMP WITH TIME ZONE '2024-02-29 12:34:56+02',"
                + " '0f8fad5b-d9cb-469f-a165-70867728950e')");
        try (SqlResult r = session.execute("select * from v")) {
            List<SqlColumn> c = r.columns();
            assertEquals(14, c.size());
            assertEquals("i2", c.get(0).name());
            assertEquals("v", c.get(0).table());
            assertEquals(Types.SMALLINT, c.get(0).jdbcType());
            assertEquals(SqlColumn.Nullability.NO_NULLS, c.get(0).nullable());
            assertEquals(SqlColumn.Nullability.NULLABLE, c.get(1).nullable());
            assertTrue(c.get(1).signed());
            assertEquals(Types.NUMERIC, c.get(5).jdbcType());
            assertEquals(10, c.get(5).precision());
            assertEquals(3, c.get(5).scale());
            assertEquals(12, c.get(6).precision());
            assertEquals("UUID", c.get(13).typeName());
            Object[] row = r.nextRow();
            assertEquals((short) 1, row[0]);
            assertEquals(2, row[1]);
            assertEquals(3L, row[2]);
            assertEquals(1.5f, row[3]);
            assertEquals(2.25d, row[4]);
            assertEquals(new BigDecimal("12.345"), row[5]);
            assertEquals("text", row[6]);
            assertEquals(true, row[7]);
            assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, (byte[]) row[8]);
            assertEquals(LocalDate.of(2024, 2, 29), row[9]);
            assertEquals(LocalTime.of(12, 34, 56), row[10]);
            assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 500_000_000), row[11]);
            assertEquals(OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 0, ZoneOffset.ofHours(2)).toInstant(),
                    ((OffsetDateTime) row[12]).toInstant());
            assertEquals(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), row[13]);
            assertNull(r.nextRow());
        }
    }

    @Test
    void preparedStatementsWithTypedAndTextParameters() throws SqlFailure {
        update(session, "create table p (id int, name varchar(10), d date)");
        try (SqlStatement insert = session.prepare("insert into p values (?, ?, ?)")) {
            assertEquals(3, insert.parameterCount());
            assertEquals(List.of(Types.INTEGER, Types.VARCHAR, Types.DATE), insert.parameterTypes());
            assertTrue(insert.columns().isEmpty());
            try (SqlResult r = insert.execute(List.of(1, "one", LocalDate.of(2020, 1, 2)))) {
                assertEquals(1, r.updateCount());
            }
            // Text values for typed parameters, as protocols send them: H2 converts.
            try (SqlResult r = insert.execute(Arrays.asList("2", "two", null))) {
                assertEquals(1, r.updateCount());
            }
        }
        try (SqlStatement select = session.prepare("select name, d from p where id >= ? order by id")) {
            assertEquals(List.of("name", "d"), select.columns().stream().map(SqlColumn::name).toList());
            try (SqlResult r = select.execute(List.of(1))) {
                assertEquals(List.of(List.of("one", LocalDate.of(2020, 1, 2)), Arrays.asList("two", null)), rows(r));
            }
        }
        SqlFailure wrongCount = assertThrows(SqlFailure.class,
                () -> session.prepare("select ? + 1").execute(List.of()));
        assertEquals("08P01", wrongCount.error().sqlState());
    }

    @Test
    void jsonComesOutAsText() throws SqlFailure {
        try (SqlResult r = session.execute("select JSON '{\"a\":[1,2]}' as j")) {
            assertEquals("{\"a\":[1,2]}", r.nextRow()[0]);
        }
    }

    @Test
    void rowsCanBeReadInBatches() throws SqlFailure {
        try (SqlResult r = session.execute("select * from system_range(1, 5)")) {
            assertEquals(1L, r.nextRow()[0]);
            assertEquals(2L, r.nextRow()[0]);
            assertEquals(2, r.rowsRead());
            assertFalse(r.isExhausted());
            assertEquals(3, rows(r).size());
        }
    }

    @Test
    void errorsCarrySqlStateVendorCodeAndCleanMessage() throws SqlFailure {
        update(session, "create table present (a int)");
        SqlFailure missing = assertThrows(SqlFailure.class, () -> session.execute("select * from nowhere"));
        assertEquals("42S02", missing.error().sqlState());
        assertEquals(42102, missing.error().vendorCode());
        assertTrue(missing.error().message().contains("nowhere"), missing.error().message());
        assertFalse(missing.error().message().contains("SQL statement"), missing.error().message());
        SqlFailure syntax = assertThrows(SqlFailure.class, () -> session.execute("selec 1"));
        assertEquals("42001", syntax.error().sqlState());
        SqlFailure divide = assertThrows(SqlFailure.class, () -> rowsOf("select 1 / 0"));
        assertEquals("22012", divide.error().sqlState());
    }

    private List<List<Object>> rowsOf(String sql) throws SqlFailure {
        try (SqlResult r = session.execute(sql)) {
            return rows(r);
        }
    }

    @Test
    void postgresqlTransactionsFailAfterAnErrorUntilRollback() throws SqlFailure {
        update(session, "create table tx (id int primary key)");
        assertEquals(TransactionState.IDLE, session.transactionState());
        try (SqlResult r = session.execute("BEGIN")) {
            assertEquals("BEGIN", r.command().verb());
        }
        assertEquals(TransactionState.IN_TRANSACTION, session.transactionState());
        update(session, "insert into tx values (1)");
        assertThrows(SqlFailure.class, () -> session.execute("insert into tx values (1)"));
        assertEquals(TransactionState.FAILED, session.transactionState());
        SqlFailure refused = assertThrows(SqlFailure.class, () -> session.execute("select 1"));
        assertEquals(SqlError.IN_FAILED_TRANSACTION, refused.error().sqlState());
        try (SqlResult r = session.execute("commit")) {
            assertEquals("ROLLBACK", r.command().verb(), "COMMIT of a failed block rolls back");
        }
        assertEquals(TransactionState.IDLE, session.transactionState());
        assertEquals(List.of(), rowsOf("select * from tx"));

        session.failTransaction();
        assertEquals(TransactionState.IDLE, session.transactionState(), "outside a block nothing fails");
        session.execute("begin").close();
        session.failTransaction();
        assertEquals(TransactionState.FAILED, session.transactionState());
        session.execute("rollback").close();

        session.execute("start transaction").close();
        update(session, "insert into tx values (2)");
        try (SqlSession other = database.openSession(); SqlResult r = other.execute("select count(*) from tx")) {
            assertEquals(0L, r.nextRow()[0], "uncommitted rows are invisible to other sessions");
        }
        session.execute("END").close();
        assertEquals(List.of(List.of(2)), rowsOf("select * from tx"));
        session.execute("begin").close();
        update(session, "delete from tx");
        session.execute("abort").close();
        assertEquals(List.of(List.of(2)), rowsOf("select * from tx"));
    }

    @Test
    void mysqlModeErrorsFailOnlyTheStatement() throws SqlFailure {
        try (SqlDatabase mysql = SqlDatabase.inMemory(CompatibilityMode.MYSQL); SqlSession s = mysql.openSession()) {
            update(s, "create table m (id int primary key)");
            s.execute("start transaction").close();
            update(s, "insert into m values (1)");
            assertThrows(SqlFailure.class, () -> s.execute("insert into m values (1)"));
            assertEquals(TransactionState.IN_TRANSACTION, s.transactionState());
            update(s, "insert into m values (2)");
            s.execute("commit").close();
            try (SqlResult r = s.execute("select count(*) from m")) {
                assertEquals(2L, r.nextRow()[0]);
            }
        }
    }

    @Test
    void sessionsOfBothRulesShareOneDatabase() throws SqlFailure {
        // One database in MySQL mode, as a one-port server for both protocols opens it.
        try (SqlDatabase shared = SqlDatabase.inMemory(CompatibilityMode.MYSQL);
             SqlSession my = shared.openSession();
             SqlSession pg = shared.openSession(CompatibilityMode.POSTGRESQL)) {
            assertEquals(CompatibilityMode.POSTGRESQL, pg.mode());
            update(my, "create table s (id int not null auto_increment primary key, v tinyint) engine=InnoDB");
            pg.execute("begin").close();
            update(pg, "insert into s (v) values (1)");
            assertThrows(SqlFailure.class, () -> pg.execute("insert into s (id, v) values (1, 2)"));
            assertEquals(TransactionState.FAILED, pg.transactionState(), "PostgreSQL rules in a MySQL-mode database");
            pg.execute("rollback").close();
            my.execute("start transaction").close();
            update(my, "insert into s (v) values (3)");
            assertThrows(SqlFailure.class, () -> my.execute("insert into s (id, v) values (2, 4)"));
            assertEquals(TransactionState.IN_TRANSACTION, my.transactionState(), "MySQL rules stay MySQL's");
            my.execute("commit").close();
            try (SqlResult r = pg.execute("select count(*) from s")) {
                assertEquals(1L, r.nextRow()[0], "one committed row, seen by the other protocol's session");
            }
        }
    }

    @Test
    void cancelStopsTheRunningStatement() throws Exception {
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            session.cancel();
        });
        canceller.start();
        SqlFailure cancelled = assertThrows(SqlFailure.class, () -> rowsOf(
                "select count(*) from system_range(1, 100000) a, system_range(1, 100000) b"));
        canceller.join();
        assertEquals("57014", cancelled.error().sqlState());
        assertEquals(List.of(List.of(1)), rowsOf("select 1"), "the session goes on after a cancel");
    }

    @Test
    void closingASessionRollsBackItsOpenBlock() throws SqlFailure {
        update(session, "create table c (id int)");
        SqlSession other = database.openSession();
        other.execute("begin").close();
        update(other, "insert into c values (1)");
        other.close();
        assertEquals(List.of(), rowsOf("select * from c"));
    }

    @Test
    void fileDatabaseKeepsDataAcrossOpenings(@TempDir Path dir) throws SqlFailure {
        Path file = dir.resolve("data");
        try (SqlDatabase db = SqlDatabase.file(file, CompatibilityMode.POSTGRESQL); SqlSession s = db.openSession()) {
            update(s, "create table f (v varchar(5))");
            update(s, "insert into f values ('kept')");
        }
        try (SqlDatabase db = SqlDatabase.file(file, CompatibilityMode.POSTGRESQL); SqlSession s = db.openSession();
             SqlResult r = s.execute("select v from f")) {
            assertEquals("kept", r.nextRow()[0]);
        }
    }
}
