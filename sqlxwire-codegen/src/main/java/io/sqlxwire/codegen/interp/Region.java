package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;

/**
 * A cursor over {@code [start, end)} of a buffer: the enclosing region that {@code rest} and
 * {@code remaining} refer to. An open region ends where the received bytes end, not where the frame
 * does: running past its end raises {@link NeedMoreBytes} instead of a truncation error.
 */
final class Region {

    private final WireBuffer buffer;
    private final int start;
    private final int end;
    private final boolean open;
    private int position;

    Region(WireBuffer buffer, int start, int end, boolean open) {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
        this.open = open;
        this.position = start;
    }

    static Region of(WireBuffer buffer) {
        return new Region(buffer, 0, buffer.length(), false);
    }

    WireBuffer buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean open() {
        return open;
    }

    int position() {
        return position;
    }

    void position(int newPosition) {
        this.position = newPosition;
    }

    /** The offset of the cursor in the coordinates errors are reported in (the frame's). */
    long offset() {
        return buffer.origin() + position;
    }

    long offsetOf(int at) {
        return buffer.origin() + at;
    }

    /** Bytes left; an open region has no known end, so asking is an error in the description. */
    int remaining() {
        if (open) {
            throw new CodecException("'rest' and 'remaining' have no meaning in a self-delimited frame", offset());
        }
        return end - position;
    }

    /** Checks that {@code count} bytes from {@code at} lie inside the region. */
    void require(int at, long count) {
        if (count < 0) {
            throw new CodecException("negative length " + count, offsetOf(at));
        }
        if (at < start || count > end - at) {
            if (open && at >= start) {
                throw new NeedMoreBytes(offsetOf(at));
            }
            throw CodecException.truncated(offsetOf(at), count, (long) end - at);
        }
    }

    void require(long count) {
        require(position, count);
    }

    /** Moves the cursor over {@code count} bytes and returns where they start. */
    int take(long count) {
        require(count);
        int at = position;
        position += (int) count;
        return at;
    }

    /** A closed region of the next {@code length} bytes; the cursor does not move. */
    Region sub(long length) {
        require(length);
        return new Region(buffer, position, position + (int) length, false);
    }

    /** A region from {@code offset} bytes after this region's start to its end, for {@code at(...)}. */
    Region positioned(long offset) {
        if (offset < 0 || offset > (long) end - start) {
            if (open && offset > 0) {
                throw new NeedMoreBytes(offsetOf(end));
            }
            throw new CodecException("position " + offset + " outside the enclosing region of "
                    + (end - start) + " bytes", offset());
        }
        return new Region(buffer, start + (int) offset, end, open);
    }

    /** Whether {@code bytes} come next (an array terminator); needs their length available. */
    boolean lookingAt(ByteString bytes) {
        require(bytes.length());
        for (int i = 0; i < bytes.length(); i++) {
            if (buffer.u8(position + i) != bytes.byteAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@code terminator} next starts at or after the cursor.
     *
     * @throws NeedMoreBytes in an open region when it has not arrived yet
     * @throws CodecException in a closed region when it is absent
     */
    int find(ByteString terminator) {
        int length = terminator.length();
        for (int at = position; at <= end - length; at++) {
            boolean match = true;
            for (int i = 0; i < length && match; i++) {
                match = buffer.u8(at + i) == terminator.byteAt(i);
            }
            if (match) {
                return at;
            }
        }
        if (open) {
            throw new NeedMoreBytes(offsetOf(end));
        }
        String where = end == buffer.length() ? "end of frame" : "end of its " + (end - position) + "-byte region";
        throw new CodecException("no terminator " + terminator + " before " + where, offset());
    }
}
