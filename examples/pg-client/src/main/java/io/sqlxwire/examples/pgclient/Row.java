package io.sqlxwire.examples.pgclient;

import io.sqlxwire.protocols.postgresql.PgDataRowDecoder;
import io.sqlxwire.runtime.buffer.WireBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The current DataRow, read in place: the column values stay in the connection's receive buffer
 * and this object (one per connection) is re-pointed at each row. Accessors by column index are
 * O(1): re-pointing walks the generated decoder's column cursor once and remembers where each
 * value is. Nothing here allocates except the methods that return a new object ({@link #text},
 * {@link #bytes(int)} copies, {@link #value}).
 */
public final class Row {

    /** Longer values get their own copy in {@link #text}, so that one huge value does not stay cached. */
    private static final int MAX_SCRATCH = 8192;

    private final WireBuffer valueView = new WireBuffer();
    private WireBuffer frame;
    private List<Column> columns = List.of();
    private int count;
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    /** Where {@link #text} copies a value to decode it (up to {@link #MAX_SCRATCH} bytes). */
    private byte[] scratch = new byte[64];

    void columns(List<Column> columns) {
        this.columns = columns;
    }

    /** Re-points at {@code row}, whose decoder was wrapped around {@code frame}. */
    void wrap(PgDataRowDecoder row, WireBuffer frame) {
        this.frame = frame;
        PgDataRowDecoder.ColumnsCursor cursor = row.columns();
        count = cursor.count();
        if (count > offsets.length) {
            offsets = new int[Math.max(count, 2 * offsets.length)];
            lengths = new int[offsets.length];
        }
        for (int i = 0; cursor.hasNext(); i++) {
            cursor.next();
            // The value view's origin is its offset in the frame: the frame was wrapped at origin 0.
            offsets[i] = (int) cursor.value().buffer().origin();
            lengths[i] = cursor.isValueNull() ? -1 : cursor.length();
        }
    }

    public int columnCount() {
        return count;
    }

    /** The columns of this row's result set (RowDescription). */
    public List<Column> columns() {
        return columns;
    }

    public boolean isNull(int column) {
        return lengths[check(column)] < 0;
    }

    /** Byte length of the value, -1 for NULL. */
    public int length(int column) {
        return lengths[check(column)];
    }

    /**
     * The value's bytes as a view into the receive buffer (no copy); reused by the next call and
     * valid only while this row is. Empty for NULL.
     */
    public WireBuffer view(int column) {
        int length = Math.max(0, lengths[check(column)]);
        return frame.slice(offsets[column], length, valueView);
    }

    /** A copy of the value's bytes, or null. */
    public byte[] bytes(int column) {
        int length = lengths[check(column)];
        return length < 0 ? null : frame.toByteArray(offsets[column], length);
    }

    /** The value decoded as UTF-8 (a text-format value is the server's output text), or null. */
    public String text(int column) {
        int length = lengths[check(column)];
        if (length < 0) {
            return null;
        }
        if (length > MAX_SCRATCH) {
            return new String(frame.toByteArray(offsets[column], length), StandardCharsets.UTF_8);
        }
        // Through a reused array: the String is the only allocation, not a byte[] copy as well.
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        frame.getBytes(offsets[column], scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * An integer column (int2, int4, int8, oid) in either format, read in place; 0 for NULL (ask
     * {@link #isNull} first).
     */
    public long getLong(int column) {
        int length = lengths[check(column)];
        if (length <= 0) {
            return 0;
        }
        int at = offsets[column];
        if (formatOf(column) == Format.BINARY) {
            switch (length) {
                case 2: return frame.i16be(at);
                case 4: return columns.get(column).typeOid() == PgTypes.OID ? frame.u32be(at) : frame.i32be(at);
                case 8: return frame.i64be(at);
                default: throw new IllegalStateException("column " + column + ": " + length + " bytes is no integer");
            }
        }
        return parseDecimal(at, length, column);
    }

    public int getInt(int column) {
        return Math.toIntExact(getLong(column));
    }

    /** A float4 or float8 column in either format; 0 for NULL. */
    public double getDouble(int column) {
        int length = lengths[check(column)];
        if (length <= 0) {
            return 0;
        }
        if (formatOf(column) == Format.BINARY) {
            return length == 4 ? frame.f32be(offsets[column]) : frame.f64be(offsets[column]);
        }
        return Double.parseDouble(text(column));
    }

    /** A bool column in either format; false for NULL. */
    public boolean getBoolean(int column) {
        int length = lengths[check(column)];
        if (length <= 0) {
            return false;
        }
        int b = frame.u8(offsets[column]);
        return formatOf(column) == Format.BINARY ? b != 0 : b == 't';
    }

    /** The value as a Java object ({@link PgTypes#decode}), or null. */
    public Object value(int column) {
        if (isNull(column)) {
            return null;
        }
        Column c = columns.get(column);
        return PgTypes.decode(c.typeOid(), c.format(), view(column));
    }

    private Format formatOf(int column) {
        return column < columns.size() ? columns.get(column).format() : Format.TEXT;
    }

    private long parseDecimal(int at, int length, int column) {
        int i = 0;
        boolean negative = frame.u8(at) == '-';
        if (negative || frame.u8(at) == '+') {
            i++;
        }
        if (i == length) {
            throw new NumberFormatException("column " + column + ": not an integer");
        }
        long value = 0;
        for (; i < length; i++) {
            int digit = frame.u8(at + i) - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("column " + column + ": not an integer: " + text(column));
            }
            // Accumulate negatively so that Long.MIN_VALUE parses too.
            value = Math.subtractExact(Math.multiplyExact(value, 10), digit);
        }
        return negative ? value : Math.negateExact(value);
    }

    private int check(int column) {
        if (column < 0 || column >= count) {
            throw new IndexOutOfBoundsException("column " + column + " of " + count);
        }
        return column;
    }
}
