package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.MachineItem;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.TypedExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the state machine: states are unique and known, each transition names a message of the
 * right direction, and each action records a value of the right type into a session variable.
 * Transition actions may read the message's fields by name.
 */
final class MachineChecker {

    private final CheckContext ctx;
    private final ExprChecker exprs;

    MachineChecker(CheckContext ctx, ExprChecker exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
    }

    MachineModel check(List<Decl.Machine> machines, List<MessageModel> messages) {
        if (machines.isEmpty()) {
            return null;
        }
        for (Decl.Machine extra : machines.subList(1, machines.size())) {
            ctx.error(extra.span(), "a protocol has one machine; merge this one into the machine at "
                    + CheckContext.where(extra.span(), machines.get(0).span()));
        }
        Decl.Machine machine = machines.get(0);
        Map<String, MachineItem.State> states = new LinkedHashMap<>();
        List<MachineItem.State> wildcards = new ArrayList<>();
        List<MachineItem.Initial> initials = new ArrayList<>();
        for (MachineItem item : machine.items()) {
            if (item instanceof MachineItem.Initial i) {
                initials.add(i);
            } else if (item instanceof MachineItem.State s) {
                if (s.isWildcard()) {
                    wildcards.add(s);
                } else {
                    MachineItem.State earlier = states.putIfAbsent(s.name().text(), s);
                    if (earlier != null) {
                        ctx.error(s.name().span(), "duplicate name '" + s.name().text() + "': a state of that name is declared at "
                                + CheckContext.where(s.span(), earlier.span()));
                    }
                }
            }
        }
        String initial = null;
        if (initials.isEmpty()) {
            ctx.error(machine.span(), "the machine needs an initial state: initial NAME;");
        } else {
            for (MachineItem.Initial extra : initials.subList(1, initials.size())) {
                ctx.error(extra.span(), "the machine has one initial state; it is already given at "
                        + CheckContext.where(extra.span(), initials.get(0).span()));
            }
            initial = stateRef(initials.get(0).state(), states) ? initials.get(0).state().text() : null;
        }
        List<MachineModel.State> checkedStates = new ArrayList<>();
        for (MachineItem.State s : states.values()) {
            checkedStates.add(state(s, states, messages));
        }
        List<MachineModel.Transition> anyState = new ArrayList<>();
        for (MachineItem.State w : wildcards) {
            MachineModel.State checked = state(w, states, messages);
            anyState.addAll(checked.transitions());
            if (!checked.framings().isEmpty() || checked.isFinal()) {
                ctx.error(w.span(), "'state *' may only list transitions accepted in every state");
            }
        }
        reportUnreachable(initial, checkedStates, states, anyState);
        return new MachineModel(initial, checkedStates, anyState);
    }

    private MachineModel.State state(MachineItem.State s, Map<String, MachineItem.State> states, List<MessageModel> messages) {
        Map<String, String> framings = new LinkedHashMap<>();
        List<MachineModel.Transition> transitions = new ArrayList<>();
        java.util.Map<String, MachineItem.Transition> unguarded = new java.util.HashMap<>();
        boolean isFinal = false;
        for (MachineItem.StateItem item : s.items()) {
            if (item instanceof MachineItem.UseFraming f) {
                if (direction(f.direction()) && framing(f.framing())) {
                    if (framings.putIfAbsent(f.direction().text(), f.framing().text()) != null) {
                        ctx.error(f.span(), "state " + s.name().text() + " sets the framing of " + f.direction().text() + " twice");
                    }
                }
            } else if (item instanceof MachineItem.Final) {
                isFinal = true;
            } else if (item instanceof MachineItem.Transition t) {
                MachineModel.Transition checked = transition(t, states, messages);
                if (checked != null) {
                    String key = t.direction().text() + " " + t.message().text();
                    // Guarded transitions are tried first, in order; the unguarded one is the default.
                    MachineItem.Transition earlier = t.guard() == null ? unguarded.putIfAbsent(key, t) : null;
                    if (earlier != null) {
                        ctx.error(t.span(), "unreachable transition: state " + s.name().text() + " already has a transition on "
                                + key + " without a guard at " + CheckContext.where(t.span(), earlier.span())
                                + "; give one of them a guard (on " + key + " if ... -> STATE)");
                    }
                    transitions.add(checked);
                }
            }
        }
        return new MachineModel.State(s.name().text(), s.doc(), framings, transitions, isFinal);
    }

    private MachineModel.Transition transition(MachineItem.Transition t, Map<String, MachineItem.State> states,
                                               List<MessageModel> messages) {
        boolean ok = direction(t.direction());
        MessageModel message = messages.stream().filter(m -> m.name().equals(t.message().text())).findFirst().orElse(null);
        if (message == null) {
            ctx.error(t.message().span(), "unknown message '" + t.message().text() + "'"
                    + Suggestions.hint(t.message().text(), messages.stream().map(MessageModel::name).toList()));
            ok = false;
        } else if (ok && !message.direction().equals(t.direction().text())) {
            ctx.error(t.message().span(), "message " + message.name() + " is sent in direction " + message.direction()
                    + ", not " + t.direction().text());
            ok = false;
        }
        if (t.target() != null && !stateRef(t.target(), states)) {
            ok = false;
        }
        List<MachineModel.Action> actions = new ArrayList<>();
        TypedExpr guard = null;
        if (message != null) {
            Scope scope = Scope.sessionOnly();
            for (io.sqlxwire.idl.model.Member member : message.layout().members()) {
                if (member instanceof Field f && !f.isAnonymous()) {
                    scope.define(f.name(), Scope.NameKind.FIELD, ExprTypes.of(f.type()), f.type());
                } else if (member instanceof io.sqlxwire.idl.model.Let let) {
                    scope.define(let.name(), Scope.NameKind.LET, let.type(), null);
                }
            }
            guard = t.guard() == null ? null : exprs.expectBool(t.guard(), scope);
            for (MachineItem.Action action : t.actions()) {
                MachineModel.Action checked = action(action, scope);
                if (checked != null) {
                    actions.add(checked);
                }
            }
        }
        return ok ? new MachineModel.Transition(t.direction().text(), t.message().text(), guard,
                t.target() == null ? null : t.target().text(), actions) : null;
    }

    private MachineModel.Action action(MachineItem.Action action, Scope scope) {
        String name = action.variable().text();
        ExprType type = ctx.sessionTypes.get(name);
        if (type == null) {
            ctx.error(action.variable().span(), "unknown session variable '" + name + "'"
                    + Suggestions.hint(name, ctx.sessionTypes.keySet()));
            return null;
        }
        MachineModel.Action.Op op;
        ExprType valueType = type;
        if (action.operator().equals("=")) {
            op = MachineModel.Action.Op.ASSIGN;
        } else if (type.kind() == ExprType.Kind.LIST) {
            op = MachineModel.Action.Op.APPEND;
            valueType = type.element();
        } else if (type.isNumeric()) {
            op = MachineModel.Action.Op.ADD;
        } else {
            ctx.error(action.span(), "type mismatch: '+=' adds to a number or appends to a list, and session variable '"
                    + name + "' is " + type.describe());
            return null;
        }
        TypedExpr value = exprs.check(action.value(), scope, valueType);
        if (!ExprTypes.assignable(valueType, value.type())) {
            ctx.error(action.value().span(), "type mismatch: session variable '" + name + "' "
                    + (op == MachineModel.Action.Op.APPEND ? "holds " + valueType.describe() + " elements" : "is " + valueType.describe())
                    + ", but the value is " + value.type().describe());
        }
        return new MachineModel.Action(name, op, value);
    }

    private boolean direction(Name name) {
        if (ctx.symbols.directions.containsKey(name.text())) {
            return true;
        }
        ctx.error(name.span(), "unknown direction '" + name.text() + "'" + Suggestions.hint(name.text(), ctx.symbols.directions.keySet()));
        return false;
    }

    private boolean framing(Name name) {
        if (ctx.symbols.framings.containsKey(name.text())) {
            return true;
        }
        ctx.error(name.span(), "unknown framing '" + name.text() + "'" + Suggestions.hint(name.text(), ctx.symbols.framings.keySet()));
        return false;
    }

    private boolean stateRef(Name name, Map<String, MachineItem.State> states) {
        if (states.containsKey(name.text())) {
            return true;
        }
        ctx.error(name.span(), "unknown state '" + name.text() + "'" + Suggestions.hint(name.text(), states.keySet()));
        return false;
    }

    private void reportUnreachable(String initial, List<MachineModel.State> checked, Map<String, MachineItem.State> states,
                                   List<MachineModel.Transition> anyState) {
        if (initial == null) {
            return;
        }
        Set<String> reached = new HashSet<>();
        List<String> work = new ArrayList<>(List.of(initial));
        // What every state accepts can lead anywhere it names.
        anyState.stream().map(MachineModel.Transition::target).filter(java.util.Objects::nonNull).forEach(work::add);
        while (!work.isEmpty()) {
            String next = work.remove(work.size() - 1);
            if (!reached.add(next)) {
                continue;
            }
            checked.stream().filter(s -> s.name().equals(next)).flatMap(s -> s.transitions().stream())
                    .map(MachineModel.Transition::target).filter(java.util.Objects::nonNull).forEach(work::add);
        }
        for (MachineModel.State s : checked) {
            if (!reached.contains(s.name())) {
                ctx.warning(states.get(s.name()).name().span(), "state " + s.name() + " can never be reached from " + initial);
            }
        }
    }
}
