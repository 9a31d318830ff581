package io.sqlxwire.codegen.java.dispatch;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages a frame of one framing can hold, grouped as selection tries them: by tag value
 * (framings with a tag field), each group in declaration order, then the untagged messages.
 * A message without {@code via} travels in any framing; in a framing with a tag field, untagged
 * messages are candidates only when they name it, so a tagged frame is never read as a startup
 * packet.
 */
public record Candidates(Map<BigInteger, List<MessageModel>> byTag, List<MessageModel> untagged) {

    public static Candidates of(List<MessageModel> messages, FramingModel framing) {
        Map<BigInteger, List<MessageModel>> byTag = new LinkedHashMap<>();
        List<MessageModel> untagged = new ArrayList<>();
        for (MessageModel message : messages) {
            boolean travels = message.framing() == null || message.framing().equals(framing.name());
            if (!travels || !boundParameters(message, framing)) {
                continue;
            }
            if (framing.tagField() != null && message.tag() instanceof io.sqlxwire.idl.model.TypedExpr.IntConst tag) {
                byTag.computeIfAbsent(tag.value(), t -> new ArrayList<>()).add(message);
            } else if (message.tag() == null && (framing.tagField() == null || framing.name().equals(message.framing()))) {
                untagged.add(message);
            }
        }
        return new Candidates(byTag, untagged);
    }

    /** A message's parameters come from header fields of the framing; without them it cannot be read there. */
    private static boolean boundParameters(MessageModel message, FramingModel framing) {
        return message.parameters().stream().allMatch(p -> framing.header().field(p.name()).isPresent());
    }

    public boolean isEmpty() {
        return byTag.isEmpty() && untagged.isEmpty();
    }
}
