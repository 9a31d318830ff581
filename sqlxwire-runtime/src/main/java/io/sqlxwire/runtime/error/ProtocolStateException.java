package io.sqlxwire.runtime.error;

/**
 * A well-formed message arrived in a state of the conversation that does not allow it.
 *
 * <p>It is a {@link CodecException}, so code that handles "the peer sent something wrong"
 * catches both; the state it happened in is kept for callers that want to react differently.
 */
public class ProtocolStateException extends CodecException {

    private final String state;

    public ProtocolStateException(String detail, String state) {
        super(detail, NO_OFFSET);
        this.state = state;
    }

    /** Name of the state the message was rejected in. */
    public String state() {
        return state;
    }
}
