package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/**
 * Cuts one direction's byte stream, fed in arbitrary chunks, into frames by interpreting a
 * {@link FramingModel}: a header layout and a body size expression (with the framing's maximum,
 * and continuation frames joined), or a self-delimiting type whose end is found by decoding it on
 * the bytes received so far. The framing is passed per call because a protocol may switch framing
 * between frames (PostgreSQL's untagged startup frames).
 *
 * <p>Memory grows with the bytes actually fed, never with a length read from the input.
 */
public final class FrameSplitter {

    private final LayoutInterpreter layouts;
    private final Limits limits;
    private byte[] storage = new byte[256];
    private int start;
    private int end;
    private long streamOffset;

    public FrameSplitter(LayoutInterpreter layouts, Limits limits) {
        this.layouts = layouts;
        this.limits = limits;
    }

    public void feed(byte[] chunk) {
        if (storage.length - end < chunk.length) {
            int live = end - start;
            int capacity = Math.max(storage.length, 256);
            while (capacity - live < chunk.length) {
                capacity = Math.multiplyExact(capacity, 2);
            }
            byte[] grown = capacity == storage.length ? storage : new byte[capacity];
            System.arraycopy(storage, start, grown, 0, live);
            storage = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(chunk, 0, storage, end, chunk.length);
        end += chunk.length;
    }

    /** Bytes received and not yet part of a frame. */
    public int buffered() {
        return end - start;
    }

    /**
     * Takes out the bytes received and not yet part of a frame (when the stream beneath this
     * framing changes, e.g. to compressed frames); the stream offset moves past them.
     */
    public byte[] drain() {
        byte[] rest = Arrays.copyOfRange(storage, start, end);
        streamOffset += rest.length;
        start = end;
        return rest;
    }

    /** Stream offset of the first byte not yet part of a frame. */
    public long streamOffset() {
        return streamOffset;
    }

    /**
     * The next complete frame, or {@code null} when more bytes are needed.
     *
     * @throws FramingLost when the bytes cannot be a frame of this framing
     */
    public Frame next(FramingModel framing, Session session) {
        try {
            Frame frame = framing.delimitedBy() != null ? delimited(framing, session) : headed(framing, session);
            if (frame != null) {
                start += frame.streamLength();
                streamOffset += frame.streamLength();
            }
            return frame;
        } catch (NeedMoreBytes e) {
            return null;
        } catch (CodecException e) {
            throw new FramingLost(e.inMessage(layouts.model().name(), "framing " + framing.name()), streamOffset);
        }
    }

    private WireBuffer available() {
        return WireBuffer.of(storage, start, end - start);
    }

    private Frame delimited(FramingModel framing, Session session) {
        WireBuffer available = available();
        Region region = new Region(available, 0, available.length(), true);
        try {
            layouts.decodeType(framing.delimitedBy(), region, new Scope(Map.of(), session, 0, available));
        } catch (NeedMoreBytes e) {
            if (available.length() > Math.min(framing.maxBody(), limits.maxFrameBytes())) {
                throw new CodecException("no end of frame within the maximum of "
                        + Math.min(framing.maxBody(), limits.maxFrameBytes()) + " bytes", 0);
            }
            throw e;
        }
        int length = region.position();
        if (length == 0) {
            throw new CodecException("a self-delimited frame took no bytes", 0);
        }
        WireBuffer bytes = WireBuffer.of(Arrays.copyOfRange(storage, start, start + length));
        return new Frame(framing, streamOffset, length, Value.Obj.EMPTY, bytes, 0, length);
    }

    /** A header and body; continued frames are followed until the last part, then joined. */
    private Frame headed(FramingModel framing, Session session) {
        WireBuffer available = available();
        int at = 0;
        Value.Obj firstHeader = null;
        int firstHeaderLength = 0;
        ByteArrayOutputStream joined = null;
        long joinedLength = 0;
        while (true) {
            Region region = new Region(available, at, available.length(), true);
            Scope scope = new Scope(Map.of(), session, 0, available);
            Value.Obj header = layouts.decodeHeader(framing.header(), region, scope);
            int headerLength = region.position() - at;
            long body = bodySize(framing, scope, available, at);
            limits.checkFrame(headerLength + body, at);
            region.require(body);
            boolean continued = framing.continuedIf() != null
                    && layouts.evaluator().bool(framing.continuedIf(), scope, null);
            if (firstHeader == null && !continued) {
                int length = headerLength + (int) body;
                WireBuffer bytes = WireBuffer.of(Arrays.copyOfRange(storage, start, start + length));
                return new Frame(framing, streamOffset, length, header, bytes, headerLength, (int) body);
            }
            if (firstHeader == null) {
                firstHeader = header;
                firstHeaderLength = headerLength;
                joined = new ByteArrayOutputStream();
                joined.write(storage, start, headerLength);
            }
            joinedLength += body;
            limits.checkFrame(firstHeaderLength + joinedLength, at);
            joined.write(storage, start + at + headerLength, (int) body);
            at += headerLength + (int) body;
            if (!continued) {
                WireBuffer bytes = WireBuffer.of(joined.toByteArray());
                return new Frame(framing, streamOffset, at, firstHeader, bytes, firstHeaderLength,
                        (int) joinedLength);
            }
        }
    }

    private long bodySize(FramingModel framing, Scope scope, WireBuffer available, int at) {
        BigInteger size = ExprEvaluator.integer(layouts.evaluator().eval(framing.bodySize(), scope, null));
        long max = Math.min(framing.maxBody(), limits.maxFrameBytes());
        if (size.signum() < 0 || size.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new CodecException("frame body of " + size + " bytes outside 0.." + max, available.origin() + at);
        }
        return size.longValue();
    }
}
