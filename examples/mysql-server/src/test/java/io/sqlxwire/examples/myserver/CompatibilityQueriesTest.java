package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityQueriesTest {
    private final ConnectionState state = new ConnectionState();
    private final SystemVariables variables = new SystemVariables(ServerConfig.of("u", "p"), state);

    private CompatibilityQueries.Answer answer(String sql) {
        return CompatibilityQueries.answer(sql, variables).orElse(null);
    }

    @Test
    void connectorJStartupSelectOfVariables() {
        var rows = (CompatibilityQueries.Rows) answer("/* mysql-connector-j-9.4.0 */SELECT  @@session.auto_increment_increment"
                + " AS auto_increment_increment, @@character_set_client AS character_set_client,"
                + " @@max_allowed_packet AS max_allowed_packet");
        assertEquals(List.of("auto_increment_increment", "character_set_client", "max_allowed_packet"),
                rows.columns().stream().map(ResultColumn::name).toList());
        assertArrayEquals(new Object[] {1L, "utf8mb4", 67108864L}, rows.rows().get(0));
    }

    @Test
    void mariadbCliVersionComment() {
        var rows = (CompatibilityQueries.Rows) answer("select @@version_comment limit 1");
        assertEquals("@@version_comment", rows.columns().get(0).name());
    }

    @Test
    void unknownVariableIsError1193() {
        var failed = (CompatibilityQueries.Failed) answer("select @@no_such_thing");
        assertEquals(1193, failed.error().code());
    }

    @Test
    void setStatements() {
        assertEquals(new CompatibilityQueries.Done(null), answer("SET NAMES utf8mb4"));
        assertEquals(new CompatibilityQueries.Done(false), answer("SET AUTOCOMMIT = 0"));
        assertEquals(new CompatibilityQueries.Done(true),
                answer("set autocommit=1, sql_mode = concat(@@sql_mode,',STRICT_TRANS_TABLES')"));
        assertEquals(new CompatibilityQueries.Done(null),
                answer("set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES'),NAMES utf8mb4"));
        assertEquals(new CompatibilityQueries.Done(null), answer("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"));
        assertNull(answer("SET @x = 1"), "user variables are H2's");
        assertNull(answer("select @@version + 1 from dual"), "expressions are H2's");
        assertNull(answer("select * from t"));
    }

    @Test
    void showVariablesLikeAndWhere() {
        var like = (CompatibilityQueries.Rows) answer("SHOW VARIABLES LIKE 'max\\_allowed%'");
        assertEquals(1, like.rows().size());
        assertArrayEquals(new Object[] {"max_allowed_packet", "67108864"}, like.rows().get(0));
        var where = (CompatibilityQueries.Rows) answer(
                "show session variables where Variable_name in ('autocommit', 'time_zone')");
        assertEquals(2, where.rows().size());
        state.autocommit = false;
        var again = (CompatibilityQueries.Rows) answer("show variables like 'autocommit'");
        assertArrayEquals(new Object[] {"autocommit", "0"}, again.rows().get(0));
    }

    @Test
    void warningsDatabaseAndVersion() {
        assertTrue(((CompatibilityQueries.Rows) answer("SHOW WARNINGS")).rows().isEmpty());
        state.schema = "shop";
        assertArrayEquals(new Object[] {"shop"}, ((CompatibilityQueries.Rows) answer("select database()")).rows().get(0));
        assertArrayEquals(new Object[] {ServerConfig.DEFAULT_VERSION},
                ((CompatibilityQueries.Rows) answer("SELECT VERSION()")).rows().get(0));
    }

    @Test
    void connectionIdAndDescribe() {
        state.connectionId = 17;
        assertArrayEquals(new Object[] {17L},
                ((CompatibilityQueries.Rows) answer("SELECT CONNECTION_ID()")).rows().get(0));
        assertEquals(new CompatibilityQueries.Rewritten("SHOW COLUMNS FROM items"), answer("describe items"));
        assertEquals(new CompatibilityQueries.Rewritten("SHOW COLUMNS FROM `items`"), answer("DESC `items`;"));
    }

    @Test
    void binaryLiteralsBecomeHex() {
        byte[] sql = "insert into t values (_binary'\0\1\\0\\'\u00ff', 'it''s _binary''x''')"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("insert into t values (X'00010027ff', 'it''s _binary''x''')",
                new String(BinaryLiterals.rewrite(sql), StandardCharsets.US_ASCII));
        assertNull(BinaryLiterals.rewrite("select 1".getBytes(StandardCharsets.US_ASCII)));
    }
}
