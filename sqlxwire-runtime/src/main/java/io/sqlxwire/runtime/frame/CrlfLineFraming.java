package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.Terminators;

/**
 * A self-delimiting framing: each frame is one line ending in CRLF (the CRLF included), as in
 * RESP inline commands and text protocols. Its end is known only once the CRLF has arrived.
 */
public final class CrlfLineFraming implements FrameHeaderReader {

    public static final CrlfLineFraming INSTANCE = new CrlfLineFraming();

    private CrlfLineFraming() {
    }

    @Override
    public int headerLength() {
        return 2;
    }

    @Override
    public long frameLength(WireBuffer available) {
        int cr = Terminators.findCrlf(available, 0, available.length());
        return cr < 0 ? FrameHeaderReader.needAtLeast(available.length() + 1L) : cr + 2L;
    }
}
