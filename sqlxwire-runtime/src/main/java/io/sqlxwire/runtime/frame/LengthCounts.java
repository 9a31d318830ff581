package io.sqlxwire.runtime.frame;

/** What a header's length field counts, which differs from protocol to protocol. */
public enum LengthCounts {
    /** Only the body (MySQL packets, CQL v4 frames). */
    BODY,
    /** Itself and everything after it (PostgreSQL: the length after the tag byte). */
    FROM_FIELD,
    /** The whole frame, header included (TDS packets, MongoDB messages). */
    FRAME
}
