package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.buffer.WireBuffer;

/**
 * How one protocol finds where a frame ends: the strategy a {@link FrameAccumulator} runs, and
 * what a generated framer implements.
 *
 * <p>{@link #frameLength} looks at the bytes received so far of a frame (and possibly of the
 * frames after it) and answers either the frame's total length in bytes (header, body and
 * trailer), or, when the end is not known yet, {@link #needAtLeast} the number of bytes it must
 * see before it can say more. Fixed-header framings answer from the header alone; self-delimiting
 * framings (RESP) parse as far as the bytes go and ask for more until the end is found.
 */
public interface FrameHeaderReader {

    /**
     * Bytes that must be available before {@link #frameLength} is first asked: the fixed header
     * size, or for a self-delimiting framing the size of the smallest possible frame (at least 1).
     */
    int headerLength();

    /**
     * The frame's total length in bytes (at least 1), or {@link #needAtLeast}{@code (n)} with
     * {@code n} larger than {@code available.length()} when its end is not known yet.
     *
     * @param available the bytes buffered from the frame's first byte on (at least
     *                  {@link #headerLength()} of them); offset 0 is the frame's first byte
     * @throws io.sqlxwire.runtime.error.CodecException when the header is malformed
     */
    long frameLength(WireBuffer available);

    /**
     * Whether the message in {@code frame} continues in the next frame (MySQL's 0xFFFFFF-byte
     * packets, TDS packets without the end-of-message bit). Most framings never continue.
     */
    default boolean continues(WireBuffer frame) {
        return false;
    }

    /**
     * Width in bits of the header field that numbers frames (MySQL's 8-bit sequence id, TDS's
     * packet id), or 0 when the framing does not number them. Numbers wrap around at
     * {@code 2^sequenceBits()}.
     */
    default int sequenceBits() {
        return 0;
    }

    /** The frame's number (unsigned), or -1 when the framing does not number frames. */
    default long sequenceNumber(WireBuffer frame) {
        return -1;
    }

    /** The answer meaning "the end is unknown until {@code totalBytes} bytes of the frame are here". */
    static long needAtLeast(long totalBytes) {
        if (totalBytes <= 0) {
            throw new IllegalArgumentException("need at least one byte, not " + totalBytes);
        }
        return -totalBytes;
    }
}
