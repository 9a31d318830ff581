package io.sqlxwire.runtime.machine;

import io.sqlxwire.runtime.Direction;
import io.sqlxwire.runtime.error.ProtocolStateException;

/**
 * Base of generated state machines: tracks the current state, refuses messages the state does
 * not allow, and performs the declared transitions.
 *
 * <p>A generated subclass calls {@link #accept} first in each per-message method, then runs the
 * user's overridable handler for that (state, message) pair, e.g.
 * {@code S from = accept(SERVER_TO_CLIENT, MSG_DATA_ROW); onDataRow(from, row);}. Accepting
 * allocates nothing; only a rejection builds an exception. Not thread-safe: one instance per
 * connection.
 */
public abstract class StateMachine<S extends Enum<S>> {

    private final String protocol;
    private final TransitionTable<S> table;
    private S state;

    protected StateMachine(String protocol, TransitionTable<S> table, S initial) {
        this.protocol = protocol;
        this.table = table;
        this.state = initial;
    }

    public final S state() {
        return state;
    }

    /** Whether {@code message} would be accepted now. */
    public final boolean allows(Direction direction, int message) {
        return table.next(state, direction, message) != null;
    }

    /**
     * Checks that {@code message} is allowed in the current state and moves to the declared next
     * state.
     *
     * @return the state the message arrived in
     * @throws ProtocolStateException when the current state does not allow the message
     */
    protected final S accept(Direction direction, int message) {
        S from = state;
        S to = table.next(from, direction, message);
        if (to == null) {
            throw rejection(direction, message);
        }
        state = to;
        if (to != from) {
            onTransition(from, to);
        }
        return from;
    }

    /** Called after every change of state; override to log or to reset per-state data. */
    protected void onTransition(S from, S to) {
    }

    private ProtocolStateException rejection(Direction direction, int message) {
        ProtocolStateException e = new ProtocolStateException(
                table.label(direction) + " message not allowed in state " + state
                        + "; allowed: " + String.join(", ", table.allowed(state, direction)),
                state.name());
        e.inMessage(protocol, table.messageName(direction, message));
        return e;
    }
}
