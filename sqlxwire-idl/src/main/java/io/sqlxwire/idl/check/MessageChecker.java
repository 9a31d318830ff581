package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
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

    private record TagKey(String direction, BigInteger tag) {}

    /**
     * @param tagType the type of the framings' tag field when they agree on one, so a tag may be
     *                written as a bare enum constant ({@code tag STARTUP}); {@code null} otherwise
     */
    List<MessageModel> checkAll(List<Decl.Message> messages, io.sqlxwire.idl.model.ExprType tagType) {
        List<MessageModel> checked = new ArrayList<>();
        Map<TagKey, Decl.Message> defaultByTag = new HashMap<>();
        for (Decl.Message m : messages) {
            String direction = m.direction().text();
            if (!ctx.symbols.directions.containsKey(direction)) {
                ctx.error(m.direction().span(), "unknown direction '" + direction + "'"
                        + Suggestions.hint(direction, ctx.symbols.directions.keySet())
                        + (ctx.symbols.directions.isEmpty() ? " (declare it: direction " + direction + " from client;)" : ""));
            }
            TypedExpr tag = null;
            if (m.tag() != null) {
                Optional<BigInteger> value = exprs.constantInt(m.tag(), Scope.constants(), tagType, "a message tag");
                if (value.isPresent()) {
                    if (value.get().signum() < 0 || value.get().bitLength() > 32) {
                        ctx.error(m.tag().span(), "constant " + value.get() + " does not fit a tag (0 to 4294967295)");
                    } else {
                        tag = new TypedExpr.IntConst(value.get());
                        Decl.Message earlier = defaultByTag.get(new TagKey(direction, value.get()));
                        if (earlier != null && m.when() == null) {
                            ctx.error(m.tag().span(), "duplicate tag " + describeTag(m) + " in direction " + direction
                                    + ": message " + earlier.name().text() + " at " + CheckContext.where(m.span(), earlier.span())
                                    + " has it too (tell them apart with 'when', on a session variable)");
                        } else if (m.when() == null) {
                            defaultByTag.put(new TagKey(direction, value.get()), m);
                        }
                    }
                }
            }
            TypedExpr when = m.when() == null ? null : exprs.expectBool(m.when(), Scope.selector());
            List<Parameter> params = layouts.parameters(m.parameters());
            Scope scope = Scope.layout();
            for (Parameter p : params) {
                scope.define(p.name(), Scope.NameKind.PARAMETER, p.exprType(), p.type());
            }
            Layout layout = layouts.check(m.members(), scope, "message " + m.name().text());
            checked.add(new MessageModel(m.name().text(), m.doc(), direction, tag, when, params, layout, m.span()));
        }
        return checked;
    }

    private static String describeTag(Decl.Message m) {
        return m.tag() instanceof io.sqlxwire.idl.ast.Expr.CharLit c ? c.text() : String.valueOf(m.tag() instanceof
                io.sqlxwire.idl.ast.Expr.IntLit i ? i.text() : "value");
    }
}
