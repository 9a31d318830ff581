package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.TypedExpr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the message catalogues: each message's direction, tag and selecting condition, and its
 * body. Within one direction a tag may be shared only by messages told apart by {@code when}
 * (at most one of them may go without, as the default).
 */
final class MessageChecker {

    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final LayoutChecker layouts;

    MessageChecker(CheckContext ctx, ExprChecker exprs, LayoutChecker layouts) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.layouts = layouts;
    }

    private record TagKey(String direction, String framing, BigInteger tag) {}

    /**
     * @param tagType the type of the framings' tag field when they agree on one, so a tag may be
     *                written as a bare enum constant ({@code tag STARTUP}); {@code null} otherwise
     */
    List<MessageModel> checkAll(List<Decl.Message> messages, List<FramingModel> framings,
                                io.sqlxwire.idl.model.ExprType tagType) {
        List<MessageModel> checked = new ArrayList<>();
        Map<TagKey, Decl.Message> defaultByTag = new HashMap<>();
        for (Decl.Message m : messages) {
            String direction = m.direction().text();
            if (!ctx.symbols.directions.containsKey(direction)) {
                ctx.error(m.direction().span(), "unknown direction '" + direction + "'"
                        + Suggestions.hint(direction, ctx.symbols.directions.keySet())
                        + (ctx.symbols.directions.isEmpty() ? " (declare it: direction " + direction + " from client;)" : ""));
            }
            FramingModel via = null;
            if (m.via() != null) {
                via = framings.stream().filter(f -> f.name().equals(m.via().text())).findFirst().orElse(null);
                if (via == null) {
                    ctx.error(m.via().span(), "unknown framing '" + m.via().text() + "'"
                            + Suggestions.hint(m.via().text(), framings.stream().map(FramingModel::name).toList()));
                } else if (m.tag() != null && via.tagField() == null) {
                    ctx.error(m.tag().span(), "framing " + via.name() + " has no tag field, so message " + m.name().text()
                            + " cannot have a tag");
                }
            }
            String framingName = m.via() == null ? null : m.via().text();
            TypedExpr tag = null;
            if (m.tag() != null) {
                Optional<BigInteger> value = exprs.constantInt(m.tag(), Scope.constants(), tagType, "a message tag");
                if (value.isPresent()) {
                    if (value.get().signum() < 0 || value.get().bitLength() > 32) {
                        ctx.error(m.tag().span(), "constant " + value.get() + " does not fit a tag (0 to 4294967295)");
                    } else {
                        tag = new TypedExpr.IntConst(value.get());
                        Decl.Message earlier = defaultByTag.get(new TagKey(direction, framingName, value.get()));
                        if (earlier != null && m.when() == null) {
                            ctx.error(m.tag().span(), "duplicate tag " + describeTag(m) + " in direction " + direction
                                    + ": message " + earlier.name().text() + " at " + CheckContext.where(m.span(), earlier.span())
                                    + " has it too (tell them apart with 'when', on a session variable)");
                        } else if (m.when() == null) {
                            defaultByTag.put(new TagKey(direction, framingName, value.get()), m);
                        }
                    }
                }
            }
            List<Parameter> params = layouts.parameters(m.parameters());
            bindToHeader(m, params, via, framings);
            // A message's parameters are header fields, read before the message is chosen: 'when' may use them.
            Scope selector = Scope.selector();
            for (Parameter p : params) {
                selector.define(p.name(), Scope.NameKind.PARAMETER, p.exprType(), p.type());
            }
            TypedExpr when = m.when() == null ? null : exprs.expectBool(m.when(), selector);
            Scope scope = Scope.layout();
            for (Parameter p : params) {
                scope.define(p.name(), Scope.NameKind.PARAMETER, p.exprType(), p.type());
            }
            Layout layout = layouts.check(m.members(), scope, "message " + m.name().text());
            checked.add(new MessageModel(m.name().text(), m.doc(), direction, framingName, tag, when, params, layout, m.span()));
        }
        return checked;
    }

    /** A message's parameters are the framing header fields of the same names (CQL's frame flags). */
    private void bindToHeader(Decl.Message m, List<Parameter> params, FramingModel via, List<FramingModel> framings) {
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            List<FramingModel> candidates = via != null ? List.of(via) : framings;
            boolean bound = candidates.stream().map(f -> f.header().field(p.name())).anyMatch(f -> f.isPresent()
                    && ExprTypes.assignable(p.exprType(), ExprTypes.of(f.get().type())));
            if (!bound) {
                Decl.Parameter written = m.parameters().stream().filter(d -> d.name().text().equals(p.name())).findFirst().orElseThrow();
                ctx.error(written.name().span(), "message parameter '" + p.name() + "' takes its value from a framing "
                        + "header field of the same name and type, and " + (via != null ? "framing " + via.name() + " has none"
                        : "no framing has one"));
            }
        }
    }

    private static String describeTag(Decl.Message m) {
        return m.tag() instanceof io.sqlxwire.idl.ast.Expr.CharLit c ? c.text() : String.valueOf(m.tag() instanceof
                io.sqlxwire.idl.ast.Expr.IntLit i ? i.text() : "value");
    }
}
