package io.sqlxwire.codegen.java.machine;

import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a state tries the transitions on a message (docs/idl.md "Guarded
 * transitions"), the same rule as the interpreter's: the state's guarded transitions in declaration
 * order, its unguarded one, then those of {@code state *} the same way; a final state ignores
 * {@code state *}. When transitions exist but none applies, the message is accepted and the state
 * stays.
 *
 * <p>The runtime's transition table holds one next state per (state, message), so every guarded
 * transition gets an extra message id after the direction's real ones ({@link #guardedId}): the
 * generated machine evaluates the guards, then accepts the id of the transition it takes.
 */
public final class Routes {

    /** A guarded transition, where it is declared ({@code null}: {@code state *}) and its table id. */
    public record Guarded(MachineModel.Transition transition, MachineModel.State declaredIn, String message,
                          int index, int id) {

        /** {@code EXTENDED_QUERY_READY_FOR_QUERY_GUARDED} ({@code _2}, ... when a state guards a message twice). */
        public String idConstant() {
            return ConversationNames.idConstant(owner()) + "_" + ConversationNames.idConstant(message) + "_GUARDED" + (index == 1 ? "" : "_" + index);
        }

        /** {@code guardExtendedQueryReadyForQuery}: the private method that evaluates the guard. */
        public String guardMethod() {
            return "guard" + Naming.pascal(owner()) + Naming.pascal(message) + (index == 1 ? "" : String.valueOf(index));
        }

        /** What the runtime lists among the allowed messages: {@code ReadyForQuery (guarded in ExtendedQuery)}. */
        public String tableName() {
            return message + " (guard" + (index == 1 ? "" : " " + index) + " in "
                    + (declaredIn == null ? "any state" : declaredIn.name()) + ")";
        }

        private String owner() {
            return declaredIn == null ? "Any" : declaredIn.name();
        }
    }

    private final MachineModel machine;
    private final Map<MachineModel.Transition, Guarded> guarded = new IdentityHashMap<>();
    private final Map<String, List<Guarded>> byDirection = new java.util.HashMap<>();

    public Routes(MachineModel machine, ConversationNames names, List<String> directions) {
        this.machine = machine;
        for (String direction : directions) {
            List<Guarded> extra = new ArrayList<>();
            int next = names.messages(direction).size();
            for (MessageModel message : names.messages(direction)) {
                for (MachineModel.State state : machine.states()) {
                    next = number(state, state.transitions(), direction, message.name(), next, extra);
                }
                next = number(null, machine.anyState(), direction, message.name(), next, extra);
            }
            byDirection.put(direction, List.copyOf(extra));
        }
    }

    private int number(MachineModel.State state, List<MachineModel.Transition> declared, String direction,
                       String message, int next, List<Guarded> extra) {
        int index = 0;
        for (MachineModel.Transition t : declared) {
            if (t.guard() != null && t.direction().equals(direction) && t.message().equals(message)) {
                Guarded g = new Guarded(t, state, message, ++index, next++);
                guarded.put(t, g);
                extra.add(g);
            }
        }
        return next;
    }

    /** The guarded transitions of a direction, in id order. */
    public List<Guarded> guarded(String direction) {
        return byDirection.getOrDefault(direction, List.of());
    }

    /** The guarded transitions on one message, in the order the generated code tests them. */
    public List<Guarded> guarded(String direction, String message) {
        return guarded(direction).stream().filter(g -> g.message().equals(message)).toList();
    }

    public Guarded guardedId(MachineModel.Transition t) {
        return guarded.get(t);
    }

    /** The transitions {@code state} tries on a message, in order; empty when it does not accept it. */
    public List<MachineModel.Transition> tried(MachineModel.State state, String direction, String message) {
        List<MachineModel.Transition> out = new ArrayList<>();
        addInOrder(state.transitions(), direction, message, out);
        if (!state.isFinal()) {
            addInOrder(machine.anyState(), direction, message, out);
        }
        return out;
    }

    /** The transition taken when no guard holds (the first unguarded one tried), or {@code null}: stay. */
    public MachineModel.Transition fallback(MachineModel.State state, String direction, String message) {
        return tried(state, direction, message).stream().filter(t -> t.guard() == null).findFirst().orElse(null);
    }

    /** Whether the state itself (not {@code state *}) declares a transition on the message. */
    public static boolean declares(MachineModel.State state, String direction, String message) {
        return state.transitions().stream().anyMatch(t -> t.direction().equals(direction) && t.message().equals(message));
    }

    public static String target(MachineModel.Transition t, MachineModel.State from) {
        return t.target() == null ? from.name() : t.target();
    }

    private static void addInOrder(List<MachineModel.Transition> declared, String direction, String message,
                                   List<MachineModel.Transition> out) {
        List<MachineModel.Transition> unguarded = new ArrayList<>();
        for (MachineModel.Transition t : declared) {
            if (t.direction().equals(direction) && t.message().equals(message)) {
                (t.guard() != null ? out : unguarded).add(t);
            }
        }
        out.addAll(unguarded);
    }
}
