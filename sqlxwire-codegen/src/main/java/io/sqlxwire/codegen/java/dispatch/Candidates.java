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
 *
 * <p>Within a group, messages are tried in declaration order, except that a message nothing
 * selects (no {@code when}, no leading constant) is the group's default and comes last: a MySQL
 * result set header must not take the column definitions that a {@code when} claims.
 *
 * <p>The model interpreter ({@code interp.MessageSelector}) orders its candidates with this class
 * too, so decoding with {@code sqlxwire decode} and with generated code picks the same message
 * (docs/idl.md "Choosing a message"; {@code SelectionAgreementTest}).
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
        byTag.replaceAll((tag, group) -> defaultsLast(group));
        return new Candidates(byTag, defaultsLast(untagged));
    }

    private static List<MessageModel> defaultsLast(List<MessageModel> group) {
        List<MessageModel> ordered = new ArrayList<>();
        group.stream().filter(Candidates::isSelective).forEach(ordered::add);
        group.stream().filter(m -> !isSelective(m)).forEach(ordered::add);
        return ordered;
    }

    /** Whether something in the message itself tells it apart: a {@code when} or a leading constant field. */
    public static boolean isSelective(MessageModel message) {
        if (message.when() != null) {
            return true;
        }
        return !message.layout().members().isEmpty()
                && message.layout().members().get(0) instanceof io.sqlxwire.idl.model.Field field
                && isLeadingConstant(field);
    }

    /** A constant integer field at a known offset, which selection compares without decoding. */
    public static boolean isLeadingConstant(io.sqlxwire.idl.model.Field field) {
        return field.value() instanceof io.sqlxwire.idl.model.FieldValue.Constant && !field.isOptional()
                && field.position() == null && field.regionSize() == null && field.fixedOffset().isPresent()
                && io.sqlxwire.codegen.java.framing.IntReads.intOf(field.type()) != null;
    }

    /** A message's parameters come from header fields of the framing; without them it cannot be read there. */
    private static boolean boundParameters(MessageModel message, FramingModel framing) {
        return message.parameters().stream().allMatch(p -> framing.header().field(p.name()).isPresent());
    }

    public boolean isEmpty() {
        return byTag.isEmpty() && untagged.isEmpty();
    }
}
