package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.ZlibInflater;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteBuffer;

/**
 * Reads a stream of compressed frames ({@link ZlibFraming}) and hands out each frame's plain
 * body: inflated into one reusable, bounded array, or, for a body stored as is, a view of the
 * frame itself (no copy). The plain bodies together form the inner stream, which has its own
 * framing (MySQL: the ordinary packets, in any split across compressed frames):
 *
 * <pre>{@code
 * InflatingAccumulator compressed = new InflatingAccumulator(MyCompressedFraming.INSTANCE, limits);
 * MessageAccumulator packets = new MessageAccumulator(MyPacketFraming.INSTANCE, limits);
 * compressed.feed(chunk, 0, n);
 * while (compressed.next()) {
 *     packets.feed(compressed.payload());
 * }
 * while (packets.next()) {
 *     dispatcher.dispatch(packets.frame(), handler);
 * }
 * }</pre>
 *
 * <p>A plain body is at most {@link Limits#maxFrameBytes()} bytes, and never larger than its
 * header announced. Bad zlib data, a wrong announced size or bytes after the stream's end are a
 * {@link CodecException} at the stream offset of the compressed byte where it was noticed. Views
 * stay valid until the next {@link #next()} or {@code feed}. Not thread-safe.
 */
public final class InflatingAccumulator {

    private final FrameAccumulator frames;
    private final ZlibFraming framing;
    private final ZlibInflater inflater;
    private final WireBuffer stored = new WireBuffer();
    private WireBuffer payload;
    private boolean compressed;

    public InflatingAccumulator(ZlibFraming framing, Limits limits) {
        this.frames = new FrameAccumulator(framing, limits);
        this.framing = framing;
        this.inflater = new ZlibInflater(limits.maxFrameBytes());
    }

    public void feed(byte[] chunk, int offset, int length) {
        payload = null;
        frames.feed(chunk, offset, length);
    }

    public void feed(ByteBuffer chunk) {
        payload = null;
        frames.feed(chunk);
    }

    /**
     * Makes the next compressed frame's plain body available through {@link #payload()}.
     *
     * @return false when more bytes are needed first (see {@link #needed()})
     * @throws CodecException for a malformed frame or body
     */
    public boolean next() {
        payload = null;
        if (!frames.next()) {
            return false;
        }
        WireBuffer frame = frames.frame();
        int header = framing.headerLength();
        int body = frame.length() - header;
        long plain = framing.plainLength(frame);
        compressed = plain != 0;
        if (compressed) {
            payload = inflater.inflate(frame, header, body, plain, frames.frameStreamOffset() + header);
        } else {
            payload = frame.slice(header, body, stored);
        }
        return true;
    }

    /** The current frame's body, inflated (or as it was, when stored uncompressed). */
    public WireBuffer payload() {
        if (payload == null) {
            throw new IllegalStateException("no frame: next() has not returned true");
        }
        return payload;
    }

    /** The current compressed frame as received, header included. */
    public WireBuffer frame() {
        payload();
        return frames.frame();
    }

    /** Whether the current frame's body was compressed (false: stored as is). */
    public boolean wasCompressed() {
        payload();
        return compressed;
    }

    /** The current frame's sequence number, or -1 when the framing does not number frames. */
    public long sequenceNumber() {
        return framing.sequenceNumber(frame());
    }

    /** Offset in the compressed stream of the current frame's first byte. */
    public long frameStreamOffset() {
        payload();
        return frames.frameStreamOffset();
    }

    /** After {@link #next()} returned false: the least number of further bytes that can advance it. */
    public long needed() {
        return frames.needed();
    }

    /** Compressed bytes received but not yet handed out. */
    public int buffered() {
        return frames.buffered();
    }

    /** Frees the native inflater; the object must not be used afterwards. */
    public void close() {
        inflater.close();
    }
}
