package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.error.CodecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the messages a frame can be, in the order the IDL prefers them: the frame's framing
 * ({@code via}) and tag, then among those in declaration order the ones whose {@code when} holds
 * and whose leading constant fields match, and after them the defaults (messages with neither a
 * {@code when} nor a leading constant). The state machine makes the final choice.
 */
final class MessageSelector {

    private final ProtocolModel model;
    private final LayoutInterpreter layouts;

    MessageSelector(ProtocolModel model, LayoutInterpreter layouts) {
        this.model = model;
        this.layouts = layouts;
    }

    List<MessageModel> candidates(String direction, Frame frame, Session session) {
        List<MessageModel> specific = new ArrayList<>();
        List<MessageModel> defaults = new ArrayList<>();
        for (MessageModel message : model.messages(direction)) {
            if (!travelsIn(message, frame, session)) {
                continue;
            }
            Scope scope = new Scope(parameters(message, frame), session, 1, frame.bytes());
            boolean discriminating = message.when() != null || LayoutInterpreter.hasLeadingConstant(message.layout());
            if (message.when() != null && !whenHolds(message, frame, scope)) {
                continue;
            }
            if (!layouts.leadingConstantsMatch(message.layout(), Region.of(frame.body()), scope)) {
                continue;
            }
            (discriminating ? specific : defaults).add(message);
        }
        specific.addAll(defaults);
        return specific;
    }

    /** The values of a message's parameters: the framing header fields of the same names. */
    static Map<String, Value> parameters(MessageModel message, Frame frame) {
        Map<String, Value> values = new HashMap<>();
        for (Parameter parameter : message.parameters()) {
            values.put(parameter.name(), frame.header().get(parameter.name()).orElse(Value.Null.INSTANCE));
        }
        return values;
    }

    private boolean travelsIn(MessageModel message, Frame frame, Session session) {
        if (message.framing() != null && !message.framing().equals(frame.framing().name())) {
            return false;
        }
        String tagField = frame.framing().tagField();
        if (tagField == null) {
            return message.tag() == null;
        }
        if (message.tag() == null) {
            return false;
        }
        Value tag = frame.header().get(tagField).orElse(Value.Null.INSTANCE);
        Value expected = layouts.evaluator().eval(message.tag(), Scope.detached(session), null);
        return ExprEvaluator.same(tag, expected);
    }

    private boolean whenHolds(MessageModel message, Frame frame, Scope scope) {
        try {
            return layouts.evaluator().bool(message.when(), scope, Region.of(frame.body()));
        } catch (CodecException e) {
            return false; // a peek beyond a short body: this message it is not
        }
    }
}
