package io.sqlxwire.codegen.java.decoder;

import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Visits every expression of a layout (and of the types of its fields), sub-expressions included. */
public final class LayoutWalker {

    private LayoutWalker() {}

    public static void forEachExpression(Layout layout, Consumer<TypedExpr> visitor) {
        for (Member member : layout.members()) {
            if (member instanceof Field field) {
                visit(field.condition(), visitor);
                visit(field.regionSize(), visitor);
                visit(field.position(), visitor);
                if (field.value() instanceof FieldValue.Constant c) {
                    visit(c.value(), visitor);
                }
                visitType(field.type(), visitor);
            } else {
                visit(((Let) member).value(), visitor);
            }
        }
    }

    /** The names of the structs a layout refers to directly (fields, array elements, union arms). */
    public static Set<String> structsUsed(Layout layout) {
        Set<String> names = new TreeSet<>();
        for (Field field : layout.fields()) {
            collectStructs(field.type(), names);
        }
        return names;
    }

    private static void collectStructs(WireType type, Set<String> names) {
        if (type instanceof WireType.StructRef s) {
            names.add(s.name());
        } else if (type instanceof WireType.Array a) {
            collectStructs(a.element(), names);
        } else if (type instanceof WireType.Union u) {
            for (UnionArm arm : u.allArms()) {
                collectStructs(arm.type(), names);
            }
        }
    }

    private static void visitType(WireType type, Consumer<TypedExpr> visitor) {
        if (type instanceof WireType.Bytes || type instanceof WireType.Text || type instanceof WireType.Padding) {
            visitExtent(io.sqlxwire.codegen.java.values.JavaValueTypes.extentOf(type), visitor);
        } else if (type instanceof WireType.Bitmap b) {
            visit(b.bits(), visitor);
        } else if (type instanceof WireType.StructRef s) {
            s.arguments().forEach(a -> visit(a, visitor));
        } else if (type instanceof WireType.Array a) {
            visitExtent(a.count(), visitor);
            visitType(a.element(), visitor);
        } else if (type instanceof WireType.Union u) {
            visit(u.subject(), visitor);
            for (UnionArm arm : u.allArms()) {
                visit(arm.guard(), visitor);
                visitType(arm.type(), visitor);
            }
        }
    }

    private static void visitExtent(Extent extent, Consumer<TypedExpr> visitor) {
        if (extent instanceof Extent.Computed c) {
            visit(c.value(), visitor);
        }
    }

    public static void visit(TypedExpr expr, Consumer<TypedExpr> visitor) {
        if (expr == null) {
            return;
        }
        visitor.accept(expr);
        if (expr instanceof TypedExpr.Peek p) {
            visit(p.offset(), visitor);
        } else if (expr instanceof TypedExpr.CountOf c) {
            visit(c.target(), visitor);
        } else if (expr instanceof TypedExpr.Index i) {
            visit(i.target(), visitor);
            visit(i.index(), visitor);
        } else if (expr instanceof TypedExpr.Member m) {
            visit(m.target(), visitor);
        } else if (expr instanceof TypedExpr.Unary u) {
            visit(u.operand(), visitor);
        } else if (expr instanceof TypedExpr.Binary b) {
            visit(b.left(), visitor);
            visit(b.right(), visitor);
        } else if (expr instanceof TypedExpr.Conditional c) {
            visit(c.condition(), visitor);
            visit(c.whenTrue(), visitor);
            visit(c.whenFalse(), visitor);
        } else if (expr instanceof TypedExpr.MinMax m) {
            m.arguments().forEach(a -> visit(a, visitor));
        } else if (expr instanceof TypedExpr.Join j) {
            j.parts().forEach(p -> visit(p, visitor));
        }
    }
}
