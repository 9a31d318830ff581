package io.sqlxwire.codegen.java.arbitrary;

import io.sqlxwire.idl.model.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/** Questions about a checked expression's leaves. */
final class Exprs {

    private Exprs() {}

    static List<TypedExpr> leaves(TypedExpr expr) {
        List<TypedExpr> out = new ArrayList<>();
        collect(expr, out);
        return out;
    }

    static List<TypedExpr.FieldRef> fieldRefs(TypedExpr expr) {
        return leaves(expr).stream().filter(TypedExpr.FieldRef.class::isInstance).map(TypedExpr.FieldRef.class::cast)
                .toList();
    }

    static boolean readsIndex(TypedExpr expr) {
        return leaves(expr).stream().anyMatch(TypedExpr.ElementIndex.class::isInstance);
    }

    /** Whether it reads anything but fields and constants (parameters, the session, lets, the index). */
    static boolean readsBeyondFields(TypedExpr expr) {
        return leaves(expr).stream().anyMatch(e -> e instanceof TypedExpr.ParamRef || e instanceof TypedExpr.SessionRef
                || e instanceof TypedExpr.LetRef || e instanceof TypedExpr.ElementIndex || e instanceof TypedExpr.Remaining
                || e instanceof TypedExpr.Peek || e instanceof TypedExpr.SizeOf);
    }

    private static void collect(TypedExpr expr, List<TypedExpr> out) {
        if (expr instanceof TypedExpr.Unary u) {
            collect(u.operand(), out);
        } else if (expr instanceof TypedExpr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (expr instanceof TypedExpr.Conditional c) {
            collect(c.condition(), out);
            collect(c.whenTrue(), out);
            collect(c.whenFalse(), out);
        } else if (expr instanceof TypedExpr.MinMax m) {
            m.arguments().forEach(a -> collect(a, out));
        } else if (expr instanceof TypedExpr.Index i) {
            collect(i.target(), out);
            collect(i.index(), out);
        } else if (expr instanceof TypedExpr.Member m) {
            collect(m.target(), out);
        } else if (expr instanceof TypedExpr.CountOf c) {
            collect(c.target(), out);
        } else if (expr instanceof TypedExpr.Peek p) {
            out.add(p);
            if (p.offset() != null) {
                collect(p.offset(), out);
            }
        } else if (expr instanceof TypedExpr.Join j) {
            out.addAll(j.parts());
        } else {
            out.add(expr);
        }
    }
}
