package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;

/**
 * A {@link FrameAccumulator} that joins continued frames into one logical frame: what a message
 * larger than one frame needs (MySQL payloads of 2^24-1 bytes and more, split into packets of
 * 0xFFFFFF bytes; TDS messages spread over packets without the end-of-message bit).
 *
 * <pre>{@code
 * MessageAccumulator messages = new MessageAccumulator(MyPacketFraming.INSTANCE, Limits.DEFAULTS);
 * messages.feed(chunk, 0, n);
 * while (messages.next()) {
 *     dispatcher.dispatch(messages.frame(), handler);   // first header + the whole payload
 * }
 * }</pre>
 *
 * <p>A message that fits in one frame is handed out without copying: {@link #frame()} is then the
 * accumulator's own view of it. A continued message is copied into one reusable array: the first
 * frame's header followed by the bodies of all its frames, so that code reading a frame as
 * "header, then body to the end" (generated dispatchers) sees the whole message. That array grows
 * with the bytes that actually arrived, never with what a header claims, and a message whose joined
 * frame would exceed {@link Limits#maxFrameBytes()} is rejected with a {@link CodecException} as
 * soon as the frame that crosses the limit arrives. The array is kept for the next message.
 *
 * <p>When the framing numbers its frames ({@link FrameHeaderReader#sequenceBits()}), every frame
 * of a continued message must carry the number after the previous one (wrapping around); a gap is
 * a {@link CodecException} at the stream offset of the frame that breaks the sequence. Numbers
 * across messages are the protocol's business (MySQL restarts them with each command) and are
 * available from {@link #firstSequenceNumber()} and {@link #lastSequenceNumber()}.
 *
 * <p>The body of a frame is what follows its fixed header ({@link FrameHeaderReader#headerLength()}),
 * to the frame's end. Error offsets inside a joined frame count from its first (header) byte, in
 * joined coordinates: the headers of the later frames are not in it. Views stay valid until the
 * next {@link #next()} or {@code feed}. Not thread-safe.
 */
public final class MessageAccumulator {

    private static final byte[] EMPTY = new byte[0];

    private final FrameAccumulator frames;
    private final Limits limits;
    private final WireBuffer frame = new WireBuffer();
    private final WireBuffer payload = new WireBuffer();
    private FrameHeaderReader reader;
    private byte[] joined = EMPTY;
    private int joinedLength;
    private boolean joining;
    private boolean ready;
    private int parts;
    private long firstSequence;
    private long lastSequence;
    private long streamOffset;

    public MessageAccumulator(FrameHeaderReader reader, Limits limits) {
        this.frames = new FrameAccumulator(reader, limits);
        this.reader = reader;
        this.limits = limits;
    }

    /** Appends {@code length} bytes of {@code chunk}; ends the current message's validity. */
    public void feed(byte[] chunk, int offset, int length) {
        ready = false;
        frames.feed(chunk, offset, length);
    }

    /** Appends the remaining bytes of {@code chunk}, moving its position to its limit. */
    public void feed(ByteBuffer chunk) {
        ready = false;
        frames.feed(chunk);
    }

    /** Appends all bytes of {@code source} (an inflated body, for instance). */
    public void feed(WireBuffer source) {
        ready = false;
        frames.feed(source, 0, source.length());
    }

    /**
     * Makes the next complete message available through {@link #frame()} and {@link #payload()}.
     *
     * @return false when more bytes are needed first (see {@link #needed()})
     * @throws CodecException for a malformed or oversized frame, a joined message above the
     *                        limit, or a frame out of sequence
     */
    public boolean next() {
        ready = false;
        while (frames.next()) {
            WireBuffer part = frames.frame();
            int header = reader.headerLength();
            int body = part.length() - header;
            boolean continues = reader.continues(part);
            long sequence = reader.sequenceNumber(part);
            if (!joining) {
                parts = 1;
                firstSequence = sequence;
                lastSequence = sequence;
                streamOffset = frames.frameStreamOffset();
                if (!continues) {
                    part.slice(0, part.length(), frame);
                    return deliver(header);
                }
                joinedLength = 0;
                append(part, 0, part.length());
                joining = true;
                continue;
            }
            checkSequence(sequence);
            append(part, header, body);
            parts++;
            lastSequence = sequence;
            if (!continues) {
                joining = false;
                frame.wrap(joined, 0, joinedLength);
                return deliver(header);
            }
        }
        return false;
    }

    private boolean deliver(int header) {
        frame.slice(header, frame.length() - header, payload);
        ready = true;
        return true;
    }

    private void checkSequence(long sequence) {
        int bits = reader.sequenceBits();
        if (bits <= 0) {
            return;
        }
        long mask = bits >= 64 ? -1L : (1L << bits) - 1;
        long expected = (lastSequence + 1) & mask;
        if (sequence != expected) {
            throw new CodecException("frame " + (parts + 1) + " of a continued message has sequence number "
                    + sequence + ", expected " + expected, frames.frameStreamOffset());
        }
    }

    private void append(WireBuffer part, int offset, int count) {
        long needed = (long) joinedLength + count;
        if (needed > limits.maxFrameBytes()) {
            throw new CodecException("continued message of at least " + needed
                    + " bytes exceeds the frame limit of " + limits.maxFrameBytes(), frames.frameStreamOffset());
        }
        if (needed > joined.length) {
            long grown = Math.max(needed, Math.min(2L * joined.length, limits.maxFrameBytes()));
            joined = java.util.Arrays.copyOf(joined, (int) grown);
        }
        part.getBytes(offset, joined, joinedLength, count);
        joinedLength = (int) needed;
    }

    /**
     * The message made available by the last successful {@link #next()}: the header of its first
     * frame and its whole body (all frames' bodies joined). Offset 0 is the header's first byte.
     */
    public WireBuffer frame() {
        requireReady();
        return frame;
    }

    /** The message's body alone: {@link #frame()} after the header. */
    public WireBuffer payload() {
        requireReady();
        return payload;
    }

    private void requireReady() {
        if (!ready) {
            throw new IllegalStateException("no message: next() has not returned true");
        }
    }

    /** Number of frames the current message came in (1 when it was not continued). */
    public int parts() {
        requireReady();
        return parts;
    }

    /** Whether the current message was joined from several frames (and so copied). */
    public boolean isJoined() {
        return parts() > 1;
    }

    /** Sequence number of the current message's first frame, or -1 when frames are not numbered. */
    public long firstSequenceNumber() {
        requireReady();
        return firstSequence;
    }

    /** Sequence number of the current message's last frame (the next frame should carry the one after it). */
    public long lastSequenceNumber() {
        requireReady();
        return lastSequence;
    }

    /** Offset in the whole stream of the current message's first byte. */
    public long frameStreamOffset() {
        requireReady();
        return streamOffset;
    }

    /** After {@link #next()} returned false: the least number of further bytes that can advance it. */
    public long needed() {
        return frames.needed();
    }

    /** Bytes received but not yet handed out (the parts of a message being joined are handed out). */
    public int buffered() {
        return frames.buffered();
    }

    /** Size of the array continued messages are joined in (for tests and monitoring). */
    public int joinCapacity() {
        return joined.length;
    }

    /**
     * Changes the framing from the next frame on (a mode switch, such as MySQL's TLS after
     * SSLRequest). Not allowed in the middle of a continued message.
     */
    public void switchReader(FrameHeaderReader newReader) {
        if (joining) {
            throw new IllegalStateException("cannot switch framing inside a continued message");
        }
        ready = false;
        frames.switchReader(newReader);
        this.reader = newReader;
    }
}
