package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.values.Literals;
import io.sqlxwire.codegen.java.record.RecordComponents;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.List;

/**
 * Translates checked expressions (conditions, sizes, counts, struct arguments, union subjects)
 * into Java over the values an arbitrary has generated so far. Integral values are read as their
 * raw numbers (an enum's {@code value()}, a flag set's {@code bits()}, an absent optional as 0, as
 * the decoders read them) and computed in {@code long}.
 */
final class ExpressionCode {

    /** Thrown when an expression reads a field the encoder derives (a length or count): it has no value yet. */
    static final class DerivedReference extends RuntimeException {
        final String field;

        DerivedReference(String field) {
            super("reads the derived field " + field);
            this.field = field;
        }
    }

    private final GenerationContext context;
    private final Scope scope;

    ExpressionCode(GenerationContext context, Scope scope) {
        this.context = context;
        this.scope = scope;
    }

    /** A condition: {@code remaining > 0} counts as true, since a present field is never empty here. */
    CodeBlock condition(TypedExpr expr) {
        return code(expr);
    }

    /** An integral expression as an {@code int} (sizes, counts, indexes). */
    CodeBlock asInt(TypedExpr expr) {
        if (expr instanceof TypedExpr.IntConst c) {
            return CodeBlock.of("$L", c.value().intValue());
        }
        // toIntExact rather than a cast: no redundant-cast warning when the value is an int already,
        // and a value that does not fit fails loudly instead of wrapping.
        return CodeBlock.of("Math.toIntExact($L)", code(expr));
    }

    CodeBlock code(TypedExpr expr) {
        if (expr instanceof TypedExpr.IntConst c) {
            return CodeBlock.of("$L", Literals.integer(c.value(), true));
        }
        if (expr instanceof TypedExpr.NamedConst c) {
            return CodeBlock.of("$L", Literals.integer(c.value(), true));
        }
        if (expr instanceof TypedExpr.BoolConst b) {
            return CodeBlock.of("$L", b.value());
        }
        if (expr instanceof TypedExpr.FieldRef ref) {
            return fieldRef(ref);
        }
        if (expr instanceof TypedExpr.LetRef ref) {
            Scope.Local local = scope.local(ref.name());
            if (local == null || !(local.member() instanceof Let let) || !let.isJoin()) {
                throw new UnsupportedShapeException("reads the computed let " + ref.name());
            }
            return ref.type().kind() == ExprType.Kind.FLAGS ? CodeBlock.of("$L.bits()", local.javaName())
                    : ref.type().kind() == ExprType.Kind.ENUM ? CodeBlock.of("$L.value()", local.javaName())
                    : CodeBlock.of("$L", local.javaName());
        }
        if (expr instanceof TypedExpr.ParamRef ref) {
            return CodeBlock.of("$L", Naming.member(ref.name()));
        }
        if (expr instanceof TypedExpr.SessionRef ref) {
            if (!scope.hasSession()) {
                throw new UnsupportedShapeException("reads session." + ref.name() + " without a session");
            }
            SessionVariable variable = context.model().session().stream().filter(v -> v.name().equals(ref.name()))
                    .findFirst().orElseThrow();
            return raw(CodeBlock.of("session.$L", Naming.member(ref.name())), variable.type(), false);
        }
        if (expr instanceof TypedExpr.ElementIndex) {
            if (!scope.hasIndex()) {
                throw new UnsupportedShapeException("_index outside an array element");
            }
            return CodeBlock.of("index");
        }
        if (expr instanceof TypedExpr.CountOf count) {
            return CodeBlock.of("$L.size()", code(count.target()));
        }
        if (expr instanceof TypedExpr.Index index) {
            CodeBlock target = code(index.target());
            CodeBlock element = CodeBlock.of("$L.get($L)", target, asInt(index.index()));
            ExprType type = index.type();
            if (type.kind() == ExprType.Kind.ENUM) {
                return CodeBlock.of("$L.value()", element);
            }
            if (type.kind() == ExprType.Kind.FLAGS) {
                return CodeBlock.of("$L.bits()", element);
            }
            return element;
        }
        if (expr instanceof TypedExpr.Member member) {
            return member(code(member.target()), member.target().type(), member.member());
        }
        if (expr instanceof TypedExpr.Unary unary) {
            return CodeBlock.of("$L$L", unary.op().symbol(), parenthesised(unary.operand()));
        }
        if (expr instanceof TypedExpr.Binary binary) {
            return binary(binary);
        }
        if (expr instanceof TypedExpr.Conditional c) {
            return CodeBlock.of("($L ? $L : $L)", code(c.condition()), code(c.whenTrue()), code(c.whenFalse()));
        }
        if (expr instanceof TypedExpr.MinMax minMax) {
            List<TypedExpr> arguments = minMax.arguments();
            CodeBlock result = code(arguments.get(0));
            for (int i = 1; i < arguments.size(); i++) {
                result = CodeBlock.of("Math.$L($L, $L)", minMax.max() ? "max" : "min", result, code(arguments.get(i)));
            }
            return result;
        }
        throw new UnsupportedShapeException("an expression of kind " + expr.getClass().getSimpleName());
    }

    private CodeBlock parenthesised(TypedExpr expr) {
        CodeBlock code = code(expr);
        return expr instanceof TypedExpr.Binary ? code : CodeBlock.of("($L)", code);
    }

    private CodeBlock binary(TypedExpr.Binary binary) {
        if (binary.op() == TypedExpr.BinaryOp.GT && binary.left() instanceof TypedExpr.Remaining
                && binary.right() instanceof TypedExpr.IntConst c && c.value().signum() == 0) {
            return CodeBlock.of("true");
        }
        CodeBlock left = code(binary.left());
        CodeBlock right = code(binary.right());
        return switch (binary.op()) {
            case HAS -> CodeBlock.of("(($L & $L) == $L)", left, right, right);
            case SHL -> CodeBlock.of("((long) $L << $L)", left, right);
            default -> CodeBlock.of("($L $L $L)", left, binary.op().symbol(), right);
        };
    }

    private CodeBlock fieldRef(TypedExpr.FieldRef ref) {
        String head = ref.path().get(0);
        Scope.Local local = scope.local(head);
        if (local == null) {
            throw new DerivedReference(head);
        }
        Field field = (Field) local.member();
        if (ref.path().size() == 1) {
            return raw(CodeBlock.of("$L", local.javaName()), field.type(), local.optional());
        }
        if (local.optional()) {
            throw new UnsupportedShapeException("reads a member of the optional field " + head);
        }
        CodeBlock value = CodeBlock.of("$L", local.javaName());
        ExprType type = field.type() instanceof WireType.StructRef s ? ExprType.structOf(s.name()) : null;
        for (String member : ref.path().subList(1, ref.path().size())) {
            if (type == null) {
                throw new UnsupportedShapeException("reads a member of a non-struct field " + head);
            }
            value = member(value, type, member);
            type = memberType(type, member);
        }
        return value;
    }

    /** {@code target.member()} of a struct-typed value, read raw. */
    private CodeBlock member(CodeBlock target, ExprType targetType, String member) {
        Field field = structField(targetType, member);
        if (!field.isUserSupplied()) {
            throw new UnsupportedShapeException("reads the computed member " + member);
        }
        return raw(CodeBlock.of("$L.$L()", target, RecordComponents.name(member)), field.type(), field.isOptional());
    }

    private ExprType memberType(ExprType targetType, String member) {
        Field field = structField(targetType, member);
        return field.type() instanceof WireType.StructRef s ? ExprType.structOf(s.name()) : null;
    }

    private Field structField(ExprType targetType, String member) {
        if (targetType.kind() != ExprType.Kind.STRUCT) {
            throw new UnsupportedShapeException("a member of " + targetType.describe());
        }
        StructModel struct = context.model().struct(targetType.name()).orElseThrow();
        return struct.layout().field(member)
                .orElseThrow(() -> new UnsupportedShapeException("the member " + member + " is not a field"));
    }

    /** The raw value of a Java value of a wire type: numbers for integers, enums and flags. */
    private static CodeBlock raw(CodeBlock value, WireType type, boolean optional) {
        boolean boxedNumber = type instanceof WireType.LenEnc;
        if (type instanceof WireType.EnumRef) {
            return optional ? CodeBlock.of("($L == null ? 0 : $L.value())", value, value) : CodeBlock.of("$L.value()", value);
        }
        if (type instanceof WireType.FlagsRef) {
            return optional ? CodeBlock.of("($L == null ? 0 : $L.bits())", value, value) : CodeBlock.of("$L.bits()", value);
        }
        if ((optional || boxedNumber) && (type instanceof WireType.Int || type instanceof WireType.LenEnc
                || type instanceof WireType.AsciiInt)) {
            return CodeBlock.of("orZero($L)", value);
        }
        return value;
    }
}
