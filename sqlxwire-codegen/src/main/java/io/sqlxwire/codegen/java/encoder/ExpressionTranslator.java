package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates checked IDL expressions into Java for encoders. Integers become {@code long}
 * arithmetic, {@code has} a mask test, text comparisons a null-safe content comparison; session
 * variables are read from the generated {@code <Stem>Session} (enums by {@code value()}, flags by
 * {@code bits()}, lists by {@code get}/{@code size}).
 */
public final class ExpressionTranslator {

    private final ProtocolModel model;
    private final EncoderNames names;

    public ExpressionTranslator(ProtocolModel model, EncoderNames names) {
        this.model = model;
        this.names = names;
    }

    public Optional<JavaExpr> translate(TypedExpr expr, ExpressionScope scope) {
        if (expr instanceof TypedExpr.IntConst c) {
            return Optional.of(longConst(c.value()));
        }
        if (expr instanceof TypedExpr.NamedConst c) {
            return Optional.of(longConst(c.value()));
        }
        if (expr instanceof TypedExpr.BoolConst c) {
            return Optional.of(JavaExpr.of(Kind.BOOL, "$L", c.value()));
        }
        if (expr instanceof TypedExpr.TextConst c) {
            return Optional.of(JavaExpr.of(Kind.TEXT, "$S", c.value()));
        }
        if (expr instanceof TypedExpr.FieldRef f) {
            return f.path().size() == 1 ? scope.field(f.path().get(0)) : Optional.empty();
        }
        if (expr instanceof TypedExpr.LetRef l) {
            return scope.let(l.name());
        }
        if (expr instanceof TypedExpr.ParamRef p) {
            return scope.param(p.name());
        }
        if (expr instanceof TypedExpr.SessionRef s) {
            return session(s.name());
        }
        if (expr instanceof TypedExpr.ElementIndex) {
            return scope.elementIndex();
        }
        if (expr instanceof TypedExpr.SizeOf s) {
            return s.field().size() == 1 ? scope.sizeOf(s.field().get(0)) : Optional.empty();
        }
        if (expr instanceof TypedExpr.CountOf c) {
            return countOf(c.target(), scope);
        }
        if (expr instanceof TypedExpr.Index i) {
            return index(i, scope);
        }
        if (expr instanceof TypedExpr.Unary u) {
            return unary(u, scope);
        }
        if (expr instanceof TypedExpr.Binary b) {
            return binary(b, scope);
        }
        if (expr instanceof TypedExpr.Conditional c) {
            return conditional(c, scope);
        }
        if (expr instanceof TypedExpr.MinMax m) {
            return minMax(m, scope);
        }
        // remaining, peek, members of nested values, joins, null and lists: not known while encoding.
        return Optional.empty();
    }

    private static JavaExpr longConst(BigInteger value) {
        return JavaExpr.of(Kind.LONG, "$LL", value.longValue());
    }

    private Optional<JavaExpr> session(String name) {
        SessionVariable variable = model.session().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
        if (variable == null) {
            return Optional.empty();
        }
        String access = "session." + Naming.member(name);
        return sessionValue(access, variable.type());
    }

    private Optional<JavaExpr> sessionValue(String access, WireType type) {
        if (type instanceof WireType.Bool) {
            return Optional.of(JavaExpr.of(Kind.BOOL, "$L", access));
        }
        if (type instanceof WireType.EnumRef e) {
            return Optional.of(JavaExpr.of(kindOf(e.base()), "$L.value()", access));
        }
        if (type instanceof WireType.FlagsRef) {
            return Optional.of(JavaExpr.of(Kind.LONG, "$L.bits()", access));
        }
        if (type instanceof WireType.Int i) {
            return Optional.of(JavaExpr.of(kindOf(i), "$L", access));
        }
        if (type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt) {
            return Optional.of(JavaExpr.of(Kind.LONG, "$L", access));
        }
        return Optional.empty();
    }

    /** An element of a session list: numbers (raw enum values, flag bits) are kept raw in an IntList/LongList. */
    private Optional<JavaExpr> listElement(String access, WireType element) {
        if (element instanceof WireType.EnumRef e) {
            return Optional.of(JavaExpr.of(kindOf(e.base()), "$L", access));
        }
        if (element instanceof WireType.FlagsRef) {
            return Optional.of(JavaExpr.of(Kind.LONG, "$L", access));
        }
        return sessionValue(access, element);
    }

    private static Kind kindOf(WireType.Int base) {
        if (base.kind().floating()) {
            return Kind.DOUBLE;
        }
        return EncoderValueTypes.numberType(base.kind()).equals(com.palantir.javapoet.TypeName.INT) ? Kind.INT : Kind.LONG;
    }

    private Optional<JavaExpr> countOf(TypedExpr target, ExpressionScope scope) {
        if (target instanceof TypedExpr.FieldRef f && f.path().size() == 1) {
            return scope.countOf(f.path().get(0));
        }
        if (target instanceof TypedExpr.SessionRef s && sessionList(s.name()) != null) {
            return Optional.of(JavaExpr.of(Kind.INT, "session.$L.size()", Naming.member(s.name())));
        }
        return Optional.empty();
    }

    private WireType sessionList(String name) {
        return model.session().stream().filter(v -> v.name().equals(name)).findFirst()
                .map(SessionVariable::type).filter(WireType.ListOf.class::isInstance)
                .map(t -> ((WireType.ListOf) t).element()).orElse(null);
    }

    private Optional<JavaExpr> index(TypedExpr.Index index, ExpressionScope scope) {
        Optional<JavaExpr> at = translate(index.index(), scope);
        if (at.isEmpty() || !at.get().isNumber()) {
            return Optional.empty();
        }
        CodeBlock position = CodeBlock.of("(int) $L", at.get().asLong());
        if (index.target() instanceof TypedExpr.SessionRef s) {
            WireType element = sessionList(s.name());
            if (element == null) {
                return Optional.empty();
            }
            String access = "session." + Naming.member(s.name()) + ".get(" + position + ")";
            return listElement(access, element).map(e -> e.withGuardsOf(at.get()));
        }
        if (index.target() instanceof TypedExpr.FieldRef f && f.path().size() == 1) {
            Optional<JavaExpr> bitmap = scope.field(f.path().get(0)).filter(e -> e.kind() == Kind.BITMAP);
            return bitmap.map(b -> new JavaExpr(CodeBlock.of("$L.get($L)", b.code(), position), Kind.BOOL, List.of())
                    .withGuardsOf(b, at.get()));
        }
        return Optional.empty();
    }

    private Optional<JavaExpr> unary(TypedExpr.Unary unary, ExpressionScope scope) {
        return translate(unary.operand(), scope).map(operand -> switch (unary.op()) {
            case NOT -> new JavaExpr(CodeBlock.of("!($L)", operand.code()), Kind.BOOL, operand.guards());
            case NEGATE -> new JavaExpr(CodeBlock.of("-($L)", operand.asLong()), Kind.LONG, operand.guards());
            case COMPLEMENT -> new JavaExpr(CodeBlock.of("~($L)", operand.asLong()), Kind.LONG, operand.guards());
        });
    }

    private Optional<JavaExpr> binary(TypedExpr.Binary binary, ExpressionScope scope) {
        Optional<JavaExpr> left = translate(binary.left(), scope);
        Optional<JavaExpr> right = translate(binary.right(), scope);
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        JavaExpr l = left.get();
        JavaExpr r = right.get();
        CodeBlock code;
        Kind kind;
        switch (binary.op()) {
            case AND_ALSO, OR_ELSE -> {
                if (l.kind() != Kind.BOOL || r.kind() != Kind.BOOL) {
                    return Optional.empty();
                }
                code = CodeBlock.of("($L $L $L)", l.code(), binary.op().symbol(), r.code());
                kind = Kind.BOOL;
            }
            case EQ, NE -> {
                if (l.kind() == Kind.TEXT || r.kind() == Kind.TEXT) {
                    if (l.kind() != Kind.TEXT || r.kind() != Kind.TEXT) {
                        return Optional.empty();
                    }
                    code = CodeBlock.of("$L$T.textEquals($L, $L)", binary.op() == TypedExpr.BinaryOp.NE ? "!" : "",
                            names.support(), l.code(), r.code());
                } else if (l.kind() == Kind.BOOL || r.kind() == Kind.BOOL) {
                    code = CodeBlock.of("($L $L $L)", l.code(), binary.op().symbol(), r.code());
                } else if (!l.isNumber() || !r.isNumber()) {
                    return Optional.empty();
                } else {
                    code = CodeBlock.of("($L $L $L)", l.asLong(), binary.op().symbol(), r.asLong());
                }
                kind = Kind.BOOL;
            }
            case HAS -> {
                if (!l.isNumber() || !r.isNumber()) {
                    return Optional.empty();
                }
                code = CodeBlock.of("(($L & $L) == $L)", l.asLong(), r.asLong(), r.asLong());
                kind = Kind.BOOL;
            }
            case LT, LE, GT, GE -> {
                if (!l.isNumber() || !r.isNumber()) {
                    return Optional.empty();
                }
                code = CodeBlock.of("($L $L $L)", l.asLong(), binary.op().symbol(), r.asLong());
                kind = Kind.BOOL;
            }
            default -> {
                if (!l.isNumber() || !r.isNumber()) {
                    return Optional.empty();
                }
                code = CodeBlock.of("($L $L $L)", l.asLong(), binary.op().symbol(), r.asLong());
                kind = Kind.LONG;
            }
        }
        return Optional.of(new JavaExpr(code, kind, List.of()).withGuardsOf(l, r));
    }

    private Optional<JavaExpr> conditional(TypedExpr.Conditional c, ExpressionScope scope) {
        Optional<JavaExpr> cond = translate(c.condition(), scope);
        Optional<JavaExpr> yes = translate(c.whenTrue(), scope);
        Optional<JavaExpr> no = translate(c.whenFalse(), scope);
        if (cond.isEmpty() || yes.isEmpty() || no.isEmpty()) {
            return Optional.empty();
        }
        boolean numbers = yes.get().isNumber() && no.get().isNumber();
        if (!numbers && yes.get().kind() != no.get().kind()) {
            return Optional.empty();
        }
        CodeBlock code = numbers
                ? CodeBlock.of("($L ? $L : $L)", cond.get().code(), yes.get().asLong(), no.get().asLong())
                : CodeBlock.of("($L ? $L : $L)", cond.get().code(), yes.get().code(), no.get().code());
        return Optional.of(new JavaExpr(code, numbers ? Kind.LONG : yes.get().kind(), List.of())
                .withGuardsOf(cond.get(), yes.get(), no.get()));
    }

    private Optional<JavaExpr> minMax(TypedExpr.MinMax m, ExpressionScope scope) {
        List<JavaExpr> args = new ArrayList<>();
        for (TypedExpr argument : m.arguments()) {
            Optional<JavaExpr> a = translate(argument, scope);
            if (a.isEmpty() || !a.get().isNumber()) {
                return Optional.empty();
            }
            args.add(a.get());
        }
        CodeBlock code = args.get(0).asLong();
        for (int i = 1; i < args.size(); i++) {
            code = CodeBlock.of("Math.$L($L, $L)", m.max() ? "max" : "min", code, args.get(i).asLong());
        }
        JavaExpr result = new JavaExpr(code, Kind.LONG, List.of());
        return Optional.of(result.withGuardsOf(args.toArray(JavaExpr[]::new)));
    }

    /** Whether the expression reads the session anywhere (so the encoder must be given one). */
    public static boolean readsSession(TypedExpr expr) {
        if (expr == null) {
            return false;
        }
        if (expr instanceof TypedExpr.SessionRef) {
            return true;
        }
        for (TypedExpr child : children(expr)) {
            if (readsSession(child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the expression reads the named member of its own layout (directly, first path step). */
    public static boolean readsField(TypedExpr expr, String name) {
        if (expr == null) {
            return false;
        }
        if (expr instanceof TypedExpr.FieldRef f && f.path().get(0).equals(name)) {
            return true;
        }
        if (expr instanceof TypedExpr.Join j) {
            return j.parts().stream().anyMatch(p -> p.path().get(0).equals(name));
        }
        for (TypedExpr child : children(expr)) {
            if (readsField(child, name)) {
                return true;
            }
        }
        return false;
    }

    static List<TypedExpr> children(TypedExpr expr) {
        if (expr instanceof TypedExpr.Unary u) {
            return List.of(u.operand());
        }
        if (expr instanceof TypedExpr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (expr instanceof TypedExpr.Conditional c) {
            return List.of(c.condition(), c.whenTrue(), c.whenFalse());
        }
        if (expr instanceof TypedExpr.MinMax m) {
            return m.arguments();
        }
        if (expr instanceof TypedExpr.Index i) {
            return List.of(i.target(), i.index());
        }
        if (expr instanceof TypedExpr.Member m) {
            return List.of(m.target());
        }
        if (expr instanceof TypedExpr.CountOf c) {
            return List.of(c.target());
        }
        if (expr instanceof TypedExpr.Peek p) {
            return p.offset() == null ? List.of() : List.of(p.offset());
        }
        return List.of();
    }

    /** The {@link ExprType} kinds that are text, for callers deciding how to keep a value. */
    public static boolean isText(ExprType type) {
        return type.kind() == ExprType.Kind.TEXT;
    }
}
