package io.sqlxwire.benchmarks.mysql;

import io.sqlxwire.benchmarks.table.ReplayingInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.client.ColumnDecoder;
import org.mariadb.jdbc.client.ReadableByteBuf;
import org.mariadb.jdbc.client.impl.StandardReadableByteBuf;
import org.mariadb.jdbc.client.result.rowdecoder.BinaryRowDecoder;
import org.mariadb.jdbc.client.result.rowdecoder.RowDecoder;
import org.mariadb.jdbc.client.result.rowdecoder.TextRowDecoder;
import org.mariadb.jdbc.client.socket.impl.PacketReader;
import org.mariadb.jdbc.client.socket.impl.ReadAheadBufferedStream;
import org.mariadb.jdbc.client.util.MutableByte;
import org.mariadb.jdbc.client.util.MutableInt;

/**
 * The peer: MariaDB Connector/J 3.5.6's own reading stack over the same result set, without a
 * socket: its {@code ReadAheadBufferedStream} over an input that replays the result set, its
 * {@code PacketReader}, {@code ColumnDecoder.decodeStd} for each column definition (as its context
 * does without extended metadata), every row read with {@code readPacket} into its own
 * {@code byte[]} and kept in a growing {@code byte[][]} until the 0xFE OK (as {@code CompleteResult}
 * does), then each row positioned with {@code StandardReadableByteBuf.buf} and each column read
 * through the driver's {@code TextRowDecoder} / {@code BinaryRowDecoder} ({@code setPosition},
 * {@code wasNull}, {@code decodeLong}, {@code decodeDouble}) exactly as {@code Result.getLong} and
 * friends call them (minus the JDBC index checks). What is left out: the JDBC {@code ResultSet}
 * object and its {@code Context}, which need a live connection.
 *
 * <p>Read with the same rules as {@link MyResultSetReader}, so both return the same checksum:
 * strings, decimals and (in text) the double, the flag and the dates as byte length and first byte
 * straight from the driver's row buffer, without making a String.
 */
public final class MariaDbPeerReader {

    private static final RowDecoder TEXT = new TextRowDecoder();
    private static final RowDecoder BINARY = new BinaryRowDecoder();

    private final PacketReader reader;
    private final boolean binary;
    private final RowDecoder rowDecoder;
    private final StandardReadableByteBuf rowBuf = new StandardReadableByteBuf(new byte[0], 0);
    private final MutableInt fieldIndex = new MutableInt();
    private final MutableInt fieldLength = new MutableInt();
    private long checksum;

    /** A reader whose input replays {@code resultSet}; {@code binary} for a COM_STMT_EXECUTE answer. */
    public MariaDbPeerReader(byte[] resultSet, boolean binary) {
        try {
            Configuration conf = Configuration.parse("jdbc:mariadb://localhost/bench");
            reader = new PacketReader(new ReadAheadBufferedStream(new ReplayingInputStream(new byte[0], resultSet)),
                    conf, new MutableByte());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        this.binary = binary;
        this.rowDecoder = binary ? BINARY : TEXT;
    }

    /** Reads one whole result set; returns the checksum. */
    public long read() {
        try {
            return readResultSet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("the driver refused a value", e);
        }
    }

    private long readResultSet() throws IOException, SQLException {
        checksum = 0;
        int columnCount = reader.readReusablePacket(false).readIntLengthEncodedNotNull();
        ColumnDecoder[] columns = new ColumnDecoder[columnCount];
        for (int i = 0; i < columnCount; i++) {
            ColumnDecoder column = ColumnDecoder.decodeStd(reader.readReusablePacket(false));
            columns[i] = column;
            String name = column.getColumnAlias();
            checksum += name.length() + (name.isEmpty() ? 0 : name.charAt(0)) + column.getType().get()
                    + column.getColumnLength() + column.getFlags() + column.getDecimals();
        }
        // CLIENT_DEPRECATE_EOF: no EOF after the definitions. Rows are kept, as CompleteResult keeps them.
        byte[][] data = new byte[10][];
        int dataSize = 0;
        while (true) {
            byte[] packet = reader.readPacket(false);
            if (packet[0] == (byte) 0xFE && packet.length < 0xFFFFFF) {
                ReadableByteBuf ok = reader.readableBufFromArray(packet);
                ok.skip();
                ok.readLongLengthEncodedNotNull();
                ok.readLongLengthEncodedNotNull();
                checksum += ok.readUnsignedShort();
                break;
            }
            if (dataSize == data.length) {
                byte[][] grown = new byte[data.length + (data.length >> 1)][];
                System.arraycopy(data, 0, grown, 0, data.length);
                data = grown;
            }
            data[dataSize++] = packet;
        }
        byte[] nullBitmap = new byte[(columnCount + 9) / 8];
        for (int r = 0; r < dataSize; r++) {
            byte[] row = data[r];
            rowBuf.buf(row, row.length, 0);
            fieldIndex.set(-1);
            for (int i = 0; i < columnCount; i++) {
                readColumn(columns, i, nullBitmap);
            }
        }
        return checksum;
    }

    private void readColumn(ColumnDecoder[] columns, int index, byte[] nullBitmap) throws SQLException {
        fieldLength.set(rowDecoder.setPosition(index, fieldIndex, columns.length, rowBuf, nullBitmap, columns));
        if (rowDecoder.wasNull(nullBitmap, fieldIndex, fieldLength)) {
            checksum += 7;
            return;
        }
        int type = columns[index].getType().get();
        if (index <= 2 || binary && type == MyTableResultSet.TINY) {
            checksum += rowDecoder.decodeLong(columns, fieldIndex, rowBuf, fieldLength);
        } else if (binary && type == MyTableResultSet.DOUBLE) {
            checksum += Double.doubleToRawLongBits(rowDecoder.decodeDouble(columns, fieldIndex, rowBuf, fieldLength));
        } else if (binary && (type == MyTableResultSet.DATE || type == MyTableResultSet.DATETIME)) {
            // The driver's decodeDate/decodeTimestamp make java.sql objects; the fields are read in place.
            byte[] b = rowBuf.buf;
            int at = rowBuf.pos;
            int length = fieldLength.get();
            checksum += length + ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8) + b[at + 2] + b[at + 3];
            if (length >= 7) {
                checksum += b[at + 4] + b[at + 5] + b[at + 6];
            }
            rowBuf.skip(length);
        } else {
            int length = fieldLength.get();
            checksum += length + (length == 0 ? 0 : rowBuf.buf[rowBuf.pos] & 0xFF);
            // The driver's setPosition expects each value consumed, as its decoders consume it.
            rowBuf.skip(length);
        }
    }
}
