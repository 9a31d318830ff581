package io.sqlxwire.benchmarks.postgresql;

import io.sqlxwire.protocols.postgresql.PgBackendDispatcher;
import io.sqlxwire.protocols.postgresql.PgBackendHandler;
import io.sqlxwire.protocols.postgresql.PgCommandCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgDataRowDecoder;
import io.sqlxwire.protocols.postgresql.PgFieldDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgReadyForQueryDecoder;
import io.sqlxwire.protocols.postgresql.PgRowDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgTaggedFraming;
import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.TextView;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.AsciiDecimal;

/**
 * The work the decode benchmarks measure, and that the allocation test checks: what a proxy or a
 * driver does with a simple-query answer, through the generated framing, dispatcher and decoders.
 *
 * <p>Every field of every RowDescription column is read; every DataRow column is read as its
 * declared type allows in text format: {@code int2/int4/int8} columns are parsed to a {@code long}
 * straight from the bytes, every other column is looked at through a reused {@link TextView}
 * (its byte length and first byte, as a consumer that hands the view on would). Nothing is copied
 * and no String is made. Each method returns a checksum of what it read so that the JIT cannot
 * drop the reads, and so that tests can check the reads happened.
 *
 * <p>One instance per thread: the dispatcher, decoders and views are reused flyweights.
 */
public final class PgResultSetReader implements PgBackendHandler {

    private static final int INT8_OID = 20;
    private static final int INT2_OID = 21;
    private static final int INT4_OID = 23;

    private final PgBackendDispatcher dispatcher = new PgBackendDispatcher(new PgSession());
    private final PgRowDescriptionDecoder rowDescription = new PgRowDescriptionDecoder();
    private final PgDataRowDecoder dataRow = new PgDataRowDecoder();
    private final WireBuffer stream = new WireBuffer();
    private final WireBuffer rest = new WireBuffer();
    private final WireBuffer frame = new WireBuffer();
    private final TextView text = new TextView();

    /** Whether column i is an integer type, from the last RowDescription; grows, never shrinks. */
    private boolean[] integerColumn = new boolean[16];
    private long checksum;

    /** Reads every message of a whole backend stream held in {@code bytes}; returns the checksum. */
    public long readStream(byte[] bytes) {
        checksum = 0;
        stream.wrap(bytes, 0, bytes.length);
        int pos = 0;
        while (pos < stream.length()) {
            stream.slice(pos, stream.length() - pos, rest);
            if (rest.length() < PgTaggedFraming.HEADER_LENGTH) {
                throw new IllegalStateException("stream ends inside a frame header at offset " + pos);
            }
            long frameLength = PgTaggedFraming.INSTANCE.frameLength(rest);
            if (frameLength > rest.length()) {
                throw new IllegalStateException("stream ends inside a frame at offset " + pos);
            }
            dispatcher.dispatch(stream.slice(pos, (int) frameLength, frame), this);
            pos += (int) frameLength;
        }
        return checksum;
    }

    /** Decodes one whole tagged RowDescription frame (header included) and reads every field. */
    public long readRowDescription(WireBuffer rowDescriptionFrame) {
        checksum = 0;
        onRowDescription(rowDescription.wrap(rowDescriptionFrame, PgTaggedFraming.HEADER_LENGTH,
                rowDescriptionFrame.length() - PgTaggedFraming.HEADER_LENGTH));
        return checksum;
    }

    /**
     * Decodes one whole tagged DataRow frame (header included) and reads every column, typed by
     * the RowDescription read last.
     */
    public long readDataRow(WireBuffer dataRowFrame) {
        checksum = 0;
        onDataRow(dataRow.wrap(dataRowFrame, PgTaggedFraming.HEADER_LENGTH,
                dataRowFrame.length() - PgTaggedFraming.HEADER_LENGTH));
        return checksum;
    }

    @Override
    public void onRowDescription(PgRowDescriptionDecoder m) {
        int count = m.fieldCount();
        if (integerColumn.length < count) {
            integerColumn = new boolean[count];
        }
        PgRowDescriptionDecoder.FieldsCursor fields = m.fields();
        for (int i = 0; fields.hasNext(); i++) {
            PgFieldDescriptionDecoder field = fields.next();
            TextView name = field.name();
            long type = field.typeOid();
            integerColumn[i] = type == INT4_OID || type == INT8_OID || type == INT2_OID;
            checksum += name.byteLength() + firstByte(name) + field.tableOid() + field.columnAttribute()
                    + type + field.typeSize() + field.typeModifier() + field.format();
        }
    }

    @Override
    public void onDataRow(PgDataRowDecoder m) {
        PgDataRowDecoder.ColumnsCursor columns = m.columns();
        for (int i = 0; columns.hasNext(); i++) {
            columns.next();
            if (columns.isValueNull()) {
                checksum += 7;
                continue;
            }
            ByteView value = columns.value();
            if (i < integerColumn.length && integerColumn[i]) {
                checksum += AsciiDecimal.parse(value);
            } else {
                TextView view = text.wrap(value);
                checksum += view.byteLength() + firstByte(view);
            }
        }
    }

    @Override
    public void onCommandComplete(PgCommandCompleteDecoder m) {
        TextView tag = m.commandTag();
        checksum += tag.byteLength() + firstByte(tag);
    }

    @Override
    public void onReadyForQuery(PgReadyForQueryDecoder m) {
        checksum += m.status();
    }

    @Override
    public void onUnknown(long tag, WireBuffer body) {
        throw new IllegalStateException("no decoder took a frame with tag " + tag);
    }

    private static int firstByte(TextView text) {
        return text.isEmpty() ? 0 : text.u8(0);
    }

    private static int firstByte(ByteView bytes) {
        return bytes.isEmpty() ? 0 : bytes.u8(0);
    }
}
