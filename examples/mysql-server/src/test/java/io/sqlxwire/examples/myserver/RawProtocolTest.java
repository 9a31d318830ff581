package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.protocols.mysql.MyColumnDefinition41;
import io.sqlxwire.protocols.mysql.MyColumnFlags;
import io.sqlxwire.protocols.mysql.MyColumnType;
import io.sqlxwire.protocols.mysql.MyCommand;
import io.sqlxwire.protocols.mysql.MyEofPacket;
import io.sqlxwire.protocols.mysql.MyOkFields;
import io.sqlxwire.protocols.mysql.MyOkPacket;
import io.sqlxwire.protocols.mysql.MyResultSetOk;
import io.sqlxwire.protocols.mysql.MyStatistics;
import io.sqlxwire.protocols.mysql.MyStatusFlags;
import io.sqlxwire.protocols.mysql.MyTextResultsetRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's packets read with the generated records: column definitions (types, charsets,
 * flags, lengths, decimals), EOF versus the 0xFE OK by CLIENT_DEPRECATE_EOF, status flags, and the
 * commands real clients rarely send.
 */
class RawProtocolTest {
    static MyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(AuthPlugin.MYSQL_NATIVE_PASSWORD, null);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static final String QUERY = "select cast(7 as int) as i, cast('x' as varchar(5)) as s,"
            + " cast(null as varbinary(4)) as b, cast(2.50 as decimal(6,2)) as d, true as t,"
            + " cast('2024-01-02 03:04:05.5' as timestamp(3)) as ts";

    private static void assertColumns(RawClient c) throws Exception {
        MyColumnDefinition41 i = MyColumnDefinition41.decode(c.packet(), c.session);
        assertEquals("i", i.name());
        assertEquals(MyColumnType.LONG, i.type());
        assertEquals(ResultColumn.BINARY_CHARSET, i.characterSet());
        assertEquals(11, i.columnLength());
        assertTrue(i.flags().has(MyColumnFlags.NUM));
        assertFalse(i.flags().has(MyColumnFlags.UNSIGNED));
        MyColumnDefinition41 s = MyColumnDefinition41.decode(c.packet(), c.session);
        assertEquals(MyColumnType.VAR_STRING, s.type());
        assertEquals(ResultColumn.UTF8MB4_GENERAL_CI, s.characterSet());
        assertEquals(20, s.columnLength());
        assertFalse(s.flags().has(MyColumnFlags.BINARY));
        MyColumnDefinition41 b = MyColumnDefinition41.decode(c.packet(), c.session);
        assertEquals(MyColumnType.VAR_STRING, b.type());
        assertEquals(ResultColumn.BINARY_CHARSET, b.characterSet());
        assertTrue(b.flags().has(MyColumnFlags.BINARY));
        MyColumnDefinition41 d = MyColumnDefinition41.decode(c.packet(), c.session);
        assertEquals(MyColumnType.NEWDECIMAL, d.type());
        assertEquals(2, d.decimals());
        assertEquals(8, d.columnLength());
        MyColumnDefinition41 t = MyColumnDefinition41.decode(c.packet(), c.session);
        assertEquals(MyColumnType.TINY, t.type());
        assertEquals(1, t.columnLength());
        MyColumnDefinition41 ts = MyColumnDefinition41.decode(c.packet(), c.session);
        assertEquals(MyColumnType.DATETIME, ts.type());
        assertEquals(3, ts.decimals());
        assertEquals(23, ts.columnLength());
    }

    private static void assertRow(RawClient c) throws Exception {
        List<byte[]> values = MyTextResultsetRow.decode(c.packet(), rowSession(c)).values();
        assertArrayEquals("7".getBytes(StandardCharsets.UTF_8), values.get(0));
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), values.get(1));
        assertNull(values.get(2));
        assertArrayEquals("2.50".getBytes(StandardCharsets.UTF_8), values.get(3));
        assertArrayEquals("1".getBytes(StandardCharsets.UTF_8), values.get(4));
        assertArrayEquals("2024-01-02 03:04:05.500".getBytes(StandardCharsets.UTF_8), values.get(5));
    }

    private static io.sqlxwire.protocols.mysql.MySession rowSession(RawClient c) {
        c.session.columnCount = 6;
        return c.session;
    }

    @Test
    void withoutDeprecateEofEofPacketsEndDefinitionsAndRows() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login(false);
            c.command(MyCommand.COM_QUERY.value(), QUERY);
            assertArrayEquals(new byte[] {6}, c.packet());
            assertColumns(c);
            MyEofPacket afterColumns = MyEofPacket.decode(c.packet(), c.session);
            assertTrue(afterColumns.statusFlags().has(MyStatusFlags.SERVER_STATUS_AUTOCOMMIT));
            assertRow(c);
            byte[] end = c.packet();
            assertEquals((byte) 0xFE, end[0]);
            assertTrue(end.length < 9, "an EOF packet, not an OK");
            MyEofPacket.decode(end, c.session);
        }
    }

    @Test
    void withDeprecateEofAnOkWithHeaderFeEndsTheRows() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login(true);
            c.command(MyCommand.COM_QUERY.value(), QUERY);
            assertArrayEquals(new byte[] {6}, c.packet());
            assertColumns(c);
            assertRow(c);   // no EOF between definitions and rows
            MyResultSetOk end = MyResultSetOk.decode(c.packet(), c.session);
            assertTrue(end.ok().statusFlags().has(MyStatusFlags.SERVER_STATUS_AUTOCOMMIT));
        }
    }

    private static MyOkFields ok(RawClient c, String sql) throws Exception {
        c.command(MyCommand.COM_QUERY.value(), sql);
        return MyOkPacket.decode(c.packet(), c.session).ok();
    }

    @Test
    void statusFlagsFollowTransactionsAndAutocommit() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login(true);
            ok(c, "create table flags(id int auto_increment primary key, v int)");
            MyOkFields begun = ok(c, "start transaction");
            assertTrue(begun.statusFlags().has(MyStatusFlags.SERVER_STATUS_IN_TRANS));
            assertTrue(begun.statusFlags().has(MyStatusFlags.SERVER_STATUS_AUTOCOMMIT));
            MyOkFields inserted = ok(c, "insert into flags(v) values (10), (20)");
            assertEquals(2L, inserted.affectedRows());
            assertEquals(2L, inserted.lastInsertId());
            assertTrue(inserted.statusFlags().has(MyStatusFlags.SERVER_STATUS_IN_TRANS));
            assertFalse(ok(c, "commit").statusFlags().has(MyStatusFlags.SERVER_STATUS_IN_TRANS));
            MyOkFields manual = ok(c, "SET autocommit=0");
            assertFalse(manual.statusFlags().has(MyStatusFlags.SERVER_STATUS_AUTOCOMMIT));
            assertFalse(manual.statusFlags().has(MyStatusFlags.SERVER_STATUS_IN_TRANS));
            assertTrue(ok(c, "update flags set v = v + 1").statusFlags().has(MyStatusFlags.SERVER_STATUS_IN_TRANS));
            MyOkFields on = ok(c, "SET autocommit=1");   // commits the open transaction
            assertTrue(on.statusFlags().has(MyStatusFlags.SERVER_STATUS_AUTOCOMMIT));
            assertFalse(on.statusFlags().has(MyStatusFlags.SERVER_STATUS_IN_TRANS));
        }
    }

    @Test
    void fieldListStatisticsInitDbResetAndChangeUser() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login(true);
            ok(c, "create table listed(id int not null, name varchar(10))");
            c.command(MyCommand.COM_FIELD_LIST.value(), "listed\0");
            c.session.fieldList = true;
            MyColumnDefinition41 id = MyColumnDefinition41.decode(c.packet(), c.session);
            assertEquals("id", id.name());
            assertTrue(id.flags().has(MyColumnFlags.NOT_NULL));
            assertNull(id.defaultValues());
            assertEquals("name", MyColumnDefinition41.decode(c.packet(), c.session).name());
            c.session.fieldList = false;
            MyResultSetOk.decode(c.packet(), c.session);

            c.command(MyCommand.COM_STATISTICS.value(), "");
            assertTrue(MyStatistics.decode(c.packet()).status().startsWith("Uptime: "));

            c.command(MyCommand.COM_INIT_DB.value(), "no_such_db");
            assertEquals(1049, RawClient.errorCode(c.packet()));
            c.command(MyCommand.COM_INIT_DB.value(), "public");
            MyOkPacket.decode(c.packet(), c.session);

            c.send(0, new byte[] {(byte) MyCommand.COM_STMT_RESET.value(), 99, 0, 0, 0});
            assertEquals(MyError.UNKNOWN_STMT_HANDLER, RawClient.errorCode(c.packet()));

            ok(c, "SET autocommit=0");
            c.command(MyCommand.COM_RESET_CONNECTION.value(), "");
            assertTrue(MyOkPacket.decode(c.packet(), c.session).ok().statusFlags()
                    .has(MyStatusFlags.SERVER_STATUS_AUTOCOMMIT));

            c.command(MyCommand.COM_CHANGE_USER.value(), "other\0\0\0");
            assertEquals(MyError.NOT_SUPPORTED_YET, RawClient.errorCode(c.packet()));
            c.command(MyCommand.COM_PING.value(), "");
            MyOkPacket.decode(c.packet(), c.session);
        }
    }
}
