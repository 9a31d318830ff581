package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.error.CodecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a conversation by interpreting the model: per direction a {@link FrameSplitter} fed in
 * arbitrary chunks, the framing in force taken from the state machine, each frame's message chosen
 * by {@link MessageSelector} and the state ({@code on} transitions of the current state and of
 * {@code state *}), then the transition and its {@code set} actions applied to the {@link Session}.
 * Both directions share one machine, so chunks must be fed in the order they were sent.
 *
 * <p>A frame whose message cannot be decoded becomes an error entry and decoding goes on with the
 * next frame; when the framing itself is lost, that direction reports it once and ignores the rest.
 * Without a machine each direction uses the protocol's first framing and messages are chosen by
 * framing, tag, {@code when} and leading constants alone.
 */
public final class ConversationDecoder {

    private final ProtocolModel model;
    private final Limits limits;
    private final LayoutInterpreter layouts;
    private final MessageSelector selector;
    private final Session session;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final Map<String, String> framings = new HashMap<>();
    private String state;
    /** The state from which both directions travel in compressed frames, or null. */
    private String inflateFrom;
    private FramingModel zlibFraming;
    private boolean inflating;

    public ConversationDecoder(ProtocolModel model, Limits limits) {
        this.model = model;
        this.limits = limits;
        this.layouts = new LayoutInterpreter(model, limits);
        this.selector = new MessageSelector(model, layouts);
        this.session = Session.initial(model, layouts.evaluator());
        if (model.framings().isEmpty()) {
            throw new IllegalArgumentException("protocol " + model.name() + " declares no framing");
        }
        for (DirectionModel direction : model.directions()) {
            framings.put(direction.name(), model.framings().get(0).name());
        }
        if (model.machine() != null) {
            enter(model.machine().initial());
        }
    }

    /** Starts in another state (to decode one direction's bytes from the middle of a conversation). */
    public void startIn(String stateName) {
        if (model.machine() == null || model.machine().state(stateName).isEmpty()) {
            throw new IllegalArgumentException("no state " + stateName);
        }
        // A state that names no framing for a direction keeps the one it was entered with; without
        // the path that led there, take the framing of the nearest state declared before it that
        // names one (states are usually declared in conversation order).
        List<MachineModel.State> states = model.machine().states();
        for (MachineModel.State candidate : states) {
            framings.putAll(candidate.framings());
            if (candidate.name().equals(stateName)) {
                break;
            }
        }
        enter(stateName);
    }

    /**
     * From the moment the machine enters {@code stateName} (now, if it is there already), both
     * directions' streams are read through the protocol's framing with the built-in
     * {@code transform zlib}: its bodies, inflated, are the stream the ordinary framings then cut
     * (MySQL's compressed protocol, which starts after the handshake once both sides chose
     * CLIENT_COMPRESS — a choice the description does not turn into a framing switch). Offsets of
     * messages after that point count in the plain stream.
     *
     * @throws IllegalArgumentException when the protocol has no such state or no zlib framing
     */
    public void inflateFrom(String stateName) {
        if (model.machine() == null || model.machine().state(stateName).isEmpty()) {
            throw new IllegalArgumentException("no state " + stateName);
        }
        zlibFraming = model.framings().stream().filter(f -> InflatingLayer.ZLIB.equals(f.transform())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "protocol " + model.name() + " has no framing with 'transform zlib'"));
        inflateFrom = stateName;
        if (stateName.equals(state)) {
            inflating = true;
        }
    }

    public String state() {
        return state;
    }

    public Session session() {
        return session;
    }

    /** The direction whose messages {@code sender} sends (C: the client, S: the server). */
    public static DirectionModel directionOf(ProtocolModel model, DirectionModel.Sender sender) {
        return model.directions().stream().filter(d -> d.sender() == sender).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "protocol " + model.name() + " has no direction sent by the " + sender.name().toLowerCase()));
    }

    /** Feeds bytes sent in {@code direction}; returns the messages they completed. */
    public List<DecodedMessage> feed(String direction, String label, byte[] chunk) {
        Lane lane = lanes.computeIfAbsent(direction, d -> new Lane(d, label, new FrameSplitter(layouts, limits)));
        List<DecodedMessage> out = new ArrayList<>();
        if (lane.lost) {
            return out;
        }
        if (!push(lane, chunk, out)) {
            return out;
        }
        while (!lane.lost) {
            FramingModel framing = model.framing(framings.get(direction)).orElseThrow();
            Frame frame;
            try {
                frame = lane.splitter.next(framing, session);
            } catch (FramingLost e) {
                lane.lost = true;
                out.add(new DecodedMessage(label, e.streamOffset(), null, null,
                        "framing lost: " + e.getMessage()));
                break;
            }
            if (frame == null) {
                break;
            }
            out.add(decode(lane, frame));
            if (!push(lane, new byte[0], out)) {
                break;
            }
        }
        return out;
    }

    /**
     * Hands bytes to the lane's splitter, through its inflating layer once compression is on (the
     * bytes the splitter holds when it starts were sent compressed: they go through the layer too).
     * False when the compressed stream is lost (reported in {@code out}).
     */
    private boolean push(Lane lane, byte[] chunk, List<DecodedMessage> out) {
        try {
            if (inflating && lane.layer == null) {
                lane.layer = new InflatingLayer(zlibFraming, layouts, limits);
                lane.splitter.feed(lane.layer.feed(lane.splitter.drain(), session));
            }
            lane.splitter.feed(lane.layer == null ? chunk : lane.layer.feed(chunk, session));
            return true;
        } catch (FramingLost e) {
            lane.lost = true;
            out.add(new DecodedMessage(lane.label, e.streamOffset(), null, null, "framing lost: " + e.getMessage()));
            return false;
        }
    }

    /**
     * Where the conversation stands when the input ends: the state and whether it is final, so a
     * conversation cut short (or still open) is visible. Without a machine there is no state.
     */
    public ConversationEnd end() {
        if (model.machine() == null) {
            return new ConversationEnd(null, false);
        }
        return new ConversationEnd(state, currentState().isFinal());
    }

    /** Reports every direction whose stream ended inside a frame. */
    public List<DecodedMessage> finish() {
        List<DecodedMessage> out = new ArrayList<>();
        for (Lane lane : lanes.values()) {
            if (!lane.lost && lane.layer != null && lane.layer.buffered() > 0) {
                out.add(new DecodedMessage(lane.label, lane.layer.streamOffset(), null, null,
                        "stream ends inside a compressed frame: " + lane.layer.buffered() + " bytes left over"));
            } else if (!lane.lost && lane.splitter.buffered() > 0) {
                out.add(new DecodedMessage(lane.label, lane.splitter.streamOffset(), null, null,
                        "stream ends inside a frame: " + lane.splitter.buffered() + " bytes left over"));
            }
        }
        return out;
    }

    private DecodedMessage decode(Lane lane, Frame frame) {
        List<MessageModel> candidates = selector.candidates(lane.direction, frame, session);
        if (candidates.isEmpty()) {
            return new DecodedMessage(lane.label, frame.streamOffset(), null, null,
                    model.name() + ": no " + lane.direction + " message matches this "
                            + frame.framing().name() + " frame" + tagText(frame) + stateText());
        }
        // The first candidate the current state accepts; if it accepts none, the first is reported.
        MessageModel chosen = candidates.get(0);
        List<MachineModel.Transition> transitions = List.of();
        if (model.machine() != null) {
            for (MessageModel candidate : candidates) {
                transitions = transitions(lane.direction, candidate.name());
                if (!transitions.isEmpty()) {
                    chosen = candidate;
                    break;
                }
            }
        }
        Value.Obj fields;
        try {
            Scope scope = new Scope(MessageSelector.parameters(chosen, frame), session, 1, frame.bytes());
            Region body = Region.of(frame.body());
            fields = layouts.decode(chosen.layout(), body, scope);
            LayoutInterpreter.requireConsumed(body);
        } catch (CodecException e) {
            return new DecodedMessage(lane.label, frame.streamOffset(), chosen.name(), null,
                    e.inMessage(model.name(), chosen.name()).getMessage());
        }
        if (model.machine() != null) {
            if (transitions.isEmpty()) {
                return new DecodedMessage(lane.label, frame.streamOffset(), chosen.name(), null,
                        model.name() + " " + chosen.name() + (currentState().isFinal()
                                ? ": arrived after the conversation ended in final state " + state
                                : ": not accepted in state " + state));
            }
            try {
                MachineModel.Transition taken = taken(transitions, fields);
                if (taken != null) {
                    apply(taken, fields);
                }
            } catch (CodecException e) {
                return new DecodedMessage(lane.label, frame.streamOffset(), chosen.name(), null,
                        e.inMessage(model.name(), chosen.name()).getMessage());
            }
        }
        return new DecodedMessage(lane.label, frame.streamOffset(), chosen.name(), fields, null);
    }

    /**
     * The transitions on a message in the current state, in the order they are tried: the state's
     * guarded ones in declaration order, its unguarded one, then the same from {@code state *}. A
     * final state ends the conversation: there {@code state *} no longer applies, only what the
     * state itself accepts (the opaque records of an encrypted connection). Empty: not accepted.
     */
    private List<MachineModel.Transition> transitions(String direction, String message) {
        MachineModel machine = model.machine();
        MachineModel.State current = currentState();
        List<MachineModel.Transition> tried = new ArrayList<>();
        addInOrder(current.transitions(), direction, message, tried);
        if (!current.isFinal()) {
            addInOrder(machine.anyState(), direction, message, tried);
        }
        return tried;
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

    /**
     * The first transition whose guard holds over the message's fields and the session, or
     * {@code null}: the message is accepted but nothing happens (the state stays, no action runs).
     */
    private MachineModel.Transition taken(List<MachineModel.Transition> transitions, Value.Obj fields) {
        for (MachineModel.Transition t : transitions) {
            if (t.guard() == null || layouts.evaluator().bool(t.guard(), Scope.over(fields, session), null)) {
                return t;
            }
        }
        return null;
    }

    private MachineModel.State currentState() {
        return model.machine().state(state).orElseThrow();
    }

    private void apply(MachineModel.Transition transition, Value.Obj fields) {
        for (MachineModel.Action action : transition.actions()) {
            Scope scope = Scope.over(fields, session);
            Value value = layouts.evaluator().eval(action.value(), scope, null);
            Value current = session.get(action.variable());
            switch (action.op()) {
                case ASSIGN -> session.set(action.variable(), value);
                case ADD -> session.set(action.variable(),
                        new Value.Int(ExprEvaluator.integer(current).add(ExprEvaluator.integer(value))));
                case APPEND -> {
                    if (current instanceof Value.ListOf list) {
                        limits.checkElements(list.elements().size() + 1L, CodecException.NO_OFFSET);
                    }
                    session.set(action.variable(), ExprEvaluator.append(current, value));
                }
            }
        }
        if (transition.target() != null) {
            enter(transition.target());
        }
    }

    private void enter(String stateName) {
        state = stateName;
        if (stateName.equals(inflateFrom)) {
            inflating = true;
        }
        model.machine().state(stateName).ifPresent(s -> framings.putAll(s.framings()));
    }

    private String stateText() {
        return state == null ? "" : " in state " + state;
    }

    private static String tagText(Frame frame) {
        String tagField = frame.framing().tagField();
        if (tagField == null) {
            return "";
        }
        Value tag = frame.header().get(tagField).orElse(Value.Null.INSTANCE);
        if (tag instanceof Value.Int i && i.value().signum() >= 0 && i.value().intValue() >= 0x20
                && i.value().intValue() < 0x7f) {
            return " with tag '" + (char) i.value().intValue() + "'";
        }
        return " with tag " + tag.toJson();
    }

    private static final class Lane {
        final String direction;
        final String label;
        final FrameSplitter splitter;
        /** The compressed frames beneath the splitter, once compression is on. */
        InflatingLayer layer;
        boolean lost;

        Lane(String direction, String label, FrameSplitter splitter) {
            this.direction = direction;
            this.label = label;
            this.splitter = splitter;
        }
    }
}
