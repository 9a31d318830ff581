package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.WireType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-connection variables of a conversation, with the initial values the model declares. */
public final class Session {

    private final Map<String, Value> variables = new LinkedHashMap<>();

    private Session() {}

    /** A fresh session: declared initial values, or zero, false and empty lists. */
    static Session initial(ProtocolModel model, ExprEvaluator evaluator) {
        Session session = new Session();
        Scope scope = Scope.detached(session);
        for (SessionVariable variable : model.session()) {
            Value value;
            if (variable.initial() != null) {
                value = evaluator.eval(variable.initial(), scope, null);
            } else if (variable.type() instanceof WireType.ListOf) {
                value = new Value.ListOf(List.of());
            } else if (variable.type() instanceof WireType.Bool) {
                value = new Value.Bool(false);
            } else {
                value = Value.Int.of(0);
            }
            session.variables.put(variable.name(), value);
        }
        return session;
    }

    public Value get(String name) {
        Value value = variables.get(name);
        return value == null ? Value.Null.INSTANCE : value;
    }

    void set(String name, Value value) {
        variables.put(name, value);
    }

    /** A snapshot for tests and debugging. */
    public Map<String, Value> variables() {
        return Map.copyOf(variables);
    }
}
