package io.sqlxwire.examples.wireserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real PostgreSQL and MySQL clients on one wire-server port, working on the same tables: what one
 * protocol's client writes, the other protocol's clients read and change.
 */
class SameDataTest {

    private static ServerHandlers servers;
    private static WireServer server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        server = Main.start(new String[] {"--port", "0", "--user", RealClients.USER, "--password", RealClients.PASSWORD,
                "--silence-ms", "150"}, log, log, options -> (servers = ServerHandlers.open(options)).handlers());
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        servers.close();
    }

    @Test
    void tableMadeByPgjdbcIsReadAndChangedByMysqlClientsThenReadByPsql() throws Exception {
        try (Connection pg = RealClients.pgjdbc(port); Statement s = pg.createStatement()) {
            s.execute("create table stock (id serial primary key, name varchar(40) not null, qty int,"
                    + " price numeric(10,2), added date, note text, weight numeric)");
            List<Integer> ids = new ArrayList<>();
            try (PreparedStatement insert = pg.prepareStatement(
                    "insert into stock (name, qty, price, added, note, weight) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (Object[] row : new Object[][] {
                        {"bolt", 10, "0.25", "2026-11-01", "zinc", "1.55"},
                        {"nut", 20, "0.10", "2026-11-02", null, "0.005"},
                        {"it's a gear", 3, "12.50", "2026-11-03", "quoted 'text'", "1234.5"}}) {
                    insert.setString(1, (String) row[0]);
                    insert.setInt(2, (Integer) row[1]);
                    insert.setBigDecimal(3, new BigDecimal((String) row[2]));
                    insert.setObject(4, LocalDate.parse((String) row[3]));
                    insert.setString(5, (String) row[4]);
                    insert.setBigDecimal(6, new BigDecimal((String) row[5]));
                    assertEquals(1, insert.executeUpdate());
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        assertTrue(keys.next());
                        ids.add(keys.getInt("id"));
                    }
                }
            }
            assertEquals(List.of(1, 2, 3), ids, "serial ids, from RETURNING");
        }

        // MariaDB Connector/J, text protocol and server-side prepared statements (binary rows).
        for (String options : List.of("", "&useServerPrepStmts=true")) {
            try (Connection my = RealClients.mariadbJdbc(port, options);
                 PreparedStatement q = my.prepareStatement(
                         "select id, name, qty, price, added, note, weight from stock where qty > ? order by id")) {
                q.setInt(1, 0);
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next(), options);
                    assertEquals(1, r.getInt("id"));
                    assertEquals("bolt", r.getString("name"));
                    assertEquals(10, r.getInt("qty"));
                    assertEquals(new BigDecimal("0.25"), r.getBigDecimal("price"));
                    assertEquals(LocalDate.of(2026, 11, 1), r.getObject("added", LocalDate.class));
                    assertEquals("zinc", r.getString("note"));
                    assertEquals(0, new BigDecimal("1.55").compareTo(r.getBigDecimal("weight")), "numeric keeps its decimals");
                    assertTrue(r.next());
                    assertEquals("nut", r.getString("name"));
                    assertNull(r.getString("note"));
                    assertTrue(r.next());
                    assertEquals("it's a gear", r.getString("name"));
                    assertEquals("quoted 'text'", r.getString("note"));
                    assertFalse(r.next());
                }
            }
        }

        assertEquals("name\tqty\nbolt\t10\nnut\t20\nit's a gear\t3\n",
                RealClients.mariadb(port, "select name, qty from stock order by id"));
        RealClients.mariadb(port, "update stock set qty = qty + 5 where name = 'nut';"
                + " insert into `stock` (`name`, qty, price, added) values ('washer', 7, 0.05, '2026-11-22')");

        assertEquals("1|bolt|10|0.25|1.55\n2|nut|25|0.10|0.005\n3|it's a gear|3|12.50|1234.5\n4|washer|7|0.05|\n",
                RealClients.psql(port, "select id, name, qty, price, weight from stock order by id"));
        assertEquals("2.75\n", RealClients.psql(port, "select '2.75'::numeric"));
    }

    @Test
    void tableMadeByMysqlClientsIsReadAndChangedByPostgresqlClients() throws Exception {
        try (Connection my = RealClients.mariadbJdbc(port, ""); Statement s = my.createStatement()) {
            s.execute("create table `orders` (`id` int not null auto_increment primary key, customer varchar(30),"
                    + " paid tinyint(1) not null default 0, total decimal(8,2)) engine=InnoDB default charset=utf8mb4");
            try (PreparedStatement insert = my.prepareStatement("insert into orders (customer, total) values (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String[] row : new String[][] {{"ann", "19.99"}, {"bob", "5.00"}, {"cy", "100.10"}}) {
                    insert.setString(1, row[0]);
                    insert.setBigDecimal(2, new BigDecimal(row[1]));
                    insert.executeUpdate();
                }
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(3, keys.getInt(1), "AUTO_INCREMENT id from the OK packet");
                }
            }
        }

        // pgjdbc sends $1, $2: pg-server turns them into H2's ? with the runtime's ParameterTranslator,
        // leaving the '?' and '$1' inside the literals alone.
        try (Connection pg = RealClients.pgjdbc(port);
             PreparedStatement q = pg.prepareStatement("select customer, total, '?' as q, '$1' as d from orders"
                     + " where total > ? and customer <> ? order by id")) {
            q.setBigDecimal(1, new BigDecimal("10"));
            q.setString(2, "nobody");
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                assertEquals("ann", r.getString("customer"));
                assertEquals(new BigDecimal("19.99"), r.getBigDecimal("total"));
                assertEquals("?", r.getString("q"));
                assertEquals("$1", r.getString("d"));
                assertTrue(r.next());
                assertEquals("cy", r.getString("customer"));
                assertFalse(r.next());
            }
        }

        assertEquals("UPDATE 2\n", RealClients.psql(port, "update orders set paid = 1 where total < 50"));
        assertEquals("customer\tpaid\nann\t1\nbob\t1\ncy\t0\n",
                RealClients.mariadb(port, "select customer, paid from orders order by id"));
    }

    @Test
    void transactionsIsolateAcrossProtocolsAndKeepEachProtocolsRules() throws Exception {
        try (Connection pg = RealClients.pgjdbc(port); Connection my = RealClients.mariadbJdbc(port, "")) {
            try (Statement s = pg.createStatement()) {
                s.execute("create table ledger (id int primary key, amount int)");
            }
            pg.setAutoCommit(false);
            try (Statement s = pg.createStatement()) {
                s.executeUpdate("insert into ledger values (1, 100)");
            }
            assertEquals(0, count(my, "select count(*) from ledger"), "not committed yet");
            pg.commit();
            assertEquals(1, count(my, "select count(*) from ledger"), "committed through pgjdbc");

            // PostgreSQL's rule in the shared database: an error fails the whole block (25P02).
            try (Statement s = pg.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate("insert into ledger values (1, 1)"));
                SQLException refused = assertThrows(SQLException.class, () -> s.executeQuery("select 1"));
                assertEquals("25P02", refused.getSQLState());
            }
            pg.rollback();

            // MySQL's rule: only the statement fails, the transaction goes on.
            my.setAutoCommit(false);
            try (Statement s = my.createStatement()) {
                s.executeUpdate("insert into ledger values (2, 50)");
                SQLException duplicate = assertThrows(SQLException.class, () -> s.executeUpdate("insert into ledger values (1, 1)"));
                assertEquals(1062, duplicate.getErrorCode());
                s.executeUpdate("insert into ledger values (3, 25)");
            }
            assertEquals(1, count(pg, "select count(*) from ledger"), "MySQL's open transaction is invisible");
            pg.commit();
            my.commit();
            assertEquals(175, count(pg, "select sum(amount) from ledger"));
            pg.commit();
        }
        assertEquals("3\n", RealClients.psql(port, "select count(*) from ledger"));
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next());
            return r.getInt(1);
        }
    }
}
