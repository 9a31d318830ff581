package io.sqlxwire.codegen.java.session;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes a checked expression as a Java expression. Integral values (integers, enums, flags) come
 * out as {@code int} or {@code long} numbers, sums, differences, products and left shifts widened to
 * {@code long} so they cannot overflow; conditions come out as {@code boolean}. What a name means
 * depends on where the expression is evaluated (a framing header, a frame body before selection, a
 * decoded message), so the caller supplies {@link Names}; session variables are read from a
 * session object.
 */
public final class ExprWriter {

    /** Where the names of an expression come from at the place it is evaluated. */
    public interface Names {

        default JExpr field(List<String> path, ExprType type) {
            throw unsupported("field " + String.join(".", path));
        }

        default JExpr let(String name, ExprType type) {
            throw unsupported("let " + name);
        }

        default JExpr param(String name, ExprType type) {
            throw unsupported("parameter " + name);
        }

        default JExpr remaining() {
            throw unsupported("remaining");
        }

        /** {@code peek(type, offset)}: {@code offset} is an int Java expression, {@code 0} when none was given. */
        default JExpr peek(WireType.Int read, CodeBlock offset) {
            throw unsupported("peek");
        }

        /** The expression that holds the session object. */
        default CodeBlock session() {
            return CodeBlock.of("session");
        }
    }

    private final GenerationContext context;
    private final Names names;

    public ExprWriter(GenerationContext context, Names names) {
        this.context = context;
        this.names = names;
    }

    public static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " cannot be used here");
    }

    /** The expression as a Java {@code boolean} condition. */
    public CodeBlock condition(TypedExpr e) {
        return write(e).code();
    }

    public JExpr write(TypedExpr e) {
        if (e instanceof TypedExpr.IntConst c) {
            return literal(c.value());
        } else if (e instanceof TypedExpr.BoolConst b) {
            return JExpr.of(TypeName.BOOLEAN, "$L", b.value());
        } else if (e instanceof TypedExpr.NamedConst n) {
            return namedConstant(n);
        } else if (e instanceof TypedExpr.FieldRef f) {
            return names.field(f.path(), f.type());
        } else if (e instanceof TypedExpr.LetRef l) {
            return names.let(l.name(), l.type());
        } else if (e instanceof TypedExpr.ParamRef p) {
            return names.param(p.name(), p.type());
        } else if (e instanceof TypedExpr.SessionRef s) {
            return sessionValue(s.name());
        } else if (e instanceof TypedExpr.Remaining) {
            return names.remaining();
        } else if (e instanceof TypedExpr.Peek p) {
            return names.peek(p.read(), p.offset() == null ? CodeBlock.of("0") : write(p.offset()).asInt());
        } else if (e instanceof TypedExpr.CountOf c && c.target() instanceof TypedExpr.SessionRef s) {
            return JExpr.of(TypeName.INT, "$L.$L.size()", names.session(), Naming.member(s.name()));
        } else if (e instanceof TypedExpr.Index i && i.target() instanceof TypedExpr.SessionRef s) {
            return listElement(s.name(), write(i.index()));
        } else if (e instanceof TypedExpr.Unary u) {
            JExpr operand = write(u.operand());
            return JExpr.of(operand.type(), "($L$L)", u.op().symbol(), operand.code());
        } else if (e instanceof TypedExpr.Binary b) {
            return binary(b);
        } else if (e instanceof TypedExpr.Conditional c) {
            JExpr yes = write(c.whenTrue());
            JExpr no = write(c.whenFalse());
            TypeName type = common(yes, no);
            return JExpr.of(type, "($L ? $L : $L)", condition(c.condition()), yes.code(), no.code());
        } else if (e instanceof TypedExpr.MinMax m) {
            JExpr result = write(m.arguments().get(0));
            for (int i = 1; i < m.arguments().size(); i++) {
                JExpr next = write(m.arguments().get(i));
                TypeName type = common(result, next);
                result = JExpr.of(type, "Math.$L($L, $L)", m.max() ? "max" : "min", result.code(), next.code());
            }
            return result;
        }
        throw unsupported("expression " + e.getClass().getSimpleName());
    }

    private static TypeName common(JExpr a, JExpr b) {
        if (a.type().equals(TypeName.BOOLEAN)) {
            return TypeName.BOOLEAN;
        }
        if (a.type().equals(TypeName.DOUBLE) || b.type().equals(TypeName.DOUBLE)) {
            return TypeName.DOUBLE;
        }
        if (a.type().equals(TypeName.FLOAT) || b.type().equals(TypeName.FLOAT)) {
            return TypeName.FLOAT;
        }
        return a.isLong() || b.isLong() ? TypeName.LONG : TypeName.INT;
    }

    public static JExpr literal(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.signum() < 0 ? JExpr.of(TypeName.INT, "($L)", value) : JExpr.of(TypeName.INT, "$L", value);
        }
        if (value.bitLength() < 64) {
            return value.signum() < 0 ? JExpr.of(TypeName.LONG, "($LL)", value) : JExpr.of(TypeName.LONG, "$LL", value);
        }
        // An unsigned 64-bit constant: its two's complement bits.
        return JExpr.of(TypeName.LONG, "0x$LL", value.toString(16));
    }

    /** Enum constants by their generated name; flag masks are the flags class's static constants. */
    private JExpr namedConstant(TypedExpr.NamedConst n) {
        SessionTypes types = new SessionTypes(context);
        TypeName raw = types.rawType(n.owner());
        if (n.type().kind() == ExprType.Kind.FLAGS) {
            return JExpr.of(types.flagMaskType(n.owner()), "$T.$L", types.valueClass(n.owner()), Naming.constant(n.constant()));
        }
        return JExpr.of(raw, "$T.$L.value()", types.valueClass(n.owner()), Naming.constant(n.constant()));
    }

    private JExpr sessionValue(String name) {
        SessionVariable variable = variable(name);
        SessionTypes types = new SessionTypes(context);
        CodeBlock read = CodeBlock.of("$L.$L", names.session(), Naming.member(name));
        return rawValue(read, variable.type(), types);
    }

    private static JExpr rawValue(CodeBlock read, WireType type, SessionTypes types) {
        if (type instanceof WireType.EnumRef en) {
            return JExpr.of(types.rawType(en.name()), "$L.value()", read);
        } else if (type instanceof WireType.FlagsRef f) {
            return JExpr.of(types.rawType(f.name()), "$L.bits()", read);
        }
        TypeName javaType = types.javaType(type);
        return new JExpr(read, javaType.isBoxedPrimitive() ? javaType.unbox() : javaType);
    }

    private JExpr listElement(String name, JExpr index) {
        SessionVariable variable = variable(name);
        WireType element = ((WireType.ListOf) variable.type()).element();
        CodeBlock read = CodeBlock.of("$L.$L.get($L)", names.session(), Naming.member(name), index.asInt());
        SessionTypes types = new SessionTypes(context);
        TypeName raw = types.listElementRaw(element);
        // A primitive list holds the raw numbers already (enum values, flag bits).
        return raw != null ? new JExpr(read, raw) : rawValue(read, element, types);
    }

    private SessionVariable variable(String name) {
        return context.model().session().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session variable " + name));
    }

    private JExpr binary(TypedExpr.Binary b) {
        JExpr left = write(b.left());
        JExpr right = write(b.right());
        String op = b.op().symbol();
        switch (b.op()) {
            case ADD, SUB, MUL, SHL:
                TypeName type = common(left, right);
                if (type.equals(TypeName.INT)) {
                    return JExpr.of(TypeName.LONG, "((long) $L $L $L)", left.code(), op, right.code());
                }
                return JExpr.of(type, "($L $L $L)", left.code(), op, right.code());
            case DIV, MOD, AND, OR, XOR:
                return JExpr.of(common(left, right), "($L $L $L)", left.code(), op, right.code());
            case SHR:
                return JExpr.of(left.type(), "($L >> $L)", left.code(), right.code());
            case HAS:
                return JExpr.of(TypeName.BOOLEAN, "(($L & $L) == $L)", left.code(), right.code(), right.code());
            case EQ, NE:
                if (isByteLike(b.left().type()) || isByteLike(b.right().type())) {
                    throw unsupported("comparing text or bytes");
                }
                return JExpr.of(TypeName.BOOLEAN, "($L $L $L)", left.code(), op, right.code());
            default:
                return JExpr.of(TypeName.BOOLEAN, "($L $L $L)", left.code(), op, right.code());
        }
    }

    private static boolean isByteLike(ExprType type) {
        return type.kind() == ExprType.Kind.TEXT || type.kind() == ExprType.Kind.BYTES;
    }
}
