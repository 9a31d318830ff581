package io.sqlxwire.benchmarks.endtoend;

import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.WireBuffer;

/**
 * What every end-to-end reader folds the values it read into: an order-sensitive checksum over all
 * rows and columns, so that the JIT cannot skip a read and a test can tell whether two clients read
 * the same values. A text value counts as the 31-polynomial hash of its bytes, which for the table's
 * ASCII text is {@link String#hashCode()}: a reader holding a String and one holding the bytes agree.
 */
public final class RowChecksum {

    private static final int NULL = 7;

    private long sum;
    private long rows;

    public void reset() {
        sum = 0;
        rows = 0;
    }

    public void endRow() {
        rows++;
    }

    public long rows() {
        return rows;
    }

    public long value() {
        return sum;
    }

    public void addLong(long value) {
        sum = 31 * sum + value;
    }

    public void addNull() {
        sum = 31 * sum + NULL;
    }

    /** A text value held as a String (null is SQL NULL). */
    public void addText(String text) {
        if (text == null) {
            addNull();
        } else {
            sum = 31 * sum + text.hashCode();
        }
    }

    /** A text value's bytes in place. */
    public void addText(WireBuffer buffer, int offset, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer.u8(offset + i);
        }
        sum = 31 * sum + h;
    }

    /** A text value's bytes in place. */
    public void addText(ByteView view) {
        addText(view.buffer(), 0, view.length());
    }
}
