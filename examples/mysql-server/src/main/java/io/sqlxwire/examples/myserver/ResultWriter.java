package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyBinaryResultsetRowEncoder;
import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MyColumnDefinition41Encoder;
import io.sqlxwire.protocols.mysql.MyColumnType;
import io.sqlxwire.protocols.mysql.MyEofPacketEncoder;
import io.sqlxwire.protocols.mysql.MyErrPacketEncoder;
import io.sqlxwire.protocols.mysql.MyOkPacketEncoder;
import io.sqlxwire.protocols.mysql.MyResultSetHeaderEncoder;
import io.sqlxwire.protocols.mysql.MyResultSetOkEncoder;
import io.sqlxwire.protocols.mysql.MySession;
import io.sqlxwire.protocols.mysql.MyTextResultsetRowEncoder;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;

/**
 * Writes the server's answers with the generated encoders: OK, ERR, and result sets in the text or
 * the binary protocol. With CLIENT_DEPRECATE_EOF (negotiated, so in the session's capabilities) the
 * column definitions are not followed by an EOF and the rows end with an OK whose header is 0xFE;
 * without it EOF packets do both jobs, as pre-5.7 clients expect.
 */
final class ResultWriter {
    private final PacketChannel channel;
    private final MySession session;
    private final MyOkPacketEncoder ok = new MyOkPacketEncoder();
    private final MyErrPacketEncoder err = new MyErrPacketEncoder();
    private final MyEofPacketEncoder eof = new MyEofPacketEncoder();
    private final MyResultSetOkEncoder resultSetOk = new MyResultSetOkEncoder();
    private final MyResultSetHeaderEncoder header = new MyResultSetHeaderEncoder();
    private final MyColumnDefinition41Encoder definition = new MyColumnDefinition41Encoder();
    private final MyTextResultsetRowEncoder textRow = new MyTextResultsetRowEncoder();
    private final MyBinaryResultsetRowEncoder binaryRow = new MyBinaryResultsetRowEncoder();
    private final BitSet nulls = new BitSet();

    ResultWriter(PacketChannel channel, MySession session) {
        this.channel = channel;
        this.session = session;
    }

    /** Rows of a result, one {@code Object[]} per call, {@code null} after the last. */
    interface Rows {
        Object[] next() throws Exception;
    }

    boolean deprecateEof() {
        return session.capabilities.has(MyCapabilityFlags.CLIENT_DEPRECATE_EOF);
    }

    void ok(long affectedRows, long lastInsertId, int status) {
        WireWriter out = channel.begin();
        ok.wrap(out, session).ok().affectedRows(affectedRows).lastInsertId(lastInsertId)
                .statusFlags(status).warnings(0).infoRest("");
        ok.finish();
        channel.end();
    }

    void error(MyError error) {
        writeError(error);
        channel.end();
    }

    /**
     * An ERR the machine has no transition for: the one that closes a broken conversation, and the
     * answer to a command byte {@code mysql.wire} does not know (which never reached the machine).
     */
    void unchecked(MyError error) {
        writeError(error);
        channel.endUnchecked();
    }

    private void writeError(MyError error) {
        WireWriter out = channel.begin();
        err.wrap(out, session).errorCode(error.code());
        if (session.capabilities.has(MyCapabilityFlags.CLIENT_PROTOCOL_41)) {
            err.sqlState(error.sqlState());
        }
        err.errorMessage(error.message());
        err.finish();
    }

    /** The column count, the column definitions, and (without CLIENT_DEPRECATE_EOF) their EOF. */
    void columns(List<ResultColumn> columns, int status) {
        WireWriter out = channel.begin();
        header.wrap(out, session).columnCount(columns.size());
        header.finish();
        channel.end();
        for (ResultColumn column : columns) {
            definition(column, null);
        }
        if (!deprecateEof()) {
            eof(status);
        }
    }

    /** One ColumnDefinition41; {@code defaultValue} only for COM_FIELD_LIST answers. */
    void definition(ResultColumn column, byte[] defaultValue) {
        WireWriter out = channel.begin();
        definition.wrap(out, session).schema(column.schema()).table(column.table()).orgTable(column.table())
                .name(column.name()).orgName(column.name())
                .characterSet(column.charset()).columnLength(column.length()).type(column.type())
                .flags(column.flags()).decimals(column.decimals());
        if (session.fieldList) {
            if (defaultValue == null) {
                definition.defaultValuesNull();
            } else {
                definition.defaultValues(defaultValue);
            }
        }
        definition.finish();
        channel.end();
    }

    /** A text-protocol row. */
    void textRow(List<ResultColumn> columns, Object[] values) {
        WireWriter out = channel.begin();
        textRow.wrap(out, session);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                textRow.valuesAddNull();
            } else {
                textRow.valuesAdd(TextValues.of(values[i], columns.get(i)));
            }
        }
        textRow.finish();
        channel.end();
    }

    /** A binary-protocol row: the NULL bitmap, then each non-NULL value in its column type's layout. */
    void binaryRow(List<ResultColumn> columns, Object[] values) {
        WireWriter out = channel.begin();
        nulls.clear();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || columns.get(i).type() == MyColumnType.NULL) {
                nulls.set(i);
            }
        }
        binaryRow.wrap(out, session).nullBitmap(nulls);
        for (int i = 0; i < values.length; i++) {
            if (nulls.get(i)) {
                binaryRow.valuesAdd();
            } else {
                BinaryValues.write(binaryRow.valuesAdd().value(), values[i], columns.get(i));
            }
        }
        binaryRow.finish();
        channel.end();
    }

    /** What ends the rows: an EOF, or under CLIENT_DEPRECATE_EOF an OK with header 0xFE. */
    void endOfRows(int status) {
        if (deprecateEof()) {
            WireWriter out = channel.begin();
            resultSetOk.wrap(out, session).ok().affectedRows(0).lastInsertId(0).statusFlags(status).warnings(0).infoRest("");
            resultSetOk.finish();
            channel.end();
        } else {
            eof(status);
        }
    }

    void eof(int status) {
        WireWriter out = channel.begin();
        eof.wrap(out, session).warnings(0).statusFlags(status);
        eof.finish();
        channel.end();
    }

    /**
     * A whole result set. A failure while reading the rows ends it with an ERR in place of the final
     * EOF/OK, as MySQL does when a row cannot be produced.
     */
    void resultSet(List<ResultColumn> columns, Rows rows, boolean binary, StatusSource status) throws IOException {
        columns(columns, status.status());
        Object[] values;
        while (true) {
            try {
                values = rows.next();
            } catch (Exception e) {
                error(ErrorMapping.of(e));
                return;
            }
            if (values == null) {
                break;
            }
            if (binary) {
                binaryRow(columns, values);
            } else {
                textRow(columns, values);
            }
            channel.flushIfLarge();
        }
        endOfRows(status.status());
    }

    /** The status flags as they are when a packet is written (a row may have failed a transaction). */
    interface StatusSource {
        int status();
    }
}
