package io.sqlxwire.idl.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation: states, what each accepts per direction, transitions and what they record.
 *
 * @param anyState transitions declared in {@code state *}, accepted in every state
 */
public record MachineModel(String initial, List<State> states, List<Transition> anyState) {

    public MachineModel {
        states = List.copyOf(states);
        anyState = List.copyOf(anyState);
    }

    public Optional<State> state(String name) {
        return states.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * @param framings the framing each direction uses in this state; a direction not listed keeps the
     *                 framing it had
     */
    public record State(String name, String doc, Map<String, String> framings, List<Transition> transitions,
                        boolean isFinal) {
        public State {
            framings = Map.copyOf(framings);
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * @param guard  the condition under which this transition is taken, or {@code null} for always;
     *               among transitions on one message the first whose guard holds is taken, an
     *               unguarded one last
     * @param target the next state, or {@code null} to stay
     */
    public record Transition(String direction, String message, TypedExpr guard, String target, List<Action> actions) {
        public Transition {
            actions = List.copyOf(actions);
        }
    }

    /** Records a value into a session variable; {@code APPEND} adds to a list, {@code ADD} to a number. */
    public record Action(String variable, Op op, TypedExpr value) {
        public enum Op { ASSIGN, ADD, APPEND }
    }
}
