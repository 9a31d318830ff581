package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.buffer.WireBuffer;

/** A yes/no question about a complete frame, such as "does the message continue in the next one". */
@FunctionalInterface
public interface FrameCondition {

    boolean test(WireBuffer frame);

    /** Never true: frames that always stand alone. */
    FrameCondition NEVER = frame -> false;

    /** True when the header byte at {@code offset}, masked with {@code mask}, equals {@code expected}. */
    static FrameCondition headerBits(int offset, int mask, int expected) {
        return frame -> (frame.u8(offset) & mask) == expected;
    }

    /** True when the whole frame is exactly {@code length} bytes (MySQL: 4 + 0xFFFFFF continues). */
    static FrameCondition frameLengthIs(int length) {
        return frame -> frame.length() == length;
    }
}
