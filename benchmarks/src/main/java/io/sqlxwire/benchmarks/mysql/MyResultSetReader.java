package io.sqlxwire.benchmarks.mysql;

import io.sqlxwire.protocols.mysql.MyBinaryColumnDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryDateTimeDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryResultsetRowDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryValueDecoder;
import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MyColumnDefinition41Decoder;
import io.sqlxwire.protocols.mysql.MyPacketFraming;
import io.sqlxwire.protocols.mysql.MyResultSetHeaderDecoder;
import io.sqlxwire.protocols.mysql.MyResultSetOkDecoder;
import io.sqlxwire.protocols.mysql.MySession;
import io.sqlxwire.protocols.mysql.MyTextResultsetRowDecoder;
import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.TextView;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.AsciiDecimal;

/**
 * Ours: a whole MySQL result set read through the generated packet framing and decoders, the way
 * a driver that knows it is reading a result set walks it (the header, {@code columnCount}
 * definitions recording the column types into the {@link MySession}, rows until the 0xFE OK).
 * Every column of every row is read as a user would, with the same rules as {@link MariaDbPeerReader}:
 *
 * <ul>
 *   <li>column definitions: the name's byte length and first byte, type, column length, flags,
 *       decimals;
 *   <li>text rows: NULL or not; {@code id, big, small} parsed to a long from the bytes; every other
 *       column's byte length and first byte through a reused view;
 *   <li>binary rows: NULL or not; integers and the double read as numbers; DATE/DATETIME as their
 *       length byte plus year, month, day, hour, minute and second; strings and decimals as byte
 *       length and first byte;
 *   <li>the final OK's status flags.
 * </ul>
 *
 * <p>Nothing is copied and no String is made; one instance per thread.
 */
public final class MyResultSetReader {

    private final MySession session = new MySession();
    private final WireBuffer stream = new WireBuffer();
    private final WireBuffer rest = new WireBuffer();
    private final MyResultSetHeaderDecoder header = new MyResultSetHeaderDecoder();
    private final MyColumnDefinition41Decoder definition = new MyColumnDefinition41Decoder();
    private final MyTextResultsetRowDecoder textRow = new MyTextResultsetRowDecoder();
    private final MyBinaryResultsetRowDecoder binaryRow = new MyBinaryResultsetRowDecoder();
    private final MyResultSetOkDecoder ok = new MyResultSetOkDecoder();
    private final TextView text = new TextView();
    private int[] types = new int[16];
    /** Whole length (header included) of the packet next() found. */
    private int packetLength;
    private long checksum;

    public MyResultSetReader() {
        session.capabilities = new MyCapabilityFlags(MyTableResultSet.CAPABILITIES);
    }

    /** Reads one whole result set held in {@code bytes}; {@code binary} for COM_STMT_EXECUTE's. */
    public long read(byte[] bytes, boolean binary) {
        checksum = 0;
        session.binaryRows = binary;
        stream.wrap(bytes, 0, bytes.length);
        int pos = next(0);
        session.columnCount = header.wrap(stream, pos + MyPacketFraming.HEADER_LENGTH,
                packetLength - MyPacketFraming.HEADER_LENGTH, session).columnCount();
        int columns = (int) session.columnCount;
        if (types.length < columns) {
            types = new int[columns];
        }
        session.columnTypes.clear();
        pos += packetLength;
        for (int c = 0; c < columns; c++) {
            pos = next(pos);
            MyColumnDefinition41Decoder d = definition.wrap(stream, pos + MyPacketFraming.HEADER_LENGTH,
                    packetLength - MyPacketFraming.HEADER_LENGTH, session);
            TextView name = d.name();
            types[c] = d.type();
            session.columnTypes.add(d.type());
            checksum += name.byteLength() + firstByte(name) + d.type() + d.columnLength() + d.flags()
                    + d.decimals();
            pos += packetLength;
        }
        while (true) {
            pos = next(pos);
            int at = pos + MyPacketFraming.HEADER_LENGTH;
            int length = packetLength - MyPacketFraming.HEADER_LENGTH;
            pos += packetLength;
            if (length > 0 && stream.u8(at) == 0xFE && length < 0xFFFFFF) {
                checksum += ok.wrap(stream, at, length, session).ok().statusFlags();
                return checksum;
            }
            if (binary) {
                readBinaryRow(binaryRow.wrap(stream, at, length, session));
            } else {
                readTextRow(textRow.wrap(stream, at, length, session));
            }
        }
    }

    /** Finds the packet at {@code pos}; its whole length (header included) goes to packetLength. */
    private int next(int pos) {
        stream.slice(pos, stream.length() - pos, rest);
        if (rest.length() < MyPacketFraming.HEADER_LENGTH) {
            throw new IllegalStateException("result set ends inside a packet header at offset " + pos);
        }
        long length = MyPacketFraming.INSTANCE.frameLength(rest);
        if (length > rest.length()) {
            throw new IllegalStateException("result set ends inside a packet at offset " + pos);
        }
        packetLength = (int) length;
        return pos;
    }

    private void readTextRow(MyTextResultsetRowDecoder row) {
        MyTextResultsetRowDecoder.ValuesCursor values = row.values();
        for (int i = 0; values.hasNext(); i++) {
            values.next();
            if (values.isValueNull()) {
                checksum += 7;
                continue;
            }
            ByteView value = values.value();
            if (i <= 2) {
                checksum += AsciiDecimal.parse(value);
            } else {
                TextView view = text.wrap(value);
                checksum += view.byteLength() + firstByte(view);
            }
        }
    }

    private void readBinaryRow(MyBinaryResultsetRowDecoder row) {
        MyBinaryResultsetRowDecoder.ValuesCursor values = row.values();
        for (int i = 0; values.hasNext(); i++) {
            MyBinaryColumnDecoder column = values.next();
            if (!column.hasValue()) {
                checksum += 7;
                continue;
            }
            MyBinaryValueDecoder value = column.value();
            switch (types[i]) {
                case MyTableResultSet.LONG:
                    checksum += (int) value.valueAsLong();
                    break;
                case MyTableResultSet.LONGLONG:
                    checksum += value.valueAsLonglong();
                    break;
                case MyTableResultSet.SHORT:
                    checksum += (short) value.valueAsShort();
                    break;
                case MyTableResultSet.TINY:
                    checksum += (byte) value.valueAsTiny();
                    break;
                case MyTableResultSet.DOUBLE:
                    checksum += Double.doubleToRawLongBits(value.valueAsDouble());
                    break;
                case MyTableResultSet.DATE:
                case MyTableResultSet.DATETIME:
                    MyBinaryDateTimeDecoder date = value.valueAsDate();
                    checksum += date.length() + date.year() + date.month() + date.day();
                    if (date.hasHour()) {
                        checksum += date.hour() + date.minute() + date.second();
                    }
                    break;
                default:
                    ByteView bytes = value.valueAsOther();
                    checksum += bytes.length() + firstByte(bytes);
                    break;
            }
        }
    }

    private static int firstByte(TextView text) {
        return text.isEmpty() ? 0 : text.u8(0);
    }

    private static int firstByte(ByteView bytes) {
        return bytes.isEmpty() ? 0 : bytes.u8(0);
    }
}
