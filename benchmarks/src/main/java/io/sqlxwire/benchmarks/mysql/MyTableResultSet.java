package io.sqlxwire.benchmarks.mysql;

import io.sqlxwire.benchmarks.table.BenchTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A MySQL/MariaDB server's result set for {@code select * from bench} over {@link BenchTable}, as
 * packets (3-byte length, sequence id): the column count, 10 ColumnDefinition41 packets, one row
 * per table row, and the OK packet with header 0xFE that ends a result set under
 * CLIENT_DEPRECATE_EOF (no EOF packets). Text rows answer COM_QUERY; binary rows (0x00 header, NULL
 * bitmap at offset 2, values by column type) answer COM_STMT_EXECUTE.
 *
 * <p>Column types: {@code id INT, big BIGINT, small SMALLINT, name VARCHAR, price DECIMAL(12,2),
 * ratio DOUBLE, flag TINYINT, created DATETIME, day DATE, note VARCHAR} (nullable). Written by this
 * small writer, not by the generated encoders; the tests check that MariaDB Connector/J and the
 * generated decoders both read the table's values from it.
 */
public final class MyTableResultSet {

    /** Client capabilities in force: CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS | CLIENT_DEPRECATE_EOF. */
    public static final long CAPABILITIES = 0x200L | 0x2000L | 0x1000000L;
    /** SERVER_STATUS_AUTOCOMMIT, in the final OK. */
    static final int STATUS_FLAGS = 0x0002;

    static final int LONG = 3;
    static final int LONGLONG = 8;
    static final int SHORT = 2;
    static final int VAR_STRING = 253;
    static final int NEWDECIMAL = 246;
    static final int DOUBLE = 5;
    static final int TINY = 1;
    static final int DATETIME = 12;
    static final int DATE = 10;

    /** Type, character set, column length, flags and decimals of each column, in order. */
    static final int[][] COLUMNS = {
        {LONG, 63, 11, 0x1003, 0}, {LONGLONG, 63, 20, 0x1001, 0}, {SHORT, 63, 6, 0x1001, 0},
        {VAR_STRING, 45, 400, 0x1001, 0}, {NEWDECIMAL, 63, 14, 0x1001, 2}, {DOUBLE, 63, 22, 0x1001, 31},
        {TINY, 63, 4, 0x1001, 0}, {DATETIME, 63, 19, 0x1081, 0}, {DATE, 63, 10, 0x1081, 0},
        {VAR_STRING, 45, 400, 0, 0},
    };

    private MyTableResultSet() {
    }

    /** The text result set (answer to COM_QUERY) of the first {@code rows} rows. */
    public static byte[] text(int rows) {
        return build(rows, false);
    }

    /** The binary result set (answer to COM_STMT_EXECUTE) of the first {@code rows} rows. */
    public static byte[] binary(int rows) {
        return build(rows, true);
    }

    private static byte[] build(int rows, boolean binary) {
        PacketWriter out = new PacketWriter(rows * 100 + 1024);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        writeLenenc(payload, BenchTable.COLUMNS);
        out.packet(payload);
        for (int c = 0; c < BenchTable.COLUMNS; c++) {
            payload.reset();
            columnDefinition(payload, c);
            out.packet(payload);
        }
        for (int r = 0; r < rows; r++) {
            payload.reset();
            if (binary) {
                binaryRow(payload, r);
            } else {
                textRow(payload, r);
            }
            out.packet(payload);
        }
        payload.reset();
        payload.write(0xFE);
        writeLenenc(payload, 0);
        writeLenenc(payload, 0);
        writeInt16(payload, STATUS_FLAGS);
        writeInt16(payload, 0);
        out.packet(payload);
        return out.toByteArray();
    }

    private static void columnDefinition(ByteArrayOutputStream out, int column) {
        int[] c = COLUMNS[column];
        writeLenencString(out, "def");
        writeLenencString(out, "bench");
        writeLenencString(out, "bench");
        writeLenencString(out, "bench");
        writeLenencString(out, BenchTable.NAMES[column]);
        writeLenencString(out, BenchTable.NAMES[column]);
        writeLenenc(out, 0x0c);
        writeInt16(out, c[1]);
        writeInt32(out, c[2]);
        out.write(c[0]);
        writeInt16(out, c[3]);
        out.write(c[4]);
        writeInt16(out, 0);
    }

    /** MySQL's text for column {@code column} of row {@code row} (TINYINT booleans are 1/0). */
    static String text(int row, int column) {
        if (column == 6) {
            return BenchTable.flag(row) ? "1" : "0";
        }
        return BenchTable.text(row, column);
    }

    private static void textRow(ByteArrayOutputStream out, int row) {
        for (int c = 0; c < BenchTable.COLUMNS; c++) {
            String value = text(row, c);
            if (value == null) {
                out.write(0xFB);
            } else {
                writeLenencString(out, value);
            }
        }
    }

    private static void binaryRow(ByteArrayOutputStream out, int row) {
        out.write(0x00);
        byte[] nullBitmap = new byte[(BenchTable.COLUMNS + 7 + 2) / 8];
        if (BenchTable.note(row) == null) {
            int bit = 9 + 2;
            nullBitmap[bit / 8] |= (byte) (1 << (bit % 8));
        }
        out.writeBytes(nullBitmap);
        writeInt32(out, BenchTable.id(row));
        writeInt64(out, BenchTable.big(row));
        writeInt16(out, BenchTable.small(row));
        writeLenencString(out, BenchTable.name(row));
        writeLenencString(out, BenchTable.price(row));
        writeInt64(out, Double.doubleToRawLongBits(BenchTable.ratio(row)));
        out.write(BenchTable.flag(row) ? 1 : 0);
        out.write(7);
        dateParts(out, row);
        out.write(BenchTable.hour(row));
        out.write(BenchTable.minute(row));
        out.write(BenchTable.second(row));
        out.write(4);
        dateParts(out, row);
        String note = BenchTable.note(row);
        if (note != null) {
            writeLenencString(out, note);
        }
    }

    private static void dateParts(ByteArrayOutputStream out, int row) {
        writeInt16(out, BenchTable.year(row));
        out.write(BenchTable.month(row));
        out.write(BenchTable.dayOfMonth(row));
    }

    private static void writeLenencString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeLenenc(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeLenenc(ByteArrayOutputStream out, long value) {
        if (value < 0xFB) {
            out.write((int) value);
        } else if (value <= 0xFFFF) {
            out.write(0xFC);
            writeInt16(out, (int) value);
        } else {
            throw new IllegalArgumentException("longer values are not needed here: " + value);
        }
    }

    private static void writeInt16(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
    }

    private static void writeInt32(ByteArrayOutputStream out, int value) {
        writeInt16(out, value);
        writeInt16(out, value >>> 16);
    }

    private static void writeInt64(ByteArrayOutputStream out, long value) {
        writeInt32(out, (int) value);
        writeInt32(out, (int) (value >>> 32));
    }

    /** Packets with a 3-byte little-endian length and a sequence id counting from 1 (0 was the command). */
    private static final class PacketWriter {
        private final ByteArrayOutputStream out;
        private int sequence = 1;

        PacketWriter(int capacity) {
            out = new ByteArrayOutputStream(capacity);
        }

        void packet(ByteArrayOutputStream payload) {
            int length = payload.size();
            out.write(length);
            out.write(length >>> 8);
            out.write(length >>> 16);
            out.write(sequence++ & 0xFF);
            out.writeBytes(payload.toByteArray());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
