package io.sqlxwire.codegen.interp;

import io.sqlxwire.codegen.java.dispatch.Candidates;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.error.CodecException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the messages a frame can be, in the order the IDL prefers them (docs/idl.md "Choosing a
 * message"). The order comes from {@link Candidates}, the same grouping the generated dispatchers
 * are built from, so the interpreter and generated code cannot disagree: the messages with the
 * frame's tag (or, in a framing without a tag field, the untagged ones), those with a {@code when}
 * or leading constant fields first in declaration order, the defaults after them; then the
 * untagged messages that name a tagged framing with {@code via}. Here only those whose {@code when}
 * holds and whose leading constants match are kept; the state machine makes the final choice.
 */
final class MessageSelector {

    private final ProtocolModel model;
    private final LayoutInterpreter layouts;
    private final Map<String, Candidates> byFraming = new HashMap<>();

    MessageSelector(ProtocolModel model, LayoutInterpreter layouts) {
        this.model = model;
        this.layouts = layouts;
    }

    List<MessageModel> candidates(String direction, Frame frame, Session session) {
        Candidates candidates = byFraming.computeIfAbsent(direction + " " + frame.framing().name(),
                key -> Candidates.of(model.messages(direction), frame.framing()));
        List<MessageModel> ordered = new ArrayList<>();
        BigInteger tag = tagOf(frame);
        if (tag != null) {
            ordered.addAll(candidates.byTag().getOrDefault(tag, List.of()));
        }
        ordered.addAll(candidates.untagged());
        List<MessageModel> matching = new ArrayList<>();
        for (MessageModel message : ordered) {
            Scope scope = new Scope(parameters(message, frame), session, 1, frame.bytes());
            if (message.when() != null && !whenHolds(message, frame, scope)) {
                continue;
            }
            if (!layouts.leadingConstantsMatch(message.layout(), Region.of(frame.body()), scope)) {
                continue;
            }
            matching.add(message);
        }
        return matching;
    }

    /** The values of a message's parameters: the framing header fields of the same names. */
    static Map<String, Value> parameters(MessageModel message, Frame frame) {
        Map<String, Value> values = new HashMap<>();
        for (Parameter parameter : message.parameters()) {
            values.put(parameter.name(), frame.header().get(parameter.name()).orElse(Value.Null.INSTANCE));
        }
        return values;
    }

    private static BigInteger tagOf(Frame frame) {
        FramingModel framing = frame.framing();
        if (framing.tagField() == null) {
            return null;
        }
        Value tag = frame.header().get(framing.tagField()).orElse(Value.Null.INSTANCE);
        return ExprEvaluator.isIntegral(tag) ? ExprEvaluator.integer(tag) : null;
    }

    private boolean whenHolds(MessageModel message, Frame frame, Scope scope) {
        try {
            return layouts.evaluator().bool(message.when(), scope, Region.of(frame.body()));
        } catch (CodecException e) {
            return false; // a peek beyond a short body: this message it is not
        }
    }
}
