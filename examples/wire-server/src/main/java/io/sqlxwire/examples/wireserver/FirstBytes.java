package io.sqlxwire.examples.wireserver;

import io.sqlxwire.runtime.detect.Detection;

/**
 * What the router learnt from a connection's first bytes.
 *
 * @param detection the detector's final answer (never "need more")
 * @param bytes     every byte read from the client so far, in order
 * @param stop      why reading stopped
 */
record FirstBytes(Detection detection, byte[] bytes, Stop stop) {

    /** Why the reader stopped reading. */
    enum Stop {
        /** The detector answered on the bytes (or the silence) as they came. */
        DECIDED,
        /** The client closed its side before the detector could answer. */
        CLIENT_CLOSED,
        /** The detector wanted more than the router reads before handing a connection over. */
        TOO_MANY_BYTES,
        /** The client kept sending, too slowly to be decided within the detection deadline. */
        DEADLINE
    }
}
