package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;

/** Checks the session block: variable types and constant initial values. */
final class SessionChecker {

    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final TypeResolver types;

    SessionChecker(CheckContext ctx, ExprChecker exprs, TypeResolver types) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.types = types;
    }

    List<SessionVariable> check(List<Decl.Session> blocks) {
        if (blocks.size() > 1) {
            ctx.error(blocks.get(1).span(), "a protocol has one session block; merge this one into the block at "
                    + CheckContext.where(blocks.get(1).span(), blocks.get(0).span()));
        }
        List<SessionVariable> variables = new ArrayList<>();
        for (Decl.SessionVar v : ctx.symbols.sessionVariables.values()) {
            WireType type = types.resolve(v.type(), Scope.constants(), TypeResolver.Use.SESSION, v.name().text());
            if (type == null) {
                continue;
            }
            ExprType exprType = ExprTypes.of(type);
            ctx.sessionTypes.put(v.name().text(), exprType);
            TypedExpr initial = null;
            if (v.initial() != null) {
                initial = Constants.fold(exprs.check(v.initial(), Scope.constants(), exprType));
                if (!Constants.isConstant(initial) && initial.type().kind() != ExprType.Kind.ERROR) {
                    ctx.error(v.initial().span(), "the initial value of session variable '" + v.name().text() + "' must be a constant");
                } else if (type instanceof WireType.ListOf) {
                    ctx.error(v.initial().span(), "a session list starts empty and takes no initial value");
                } else if (initial.type().kind() != ExprType.Kind.ERROR) {
                    ConstantFit.check(initial, type, v.initial().span(), ctx);
                }
            }
            variables.add(new SessionVariable(v.name().text(), v.doc(), type, exprType, initial));
        }
        return variables;
    }
}
