package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import java.nio.ByteBuffer;

/**
 * Turns a byte stream that arrives in arbitrary chunks into complete frames.
 *
 * <pre>{@code
 * accumulator.feed(chunk, 0, n);
 * while (accumulator.next()) {
 *     dispatcher.dispatch(accumulator.frame());
 * }
 * // accumulator.needed() more bytes at least before the next frame is complete
 * }</pre>
 *
 * <p>Bytes are copied once into an internal array that grows with what has actually been fed,
 * never with what a header claims: a header announcing a frame above
 * {@link Limits#maxFrameBytes()} is rejected as soon as it is read, before any room is made for
 * it, and so is a self-delimiting frame whose end has not appeared within the limit.
 *
 * <p>The view returned by {@link #frame()} is reused and stays valid until the next call to
 * {@link #next()} or {@code feed}. After a {@link io.sqlxwire.runtime.error.CodecException} the
 * stream has lost its framing and the accumulator should be discarded. Not thread-safe.
 */
public final class FrameAccumulator {

    private final Limits limits;
    private final WireBuffer probe = new WireBuffer();
    private final WireBuffer frame = new WireBuffer();
    private FrameHeaderReader reader;
    private byte[] storage;
    private int start;
    private int end;
    private int currentLength;
    private long needAtLeast;
    private long consumed;
    private long frameStreamOffset;

    public FrameAccumulator(FrameHeaderReader reader, Limits limits) {
        this.reader = reader;
        this.limits = limits;
        this.storage = new byte[Math.min(4096, limits.maxFrameBytes())];
    }

    /** Appends {@code length} bytes of {@code chunk}; ends the current frame's validity. */
    public void feed(byte[] chunk, int offset, int length) {
        if ((offset | length) < 0 || offset > chunk.length - length) {
            throw new IllegalArgumentException("chunk region outside the array");
        }
        makeRoom(length);
        System.arraycopy(chunk, offset, storage, end, length);
        end += length;
    }

    /** Appends the remaining bytes of {@code chunk}, moving its position to its limit. */
    public void feed(ByteBuffer chunk) {
        int length = chunk.remaining();
        makeRoom(length);
        chunk.get(storage, end, length);
        end += length;
    }

    /** Appends {@code length} bytes of {@code source} from {@code offset} (e.g. an inflated body). */
    public void feed(WireBuffer source, int offset, int length) {
        source.checkRange(offset, length);
        makeRoom(length);
        source.getBytes(offset, storage, end, length);
        end += length;
    }

    private void makeRoom(int length) {
        release();
        if (length <= storage.length - end) {
            return;
        }
        int kept = end - start;
        long needed = (long) kept + length;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2 GiB buffered; call next() between feeds");
        }
        byte[] target = needed <= storage.length
                ? storage
                : new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * storage.length))];
        System.arraycopy(storage, start, target, 0, kept);
        storage = target;
        start = 0;
        end = kept;
    }

    /** Forgets the frame handed out last, so its bytes can be reused. */
    private void release() {
        start += currentLength;
        consumed += currentLength;
        currentLength = 0;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /**
     * Makes the next complete frame available through {@link #frame()}.
     *
     * @return false when more bytes are needed first (see {@link #needed()})
     * @throws io.sqlxwire.runtime.error.CodecException for a malformed or oversized frame header
     */
    public boolean next() {
        release();
        int available = end - start;
        long floor = Math.max(Math.max(1, reader.headerLength()), needAtLeast);
        if (available < floor) {
            return false;
        }
        probe.wrap(storage, start, available);
        long length = reader.frameLength(probe);
        if (length < 0) {
            long wanted = Math.max(-length, available + 1L);
            limits.checkFrame(wanted, 0);
            needAtLeast = wanted;
            return false;
        }
        if (length == 0) {
            throw new IllegalStateException(reader + " answered a frame length of 0");
        }
        limits.checkFrame(length, 0);
        if (length > available) {
            needAtLeast = length;
            return false;
        }
        needAtLeast = 0;
        currentLength = (int) length;
        frameStreamOffset = consumed;
        frame.wrap(storage, start, currentLength);
        return true;
    }

    /** The frame made available by the last successful {@link #next()}; offset 0 is its first byte. */
    public WireBuffer frame() {
        if (currentLength == 0) {
            throw new IllegalStateException("no frame: next() has not returned true");
        }
        return frame;
    }

    /** Whether the current frame's message continues in the next frame. */
    public boolean frameContinues() {
        return reader.continues(frame());
    }

    /** Offset in the whole stream of the current frame's first byte. */
    public long frameStreamOffset() {
        return frameStreamOffset;
    }

    /**
     * After {@link #next()} returned false: the least number of further bytes that can complete
     * (or at least advance) the next frame. Always at least 1 then.
     */
    public long needed() {
        long floor = Math.max(Math.max(1, reader.headerLength()), needAtLeast);
        return Math.max(1, floor - (end - start - currentLength));
    }

    /** Bytes received but not yet handed out as frames. */
    public int buffered() {
        return end - start - currentLength;
    }

    /** Size of the internal array (for tests and monitoring). */
    public int capacity() {
        return storage.length;
    }

    /**
     * Changes the framing from the next frame on: the mode switch of protocols such as
     * PostgreSQL (untagged startup frames, then tagged ones). Bytes already buffered are kept.
     */
    public void switchReader(FrameHeaderReader newReader) {
        release();
        this.reader = newReader;
        this.needAtLeast = 0;
    }
}
