package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.ZlibInflater;
import io.sqlxwire.runtime.error.CodecException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * The built-in {@code transform zlib} of a framing, interpreted: one direction's stream is cut
 * into that framing's frames, and each body — inflated, or as it is when the header's
 * {@code plain_length} let is 0 — is appended to the plain stream the ordinary framing then reads
 * (as the generated code's {@code InflatingAccumulator} does). A compressed frame may carry several
 * inner frames or a piece of one.
 *
 * <p>Untrusted input: the runtime's {@link ZlibInflater} never inflates past the size announced nor
 * past {@link Limits#maxFrameBytes()}.
 */
final class InflatingLayer {

    /** The built-in transform's name. */
    static final String ZLIB = "zlib";
    /** The header let announcing the plain size (as the generators read it). */
    static final String PLAIN_LENGTH = "plain_length";

    private final String protocol;
    private final FramingModel framing;
    private final FrameSplitter frames;
    private final ZlibInflater inflater;
    private final boolean announced;

    InflatingLayer(FramingModel framing, LayoutInterpreter layouts, Limits limits) {
        this.protocol = layouts.model().name();
        this.framing = framing;
        this.frames = new FrameSplitter(layouts, limits);
        this.inflater = new ZlibInflater(limits.maxFrameBytes());
        this.announced = framing.header() != null && framing.header().member(PLAIN_LENGTH).isPresent();
    }

    /**
     * Feeds compressed bytes; returns the plain bytes of the compressed frames they completed
     * (empty while a frame is incomplete).
     *
     * @throws FramingLost when the compressed stream cannot be cut or a body cannot be inflated
     */
    byte[] feed(byte[] chunk, Session session) {
        frames.feed(chunk);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Frame frame;
        while ((frame = frames.next(framing, session)) != null) {
            long expected = announced ? plainLength(frame) : -1;
            long bodyAt = frame.streamOffset() + frame.bodyOffset();
            if (expected == 0) {
                plain.write(frame.bytes().toByteArray(frame.bodyOffset(), frame.bodyLength()), 0, frame.bodyLength());
                continue;
            }
            WireBuffer inflated;
            try {
                inflated = inflater.inflate(frame.bytes(), frame.bodyOffset(), frame.bodyLength(), expected, bodyAt);
            } catch (CodecException e) {
                throw new FramingLost(e.inMessage(protocol, "framing " + framing.name()), frame.streamOffset());
            }
            plain.write(inflated.toByteArray(0, inflated.length()), 0, inflated.length());
        }
        return plain.toByteArray();
    }

    /** Bytes received and not yet part of a compressed frame. */
    int buffered() {
        return frames.buffered();
    }

    /** Stream offset (in the compressed stream) of the first byte not yet part of a frame. */
    long streamOffset() {
        return frames.streamOffset();
    }

    private long plainLength(Frame frame) {
        Value value = frame.header().get(PLAIN_LENGTH).orElse(Value.Null.INSTANCE);
        BigInteger size = ExprEvaluator.integer(value);
        if (size.signum() < 0 || size.bitLength() > 62) {
            throw new FramingLost(new CodecException("plain length " + size + " out of range", frame.bodyOffset()),
                    frame.streamOffset());
        }
        return size.longValue();
    }

    void close() {
        inflater.close();
    }
}
