package io.sqlxwire.codegen.java.machine;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.ProtocolModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which framings a direction's frames can arrive in, and the one in force at the start. */
public final class Framings {

    private Framings() {}

    /**
     * The framing a direction starts in: the machine's initial state names it; otherwise the only
     * framing, or the first one its messages travel in, or the first declared.
     */
    public static FramingModel initial(ProtocolModel model, String direction) {
        if (model.framings().isEmpty()) {
            return null;
        }
        MachineModel machine = model.machine();
        if (machine != null) {
            String named = machine.state(machine.initial()).map(s -> s.framings().get(direction)).orElse(null);
            if (named != null) {
                return model.framing(named).orElseThrow();
            }
        }
        for (MessageModel message : model.messages(direction)) {
            if (message.framing() != null) {
                return model.framing(message.framing()).orElseThrow();
            }
        }
        return model.framings().get(0);
    }

    /** The framings a direction may be in, in declaration order. */
    public static List<FramingModel> used(ProtocolModel model, String direction) {
        Set<String> names = new LinkedHashSet<>();
        FramingModel initial = initial(model, direction);
        if (initial != null) {
            names.add(initial.name());
        }
        if (model.machine() != null) {
            for (MachineModel.State state : model.machine().states()) {
                String named = state.framings().get(direction);
                if (named != null) {
                    names.add(named);
                }
            }
        } else {
            model.framings().forEach(f -> names.add(f.name()));
        }
        for (MessageModel message : model.messages(direction)) {
            if (message.framing() != null) {
                names.add(message.framing());
            }
        }
        return model.framings().stream().filter(f -> names.contains(f.name())).toList();
    }
}
