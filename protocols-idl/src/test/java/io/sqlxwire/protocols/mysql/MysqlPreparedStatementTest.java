package io.sqlxwire.protocols.mysql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.Direction;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.MessageAccumulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prepared statements: "Binary Protocol Value" of every column and parameter type, binary rows,
 * COM_STMT_EXECUTE, COM_STMT_SEND_LONG_DATA and COM_STMT_FETCH. Bytes marked "doc" are the
 * examples of the MySQL Internals Manual ("Binary Protocol Value", "Binary Protocol Resultset",
 * "COM_STMT_EXECUTE"); the rest are computed by hand from the layouts there.
 */
class MysqlPreparedStatementTest {

    private static final HexFormat HEX = HexFormat.of();

    private static MyBinaryValueDecoder value(String hex, MyColumnType type) {
        byte[] bytes = HEX.parseHex(hex);
        MyBinaryValueDecoder value = new MyBinaryValueDecoder().wrap(WireBuffer.of(bytes), type.value());
        assertEquals(bytes.length, value.encodedLength(), type + " takes all of " + hex);
        // and the record writes the same bytes back
        assertArrayEquals(bytes, MyBinaryValue.decode(bytes, type.value()).encode(type.value()), type.toString());
        return value;
    }

    @Test
    void integersAndFloatsHaveFixedSizes() {
        assertEquals(1L, value("0100000000000000", MyColumnType.LONGLONG).valueAsLonglong());          // doc
        assertEquals(-2L, value("feffffffffffffff", MyColumnType.LONGLONG).valueAsLonglong());
        assertEquals(1L, value("01000000", MyColumnType.LONG).valueAsLong());                          // doc
        assertEquals(1L, value("01000000", MyColumnType.INT24).valueAsLong());                         // doc
        assertEquals(1, value("0100", MyColumnType.SHORT).valueAsShort());                             // doc
        assertEquals(2024, value("e807", MyColumnType.YEAR).valueAsShort());                           // YEAR: 2 bytes
        assertEquals(1, value("01", MyColumnType.TINY).valueAsTiny());                                 // doc
        assertEquals(10.2, value("6666666666662440", MyColumnType.DOUBLE).valueAsDouble());            // doc
        assertEquals(10.2f, value("33332341", MyColumnType.FLOAT).valueAsFloat());                     // doc
    }

    @Test
    void stringLikeTypesAreLengthEncodedStrings() {
        for (MyColumnType type : List.of(MyColumnType.STRING, MyColumnType.VARCHAR, MyColumnType.VAR_STRING,
                MyColumnType.ENUM, MyColumnType.SET, MyColumnType.LONG_BLOB, MyColumnType.MEDIUM_BLOB,
                MyColumnType.BLOB, MyColumnType.TINY_BLOB, MyColumnType.GEOMETRY, MyColumnType.BIT,
                MyColumnType.DECIMAL, MyColumnType.NEWDECIMAL, MyColumnType.JSON)) {
            MyBinaryValueDecoder foo = value("03666f6f", type);                                        // doc
            assertEquals("foo", new String(foo.valueAsOther().toByteArray(), StandardCharsets.US_ASCII), type.toString());
        }
        // DECIMAL(10,2) -15.50 as a string (MariaDB's "DECIMAL Binary Encoding")
        assertEquals("-15.50", new String(value("062d31352e3530", MyColumnType.NEWDECIMAL).valueAsOther().toByteArray(),
                StandardCharsets.US_ASCII));
        // a value of 251 bytes or more needs the 0xFC length form
        byte[] long300 = new byte[3 + 300];
        long300[0] = (byte) 0xFC;
        long300[1] = 44;
        long300[2] = 1;
        assertEquals(300, value(HEX.formatHex(long300), MyColumnType.BLOB).valueAsOther().length());
    }

    @Test
    void datesTakeZeroFourSevenOrElevenBytes() {
        for (MyColumnType type : List.of(MyColumnType.DATE, MyColumnType.DATETIME, MyColumnType.TIMESTAMP)) {
            MyBinaryDateTimeDecoder full = value("0bda070a11131b1e01000000", type).valueAsDate();     // doc
            assertEquals(List.of(11, 2010, 10, 17, 19, 27, 30, 1L), List.of(full.length(), full.year(), full.month(),
                    full.day(), full.hour(), full.minute(), full.second(), full.microsecond()));
            MyBinaryDateTimeDecoder seconds = value("07da070a11131b1e", type).valueAsDate();
            assertEquals(30, seconds.second());
            assertFalse(seconds.hasMicrosecond());
            MyBinaryDateTimeDecoder date = value("04da070a11", type).valueAsDate();                   // doc
            assertEquals(17, date.day());
            assertFalse(date.hasHour());
            MyBinaryDateTimeDecoder zero = value("00", type).valueAsDate();                           // 0000-00-00
            assertFalse(zero.hasYear());
        }
    }

    @Test
    void timesTakeZeroEightOrTwelveBytes() {
        MyBinaryTimeDecoder full = value("0c0178000000131b1e01000000", MyColumnType.TIME).valueAsTime(); // doc
        assertEquals(1, full.isNegative());
        assertEquals(120L, full.days());
        assertEquals(List.of(19, 27, 30), List.of(full.hour(), full.minute(), full.second()));
        assertEquals(1L, full.microsecond());
        MyBinaryTimeDecoder seconds = value("080178000000131b1e", MyColumnType.TIME).valueAsTime();   // doc
        assertFalse(seconds.hasMicrosecond());
        assertEquals(27, seconds.minute());
        assertFalse(value("00", MyColumnType.TIME).valueAsTime().hasDays());
    }

    /** A session after COM_STMT_PREPARE_OK announced {@code params} parameters (as the machine records it). */
    private static MySession prepared(int params) {
        MySession session = new MySession();
        session.executeParamCount = params;
        return session;
    }

    @Test
    void comStmtExecuteFromTheDocumentation() {
        // doc: execute statement 1 (no cursor, iteration 1) with one VARCHAR parameter "foo"
        byte[] packet = HEX.parseHex("12000000" + "17" + "01000000" + "00" + "01000000" + "00" + "01" + "0f00" + "03666f6f");
        MySession session = prepared(1);
        MyComStmtExecute execute = MyComStmtExecute.decode(WireBuffer.of(packet), 4, packet.length - 4, session);
        assertEquals(1L, execute.statementId());
        assertEquals(0, execute.flags().bits());
        // one parameter: a 1-byte NULL bitmap, the bound flag, its type (VARCHAR, signed), its value
        MyExecuteParameters parameters = execute.parameters();
        assertTrue(parameters.nullBitmap().isEmpty());
        assertEquals(1, parameters.newParamsBound());
        assertEquals(List.of(new MyExecuteParameterType(MyColumnType.VARCHAR, 0, null)), parameters.parameterTypes());
        MyBinaryValueValue.Other foo = (MyBinaryValueValue.Other) parameters.parameterValues().get(0).value().value();
        assertEquals("foo", new String(foo.value(), StandardCharsets.US_ASCII));
        assertArrayEquals(java.util.Arrays.copyOfRange(packet, 4, packet.length), execute.encode(session));
    }

    @Test
    void theParameterBlockIsLaidOutByTheSessionsCountWithNullsLeftOut() {
        // three parameters: a LONGLONG 7, a NULL (bit 1), a DATE 2024-10-17
        String block = "02" + "01" + "0800" + "0f00" + "0a00" + "0700000000000000" + "04e8070a11";
        byte[] body = HEX.parseHex("17" + "05000000" + "00" + "01000000" + block);
        MyComStmtExecuteDecoder decoder = new MyComStmtExecuteDecoder().wrap(WireBuffer.of(body), prepared(3));
        assertEquals(3L, decoder.count());
        MyExecuteParametersDecoder parameters = decoder.parameters();
        assertFalse(parameters.nullBitmap(0));
        assertTrue(parameters.nullBitmap(1));
        var values = parameters.parameterValues();
        assertEquals(7L, values.next().value().valueAsLonglong());
        assertFalse(values.next().hasValue());
        assertEquals(2024, values.next().value().valueAsDate().year());
        assertEquals(body.length, decoder.encodedLength());
        // no parameters prepared: nothing follows the iteration count
        MyComStmtExecuteDecoder none = new MyComStmtExecuteDecoder().wrap(WireBuffer.of(HEX.parseHex("17050000000001000000")),
                prepared(0));
        assertFalse(none.hasParameters());
        // the same block read with a count of 2 leaves bytes over, or breaks: not a silent success
        assertThrows(CodecException.class, () -> new MyComStmtExecuteDecoder().wrap(WireBuffer.of(body), prepared(2)));
    }

    @Test
    void afterLongDataTheValuesStayRaw() {
        // COM_STMT_SEND_LONG_DATA sent parameter 0: the block holds only parameter 1's value
        String block = "00" + "01" + "fc00" + "0300" + "2a000000";
        byte[] body = HEX.parseHex("17" + "05000000" + "00" + "01000000" + block);
        MySession session = prepared(2);
        session.longDataSent = true;
        MyExecuteParametersDecoder parameters = new MyComStmtExecuteDecoder().wrap(WireBuffer.of(body), session).parameters();
        assertFalse(parameters.hasParameterValues());
        assertEquals("2a000000", HEX.formatHex(parameters.rawValues().toByteArray()));
        // re-executed with the types bound before: values raw too
        byte[] again = HEX.parseHex("17" + "05000000" + "00" + "01000000" + "00" + "00" + "0500000000000000" + "2a000000");
        MyExecuteParametersDecoder rebound = new MyComStmtExecuteDecoder().wrap(WireBuffer.of(again), prepared(2)).parameters();
        assertEquals(0, rebound.newParamsBound());
        assertEquals(12, rebound.rawValues().length());
    }

    @Test
    void datesAndTimesOfAnotherLengthAreRefusedNamingTheField() {
        for (String bad : List.of("05e8070a1100", "01e8", "0c" + "00".repeat(12))) {
            CodecException e = assertThrows(CodecException.class,
                    () -> new MyBinaryValueDecoder().wrap(WireBuffer.of(HEX.parseHex(bad)), MyColumnType.DATETIME.value()));
            assertTrue(e.getMessage().contains("form"), e.getMessage());
        }
        CodecException time = assertThrows(CodecException.class,
                () -> new MyBinaryValueDecoder().wrap(WireBuffer.of(HEX.parseHex("04" + "00000000")), MyColumnType.TIME.value()));
        assertTrue(time.getMessage().contains("form"), time.getMessage());
    }

    @Test
    void aQueryIsBytesNotValidatedText() {
        // Connector/J's _binary'...' literal: 0xFF 0xFE are no UTF-8
        byte[] body = HEX.parseHex("03" + HEX.formatHex("select _binary'".getBytes(StandardCharsets.US_ASCII)) + "fffe" + "27");
        MyComQuery query = MyComQuery.decode(body, new MySession());
        assertEquals(body.length - 1, query.query().length);
        assertArrayEquals(body, query.encode(new MySession()));
    }

    @Test
    void sendLongDataAndFetchCommands() {
        byte[] longData = HEX.parseHex("18" + "05000000" + "0100" + "616263");
        MyComStmtSendLongData piece = MyComStmtSendLongData.decode(longData);
        assertEquals(5L, piece.statementId());
        assertEquals(1, piece.paramId());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), piece.data());
        assertArrayEquals(longData, piece.encode());

        byte[] fetch = HEX.parseHex("1c" + "05000000" + "0a000000");
        assertEquals(new MyComStmtFetch(5, 10), MyComStmtFetch.decode(fetch));
        assertArrayEquals(fetch, new MyComStmtFetch(5, 10).encode());
    }

    // ------------------------------------------------------------------ conversation

    /** A machine brought to Idle by the real pymysql conversation (MariaDB 10.11), minus its COM_QUIT. */
    private static final class Conversation {
        final MyMachine machine = new MyMachine(new MySession());
        final MyClientDispatcher fromClient = new MyClientDispatcher(machine.session(), machine);
        final MyServerDispatcher fromServer = new MyServerDispatcher(machine.session(), machine);
        final MessageAccumulator client = new MessageAccumulator(MyPacketFraming.INSTANCE, Limits.DEFAULTS);
        final MessageAccumulator server = new MessageAccumulator(MyPacketFraming.INSTANCE, Limits.DEFAULTS);
        final List<String> rows = new ArrayList<>();

        Conversation() throws Exception {
            Path conv = Path.of(MysqlPreparedStatementTest.class.getResource("/captures/conv/local/my-pymysql.conv").toURI());
            List<String> lines = Files.readAllLines(conv).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            for (String line : lines.subList(0, lines.size() - 1)) {
                send(line.startsWith("C"), HEX.parseHex(line.substring(2).strip()));
            }
        }

        void send(boolean client, byte[] bytes) {
            // one byte at a time: the accumulators see every possible split
            MessageAccumulator messages = client ? this.client : this.server;
            for (byte b : bytes) {
                messages.feed(new byte[] {b}, 0, 1);
                while (messages.next()) {
                    if (client) {
                        fromClient.dispatch(messages.frame(), machine.client());
                    } else {
                        fromServer.dispatch(messages.frame(), new MyServerHandler() {
                            @Override
                            public void onBinaryResultsetRow(MyBinaryResultsetRowDecoder m) {
                                MyBinaryColumnDecoder column = m.values().next();
                                rows.add(column.hasValue() ? new String(column.value().valueAsOther().toByteArray(), StandardCharsets.US_ASCII) : "NULL");
                                machine.server().onBinaryResultsetRow(m);
                            }

                            @Override
                            public void onComStmtPrepareOk(MyComStmtPrepareOkDecoder m) {
                                machine.server().onComStmtPrepareOk(m);
                            }

                            @Override
                            public void onHandshakeV10(MyHandshakeV10Decoder m) {
                                machine.server().onHandshakeV10(m);
                            }

                            @Override
                            public void onOkPacket(MyOkPacketDecoder m) {
                                machine.server().onOkPacket(m);
                            }

                            @Override
                            public void onResultSetHeader(MyResultSetHeaderDecoder m) {
                                machine.server().onResultSetHeader(m);
                            }

                            @Override
                            public void onColumnDefinition41(MyColumnDefinition41Decoder m) {
                                machine.server().onColumnDefinition41(m);
                            }

                            @Override
                            public void onEofPacket(MyEofPacketDecoder m) {
                                machine.server().onEofPacket(m);
                            }

                            @Override
                            public void onTextResultsetRow(MyTextResultsetRowDecoder m) {
                                machine.server().onTextResultsetRow(m);
                            }

                            @Override
                            public void onUnknown(long tag, WireBuffer body) {
                                machine.server().onUnknown(tag, body);
                            }
                        });
                    }
                }
            }
        }
    }

    @Test
    void aBinaryResultSetFromTheDocumentationAfterARealHandshake() throws Exception {
        Conversation c = new Conversation();
        assertSame(MyState.Idle, c.machine.state());
        // COM_STMT_EXECUTE of statement 1, no parameters
        c.send(true, HEX.parseHex("0a000000" + "17" + "01000000" + "00" + "01000000"));
        assertSame(MyState.AwaitingResult, c.machine.state());
        // doc ("Binary Protocol Resultset"): one VAR_STRING column col1, EOF, a row "foobar", EOF
        c.send(false, HEX.parseHex("0100000101"
                + "1a000002036465660000000463" + "6f6c31000c080006000000fd00001f0000"
                + "05000003fe00000200"
                + "09000004000006666f6f626172"
                + "05000005fe00000200"));
        assertEquals(List.of("foobar"), c.rows);
        assertSame(MyState.Idle, c.machine.state());
        assertTrue(c.machine.session().binaryRows);
        assertArrayEquals(new int[] {MyColumnType.VAR_STRING.value()}, c.machine.session().columnTypes.toArray());
    }

    @Test
    void aCursorIsFetchedFromAfterItsDefinitions() throws Exception {
        Conversation c = new Conversation();
        // a long parameter value first: the server does not answer, the machine stays Idle
        c.send(true, HEX.parseHex("0a000000" + "18" + "01000000" + "0000" + "666f6f"));
        assertSame(MyState.Idle, c.machine.state());
        // COM_STMT_EXECUTE with CURSOR_TYPE_READ_ONLY
        c.send(true, HEX.parseHex("0a000000" + "17" + "01000000" + "01" + "01000000"));
        // the definitions, then an EOF with SERVER_STATUS_CURSOR_EXISTS (0x40) | AUTOCOMMIT: no rows yet
        c.send(false, HEX.parseHex("0100000101"
                + "1a000002036465660000000463" + "6f6c31000c080006000000fd00001f0000"
                + "05000003fe00004200"));
        assertSame(MyState.Idle, c.machine.state());
        assertTrue(c.rows.isEmpty());
        // COM_STMT_FETCH 2 rows: two binary rows (the second one NULL), then EOF with LAST_ROW_SENT (0x80)
        c.send(true, HEX.parseHex("09000000" + "1c" + "01000000" + "02000000"));
        assertSame(MyState.Rows, c.machine.state());
        assertTrue(c.machine.allows(Direction.SERVER_TO_CLIENT, MyMachine.BINARY_RESULTSET_ROW));
        c.send(false, HEX.parseHex("0600000100" + "00" + "03616263" + "0200000200" + "04" + "05000003fe0000c200"));
        assertEquals(List.of("abc", "NULL"), c.rows);
        assertSame(MyState.Idle, c.machine.state());
    }

    @Test
    void theMachineTakesTheParameterCountFromThePrepareOk() throws Exception {
        Conversation c = new Conversation();
        // COM_STMT_PREPARE "select ?, ?" -> statement 2, no columns, 2 parameters, their definitions, EOF
        c.send(true, HEX.parseHex("0c000000" + "16" + HEX.formatHex("select ?, ?".getBytes(StandardCharsets.US_ASCII))));
        String parameter = "1a000002036465660000000463" + "6f6c31000c080006000000fd00001f0000";
        c.send(false, HEX.parseHex("0c000001" + "00" + "02000000" + "0000" + "0200" + "00" + "0000"
                + parameter.replaceFirst("^1a000002", "1a000002") + parameter.replaceFirst("^1a000002", "1a000003")
                + "05000004fe00000200"));
        assertSame(MyState.Idle, c.machine.state());
        assertEquals(2, c.machine.session().executeParamCount);
        // COM_STMT_EXECUTE with two TINY values 1 and 2: read with the count the machine recorded
        c.send(true, HEX.parseHex("12000000" + "17" + "02000000" + "00" + "01000000" + "00" + "01" + "0100" + "0100" + "01" + "02"));
        assertSame(MyState.AwaitingResult, c.machine.state());
    }
}
