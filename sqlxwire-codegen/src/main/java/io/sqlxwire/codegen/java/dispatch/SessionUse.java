package io.sqlxwire.codegen.java.dispatch;

import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether reading a layout reads a session variable, directly or through the structs it contains:
 * the decoders of such messages take the session in {@code wrap} (CODEGEN.md).
 */
public final class SessionUse {

    private final ProtocolModel model;
    private final Map<String, Boolean> structs = new HashMap<>();

    public SessionUse(ProtocolModel model) {
        this.model = model;
    }

    public boolean reads(Layout layout) {
        return reads(layout, new HashSet<>());
    }

    private boolean reads(Layout layout, Set<String> visiting) {
        for (Member member : layout.members()) {
            if (member instanceof Let let && reads(let.value())) {
                return true;
            }
            if (member instanceof Field field) {
                if (reads(field.condition()) || reads(field.regionSize()) || reads(field.position())
                        || field.value() instanceof FieldValue.Constant c && reads(c.value())
                        || reads(field.type(), visiting)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean reads(WireType type, Set<String> visiting) {
        if (type instanceof WireType.Bytes b) {
            return reads(b.extent(), visiting);
        } else if (type instanceof WireType.Text t) {
            return reads(t.extent(), visiting);
        } else if (type instanceof WireType.Padding p) {
            return reads(p.extent(), visiting);
        } else if (type instanceof WireType.Bitmap b) {
            return reads(b.bits());
        } else if (type instanceof WireType.Array a) {
            return reads(a.count(), visiting) || reads(a.element(), visiting);
        } else if (type instanceof WireType.Union u) {
            if (reads(u.subject())) {
                return true;
            }
            for (UnionArm arm : u.allArms()) {
                if (reads(arm.guard()) || reads(arm.type(), visiting)) {
                    return true;
                }
            }
            return false;
        } else if (type instanceof WireType.StructRef s) {
            for (TypedExpr argument : s.arguments()) {
                if (reads(argument)) {
                    return true;
                }
            }
            Boolean known = structs.get(s.name());
            if (known != null) {
                return known;
            }
            if (!visiting.add(s.name())) {
                return false;
            }
            boolean result = model.struct(s.name()).map(st -> reads(st.layout(), visiting)).orElse(false);
            visiting.remove(s.name());
            structs.put(s.name(), result);
            return result;
        }
        return false;
    }

    private boolean reads(Extent extent, Set<String> visiting) {
        if (extent instanceof Extent.Computed c) {
            return reads(c.value());
        } else if (extent instanceof Extent.Prefixed p) {
            return reads(p.lengthType(), visiting);
        }
        return false;
    }

    /** Whether an expression mentions a session variable. */
    public static boolean reads(TypedExpr e) {
        if (e == null) {
            return false;
        }
        if (e instanceof TypedExpr.SessionRef) {
            return true;
        } else if (e instanceof TypedExpr.Unary u) {
            return reads(u.operand());
        } else if (e instanceof TypedExpr.Binary b) {
            return reads(b.left()) || reads(b.right());
        } else if (e instanceof TypedExpr.Conditional c) {
            return reads(c.condition()) || reads(c.whenTrue()) || reads(c.whenFalse());
        } else if (e instanceof TypedExpr.MinMax m) {
            return m.arguments().stream().anyMatch(SessionUse::reads);
        } else if (e instanceof TypedExpr.Index i) {
            return reads(i.target()) || reads(i.index());
        } else if (e instanceof TypedExpr.Member m) {
            return reads(m.target());
        } else if (e instanceof TypedExpr.CountOf c) {
            return reads(c.target());
        } else if (e instanceof TypedExpr.Peek p) {
            return reads(p.offset());
        }
        return false;
    }
}
