package io.sqlxwire.benchmarks.postgresql;

import io.sqlxwire.benchmarks.table.BenchTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's answer to {@code select * from bench} over {@link BenchTable}, in text format: a
 * RowDescription of 10 fields, one DataRow per row, CommandComplete {@code SELECT n} and
 * ReadyForQuery {@code I}, laid out as PostgreSQL 15 sends them (the field attributes are those
 * of a table created as {@code id int4, big int8, small int2, name text, price numeric(12,2),
 * ratio float8, flag bool, created timestamp, day date, note text}).
 *
 * <p>Written by this small writer, not by the generated encoders, so that the bytes do not share
 * a mistake with the decoders under test; every peer (r2dbc-postgresql, pgjdbc) reads them and the
 * tests check that all decoders read the same values.
 */
public final class PgTableAnswer {

    static final int TABLE_OID = 16_384;
    /** Type OID, type size and type modifier of each column, in order. */
    static final int[][] TYPES = {
        {23, 4, -1}, {20, 8, -1}, {21, 2, -1}, {25, -1, -1}, {1700, -1, (12 << 16 | 2) + 4},
        {701, 8, -1}, {16, 1, -1}, {1114, 8, -1}, {1082, 4, -1}, {25, -1, -1},
    };

    private PgTableAnswer() {
    }

    /** The whole answer for the first {@code rows} rows of the table. */
    public static byte[] build(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 120 + 512);
        out.writeBytes(rowDescription());
        for (int row = 0; row < rows; row++) {
            out.writeBytes(dataRow(row));
        }
        out.writeBytes(message('C', cstring("SELECT " + rows)));
        out.writeBytes(message('Z', new byte[] {'I'}));
        return out.toByteArray();
    }

    static byte[] rowDescription() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt16(body, BenchTable.COLUMNS);
        for (int column = 0; column < BenchTable.COLUMNS; column++) {
            body.writeBytes(cstring(BenchTable.NAMES[column]));
            writeInt32(body, TABLE_OID);
            writeInt16(body, column + 1);
            writeInt32(body, TYPES[column][0]);
            writeInt16(body, TYPES[column][1]);
            writeInt32(body, TYPES[column][2]);
            writeInt16(body, 0);
        }
        return message('T', body.toByteArray());
    }

    static byte[] dataRow(int row) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt16(body, BenchTable.COLUMNS);
        for (int column = 0; column < BenchTable.COLUMNS; column++) {
            String value = BenchTable.text(row, column);
            if (value == null) {
                writeInt32(body, -1);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                writeInt32(body, bytes.length);
                body.writeBytes(bytes);
            }
        }
        return message('D', body.toByteArray());
    }

    private static byte[] message(char tag, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
        out.write(tag);
        writeInt32(out, body.length + 4);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] cstring(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNul, 0, bytes.length);
        return withNul;
    }

    private static void writeInt16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeInt32(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
