package io.sqlxwire.benchmarks.postgresql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.message.backend.BackendMessage;
import io.r2dbc.postgresql.message.backend.BackendMessageDecoder;
import io.r2dbc.postgresql.message.backend.CommandComplete;
import io.r2dbc.postgresql.message.backend.DataRow;
import io.r2dbc.postgresql.message.backend.ReadyForQuery;
import io.r2dbc.postgresql.message.backend.RowDescription;
import java.util.List;

/**
 * The hand-written peer of {@link PgResultSetReader}: the same bytes decoded by r2dbc-postgresql's
 * {@link BackendMessageDecoder#decode(ByteBuf)} (what its client runs on every backend message),
 * then read the same way, so that the two differ only in the decoder.
 *
 * <p>Reading: for each RowDescription field its name's length and first character (the names are
 * ASCII, so these equal our byte length and first byte), table OID, column attribute, type OID,
 * type size, type modifier and format code; for each DataRow column, null or not, then for
 * {@code int2/int4/int8} columns a decimal parse straight from the column's {@link ByteBuf} (the
 * same canonical-form checks as {@code AsciiDecimal.parse}), for every other column the slice's
 * length and first byte; CommandComplete's tag length and first character, rebuilt from the
 * command and counts r2dbc parsed it into; ReadyForQuery's status byte. Each method returns the
 * same checksum {@link PgResultSetReader} does for the same bytes (the test checks this).
 *
 * <p>The input is wrapped once with {@link Unpooled#wrappedBuffer(byte[])}; each operation resets
 * the reader index. r2dbc's DataRow holds retained slices of that buffer, so every DataRow is
 * released after it is read, as r2dbc's client does; the buffer's reference count stays at 1.
 */
public final class R2dbcPgPeerReader {

    private static final int INT8_OID = 20;
    private static final int INT2_OID = 21;
    private static final int INT4_OID = 23;

    private boolean[] integerColumn = new boolean[16];
    private long checksum;

    /** Decodes and reads every message in {@code bytes} (wrapped once by the caller); returns the checksum. */
    public long readStream(ByteBuf bytes) {
        checksum = 0;
        bytes.readerIndex(0);
        while (bytes.isReadable()) {
            read(BackendMessageDecoder.decode(bytes));
        }
        return checksum;
    }

    /** Decodes one whole tagged frame (header included) and reads it; returns the checksum. */
    public long readFrame(ByteBuf frame) {
        checksum = 0;
        frame.readerIndex(0);
        read(BackendMessageDecoder.decode(frame));
        return checksum;
    }

    private void read(BackendMessage message) {
        if (message instanceof DataRow) {
            DataRow row = (DataRow) message;
            try {
                onDataRow(row);
            } finally {
                row.release();
            }
        } else if (message instanceof RowDescription) {
            onRowDescription((RowDescription) message);
        } else if (message instanceof CommandComplete) {
            onCommandComplete((CommandComplete) message);
        } else if (message instanceof ReadyForQuery) {
            checksum += status((ReadyForQuery) message);
        } else {
            throw new IllegalStateException("unexpected message " + message);
        }
    }

    private void onRowDescription(RowDescription m) {
        List<RowDescription.Field> fields = m.getFields();
        int count = fields.size();
        if (integerColumn.length < count) {
            integerColumn = new boolean[count];
        }
        for (int i = 0; i < count; i++) {
            RowDescription.Field field = fields.get(i);
            String name = field.getName();
            int type = field.getDataType();
            integerColumn[i] = type == INT4_OID || type == INT8_OID || type == INT2_OID;
            checksum += name.length() + (name.isEmpty() ? 0 : name.charAt(0)) + Integer.toUnsignedLong(field.getTable())
                    + field.getColumn() + Integer.toUnsignedLong(type) + field.getDataTypeSize()
                    + field.getDataTypeModifier() + field.getFormat().getDiscriminator();
        }
    }

    private void onDataRow(DataRow m) {
        ByteBuf[] columns = m.getColumns();
        for (int i = 0; i < columns.length; i++) {
            ByteBuf value = columns[i];
            if (value == null) {
                checksum += 7;
                continue;
            }
            int from = value.readerIndex();
            int length = value.readableBytes();
            if (i < integerColumn.length && integerColumn[i]) {
                checksum += parseDecimal(value, from, from + length);
            } else {
                checksum += length + (length == 0 ? 0 : value.getUnsignedByte(from));
            }
        }
    }

    private void onCommandComplete(CommandComplete m) {
        // r2dbc splits the tag ("SELECT 20", "INSERT 0 1") into command and counts; its byte length
        // is rebuilt without making a String, so the checksum matches the generated reader's.
        String command = m.getCommand();
        long length = command.length();
        if (m.getRowId() != null) {
            length += 1 + decimalDigits(m.getRowId());
        }
        if (m.getRows() != null) {
            length += 1 + decimalDigits(m.getRows());
        }
        checksum += length + (command.isEmpty() ? 0 : command.charAt(0));
    }

    private static int status(ReadyForQuery m) {
        switch (m.getTransactionStatus()) {
            case IDLE:
                return 'I';
            case TRANSACTION:
                return 'T';
            case ERROR:
                return 'E';
            default:
                throw new IllegalStateException("unknown status " + m.getTransactionStatus());
        }
    }

    private static int decimalDigits(long value) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }

    /** Canonical signed decimal in {@code [from, end)}, with the checks {@code AsciiDecimal.parse} makes. */
    static long parseDecimal(ByteBuf bytes, int from, int end) {
        boolean negative = end > from && bytes.getByte(from) == '-';
        int first = negative ? from + 1 : from;
        if (first == end) {
            throw new NumberFormatException("empty decimal integer");
        }
        if (bytes.getByte(first) == '0' && (end - first > 1 || negative)) {
            throw new NumberFormatException("non-canonical zero in decimal integer");
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            int digit = bytes.getByte(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("not a decimal digit");
            }
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                throw new NumberFormatException("decimal integer overflows 64 bits");
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new NumberFormatException("decimal integer overflows 64 bits");
            }
            value = -value;
        }
        return value;
    }
}
