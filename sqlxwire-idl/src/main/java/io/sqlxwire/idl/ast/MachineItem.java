package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/** One statement of the {@code machine} block. */
public sealed interface MachineItem {

    SourceSpan span();

    record Initial(Name state, SourceSpan span) implements MachineItem {}

    /**
     * {@code state Name { ... }}; the name {@code *} declares what every state accepts.
     */
    record State(Name name, String doc, List<StateItem> items, SourceSpan span) implements MachineItem {
        public State {
            items = List.copyOf(items);
        }

        public boolean isWildcard() {
            return name.text().equals("*");
        }
    }

    sealed interface StateItem {
        SourceSpan span();
    }

    /** {@code framing frontend startup;}: the framing a direction uses while in this state. */
    record UseFraming(Name direction, Name framing, SourceSpan span) implements StateItem {}

    /**
     * {@code on backend AuthenticationOk -> Ready { set ... }}; without a target the state stays.
     *
     * @param guard {@code on backend ReadyForQuery if session.syncs_pending == 0 -> Idle}: taken only
     *              when it holds (on the message's fields and the session), or {@code null}
     */
    record Transition(Name direction, Name message, Expr guard, Name target, List<Action> actions, SourceSpan span)
            implements StateItem {
        public Transition {
            actions = List.copyOf(actions);
        }
    }

    /** {@code final;}: the connection ends in this state. */
    record Final(SourceSpan span) implements StateItem {}

    /** {@code set variable = expr;} or {@code set variable += expr;} (add, or append to a list). */
    record Action(Name variable, String operator, Expr value, SourceSpan span) {}
}
