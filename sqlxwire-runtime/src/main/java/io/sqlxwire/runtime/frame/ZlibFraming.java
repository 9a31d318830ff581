package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.buffer.WireBuffer;

/**
 * A framing whose bodies are zlib streams: a framing declaring the built-in {@code transform zlib}
 * (MySQL's compressed protocol). Read it with an {@link InflatingAccumulator}.
 */
public interface ZlibFraming extends FrameHeaderReader {

    /**
     * The size of the frame's body once inflated, as its header announces it: 0 when the body is
     * stored as is (not compressed), -1 when the header does not say (then it is inflated to the
     * end of its stream, within the limits).
     */
    long plainLength(WireBuffer frame);
}
