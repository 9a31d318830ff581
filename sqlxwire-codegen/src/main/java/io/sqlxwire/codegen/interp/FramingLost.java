package io.sqlxwire.codegen.interp;

import io.sqlxwire.runtime.error.CodecException;

/** The stream cannot be cut into frames any more: nothing after this point can be trusted. */
final class FramingLost extends RuntimeException {

    private final long streamOffset;

    FramingLost(CodecException cause, long streamOffset) {
        super(cause.getMessage(), cause, false, false);
        this.streamOffset = streamOffset;
    }

    long streamOffset() {
        return streamOffset;
    }

    CodecException codecException() {
        return (CodecException) getCause();
    }
}
