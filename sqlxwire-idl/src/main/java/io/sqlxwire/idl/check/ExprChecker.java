package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the names in an expression and types it. A bare constant name ({@code MD5_PASSWORD}) is
 * looked up in the enum or flags type the context expects, so descriptions read like the
 * documentation instead of repeating type names everywhere.
 */
final class ExprChecker {

    static final String REMAINING = "remaining";
    static final String INDEX = "_index";
    static final String SESSION = "session";

    private final CheckContext ctx;

    ExprChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    /** Types {@code expr}; {@code expected} (may be {@code null}) resolves bare enum constants. */
    TypedExpr check(Expr expr, Scope scope, ExprType expected) {
        if (expr instanceof Expr.IntLit i) {
            return new TypedExpr.IntConst(i.value());
        } else if (expr instanceof Expr.CharLit c) {
            return TypedExpr.IntConst.of(c.value());
        } else if (expr instanceof Expr.StringLit s) {
            return new TypedExpr.TextConst(s.value());
        } else if (expr instanceof Expr.BytesLit b) {
            if (b.hex().length() % 2 != 0) {
                return error(); // reported by the parser
            }
            return new TypedExpr.BytesConst(ByteString.ofHex(b.hex()));
        } else if (expr instanceof Expr.BoolLit b) {
            return new TypedExpr.BoolConst(b.value());
        } else if (expr instanceof Expr.NullLit) {
            return new TypedExpr.NullConst();
        } else if (expr instanceof Expr.EmptyList) {
            return new TypedExpr.EmptyList();
        } else if (expr instanceof Expr.NameRef n) {
            return name(n, scope, expected);
        } else if (expr instanceof Expr.Member m) {
            return member(m, scope);
        } else if (expr instanceof Expr.Index i) {
            return index(i, scope);
        } else if (expr instanceof Expr.Unary u) {
            return unary(u, scope, expected);
        } else if (expr instanceof Expr.Binary b) {
            return binary(b, scope, expected);
        } else if (expr instanceof Expr.Conditional c) {
            TypedExpr condition = expectBool(c.condition(), scope);
            TypedExpr whenTrue = check(c.whenTrue(), scope, expected);
            TypedExpr whenFalse = check(c.whenFalse(), scope, expected != null ? expected : whenTrue.type());
            ExprType type = whenTrue.type().kind() == ExprType.Kind.NULL ? whenFalse.type() : whenTrue.type();
            if (!ExprTypes.assignable(type, whenFalse.type())) {
                mismatch(c.whenFalse().span(), "the branches of '?:' have different types: "
                        + whenTrue.type().describe() + " and " + whenFalse.type().describe());
            }
            return new TypedExpr.Conditional(condition, whenTrue, whenFalse, type);
        } else if (expr instanceof Expr.Call call) {
            return call(call, scope);
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    /** Types {@code expr} and reports a mismatch unless it is an integer (or enum/flags) value. */
    TypedExpr expectInt(Expr expr, Scope scope, String what) {
        TypedExpr typed = check(expr, scope, null);
        if (!typed.type().isIntegral()) {
            mismatch(expr.span(), what + " must be an integer, but " + describe(expr) + " is " + typed.type().describe());
        }
        return typed;
    }

    TypedExpr expectBool(Expr expr, Scope scope) {
        TypedExpr typed = check(expr, scope, ExprType.BOOL);
        if (typed.type().kind() != ExprType.Kind.BOOL && typed.type().kind() != ExprType.Kind.ERROR) {
            mismatch(expr.span(), "a condition must be true or false, but " + describe(expr) + " is "
                    + typed.type().describe() + (typed.type().isIntegral() ? " (compare it, e.g. '!= 0')" : ""));
        }
        return typed;
    }

    /** A constant integer, or empty after reporting why it is not one. */
    Optional<BigInteger> constantInt(Expr expr, Scope scope, ExprType expected, String what) {
        TypedExpr typed = check(expr, scope, expected);
        if (typed.type().kind() == ExprType.Kind.ERROR) {
            return Optional.empty();
        }
        Optional<BigInteger> value = Constants.integer(typed);
        if (value.isEmpty()) {
            ctx.error(expr.span(), what + " must be a constant integer, but " + describe(expr) + " is not");
        }
        return value;
    }

    private void mismatch(SourceSpan span, String detail) {
        ctx.error(span, "type mismatch: " + detail);
    }

    static String describe(Expr expr) {
        if (expr instanceof Expr.NameRef n) {
            return "'" + n.name().text() + "'";
        }
        if (expr instanceof Expr.Member m) {
            return "'" + m.member().text() + "'";
        }
        return "this expression";
    }

    // ------------------------------------------------------------------ names

    private TypedExpr name(Expr.NameRef ref, Scope scope, ExprType expected) {
        String name = ref.name().text();
        Scope.Entry entry = scope.lookup(name);
        if (entry != null) {
            return switch (entry.kind()) {
                case FIELD -> new TypedExpr.FieldRef(List.of(name), entry.type());
                case LET -> new TypedExpr.LetRef(name, entry.type());
                case PARAMETER -> new TypedExpr.ParamRef(name, entry.type());
            };
        }
        SourceSpan later = scope.declaredLater(name);
        if (later != null) {
            ctx.error(ref.span(), "field '" + name + "' is used before it is read (it is declared at "
                    + CheckContext.where(ref.span(), later) + ")");
            return error();
        }
        if (name.equals(REMAINING) && scope.regionVisible()) {
            return new TypedExpr.Remaining();
        }
        if (name.equals(INDEX)) {
            if (scope.indexVisible()) {
                return new TypedExpr.ElementIndex();
            }
            ctx.error(ref.span(), "'_index' names the array element being read and is only available in the "
                    + "arguments of an array's element type");
            return error();
        }
        if (expected != null && (expected.kind() == ExprType.Kind.ENUM || expected.kind() == ExprType.Kind.FLAGS)) {
            EnumModel owner = ctx.enums.get(expected.name());
            if (owner != null) {
                Optional<EnumModel.Constant> constant = constant(owner, name);
                if (constant.isPresent()) {
                    return new TypedExpr.NamedConst(owner.name(), name, constant.get().value(), expected);
                }
            }
        }
        if (name.equals(SESSION) && scope.sessionVisible()) {
            ctx.error(ref.span(), "'session' needs a variable name: session.NAME");
            return error();
        }
        Set<String> candidates = new LinkedHashSet<>(scope.visibleNames());
        if (expected != null && expected.name() != null && ctx.enums.containsKey(expected.name())) {
            ctx.enums.get(expected.name()).constants().forEach(c -> candidates.add(c.name()));
        }
        Optional<String> ownerOfConstant = enumDeclaring(name);
        String hint = ownerOfConstant.isPresent() && candidates.stream().noneMatch(name::equals)
                ? "; it is a constant of " + ownerOfConstant.get() + ": write " + ownerOfConstant.get() + "." + name
                : Suggestions.hint(name, candidates);
        ctx.error(ref.span(), "unknown name '" + name + "'" + hint);
        return error();
    }

    private Optional<String> enumDeclaring(String constantName) {
        return ctx.enums.values().stream().filter(e -> constant(e, constantName).isPresent()).map(EnumModel::name).findFirst();
    }

    private static Optional<EnumModel.Constant> constant(EnumModel owner, String name) {
        return owner.constants().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private TypedExpr member(Expr.Member m, Scope scope) {
        String member = m.member().text();
        if (m.target() instanceof Expr.NameRef ref && scope.lookup(ref.name().text()) == null) {
            String target = ref.name().text();
            if (target.equals(SESSION)) {
                return sessionVariable(m, scope);
            }
            EnumModel owner = ctx.enums.get(target);
            if (owner != null) {
                Optional<EnumModel.Constant> constant = constant(owner, member);
                if (constant.isEmpty()) {
                    ctx.error(m.member().span(), (owner.flags() ? "flags " : "enum ") + target + " has no constant '"
                            + member + "'" + Suggestions.hint(member, owner.constants().stream().map(EnumModel.Constant::name).toList()));
                    return error();
                }
                ExprType type = owner.flags() ? ExprType.flagsOf(target) : ExprType.enumOf(target);
                return new TypedExpr.NamedConst(target, member, constant.get().value(), type);
            }
        }
        TypedExpr target = check(m.target(), scope, null);
        if (target.type().kind() == ExprType.Kind.ERROR) {
            return error();
        }
        if (target.type().kind() != ExprType.Kind.STRUCT) {
            mismatch(m.span(), "only struct values have fields, but " + describe(m.target()) + " is " + target.type().describe());
            return error();
        }
        Optional<StructModel> struct = ctx.struct(target.type().name());
        if (struct.isEmpty()) {
            return error(); // recursive use inside its own definition; reported elsewhere if wrong
        }
        Optional<Member> field = struct.get().layout().member(member);
        if (field.isEmpty()) {
            ctx.error(m.member().span(), "struct " + struct.get().name() + " has no field '" + member + "'"
                    + Suggestions.hint(member, struct.get().layout().members().stream().map(Member::name).toList()));
            return error();
        }
        ExprType type = field.get() instanceof Field f ? ExprTypes.of(f.type()) : ((io.sqlxwire.idl.model.Let) field.get()).type();
        if (target instanceof TypedExpr.FieldRef ref) {
            List<String> path = new ArrayList<>(ref.path());
            path.add(member);
            return new TypedExpr.FieldRef(path, type);
        }
        return new TypedExpr.Member(target, member, type);
    }

    private TypedExpr sessionVariable(Expr.Member m, Scope scope) {
        String name = m.member().text();
        if (!scope.sessionVisible()) {
            ctx.error(m.span(), "session variables cannot be used here: the value must be known without a connection");
            return error();
        }
        ExprType type = ctx.sessionTypes.get(name);
        if (type == null) {
            ctx.error(m.member().span(), "unknown session variable '" + name + "'"
                    + Suggestions.hint(name, ctx.sessionTypes.keySet())
                    + (ctx.sessionTypes.isEmpty() ? " (the file declares no session block)" : ""));
            return error();
        }
        return new TypedExpr.SessionRef(name, type);
    }

    private TypedExpr index(Expr.Index i, Scope scope) {
        TypedExpr target = check(i.target(), scope, null);
        TypedExpr index = expectInt(i.index(), scope, "an index");
        ExprType type;
        if (target.type().kind() == ExprType.Kind.LIST) {
            type = target.type().element();
        } else if (target.type().kind() == ExprType.Kind.BITMAP) {
            type = ExprType.BOOL;
        } else {
            if (target.type().kind() != ExprType.Kind.ERROR) {
                mismatch(i.target().span(), "only arrays, lists and bitmaps can be indexed, but " + describe(i.target())
                        + " is " + target.type().describe());
            }
            return error();
        }
        return new TypedExpr.Index(target, index, type);
    }

    // ------------------------------------------------------------------ operators

    private TypedExpr unary(Expr.Unary u, Scope scope, ExprType expected) {
        if (u.op().equals("!")) {
            return new TypedExpr.Unary(TypedExpr.UnaryOp.NOT, expectBool(u.operand(), scope), ExprType.BOOL);
        }
        TypedExpr operand = check(u.operand(), scope, expected);
        if (!operand.type().isNumeric()) {
            mismatch(u.operand().span(), "'" + u.op() + "' needs a number, but " + describe(u.operand()) + " is "
                    + operand.type().describe());
            return error();
        }
        TypedExpr.UnaryOp op = u.op().equals("-") ? TypedExpr.UnaryOp.NEGATE : TypedExpr.UnaryOp.COMPLEMENT;
        return new TypedExpr.Unary(op, operand, operand.type().kind() == ExprType.Kind.FLOAT ? ExprType.FLOAT : ExprType.INT);
    }

    private TypedExpr binary(Expr.Binary b, Scope scope, ExprType expected) {
        TypedExpr typed = binaryOperation(b, scope, expected);
        // An operand already reported makes the whole expression unknown, so nothing asks again
        // whether it is a constant or what its type is.
        if (typed instanceof TypedExpr.Binary result && (result.left().type().kind() == ExprType.Kind.ERROR
                || result.right().type().kind() == ExprType.Kind.ERROR)) {
            return error();
        }
        return typed;
    }

    private TypedExpr binaryOperation(Expr.Binary b, Scope scope, ExprType expected) {
        TypedExpr.BinaryOp op = TypedExpr.BinaryOp.bySymbol(b.op());
        switch (op) {
            case AND_ALSO, OR_ELSE -> {
                return new TypedExpr.Binary(op, expectBool(b.left(), scope), expectBool(b.right(), scope), ExprType.BOOL);
            }
            case EQ, NE -> {
                TypedExpr[] sides = operands(b, scope);
                TypedExpr left = sides[0];
                TypedExpr right = sides[1];
                if (left.type().kind() == ExprType.Kind.NULL) {
                    left = check(b.left(), scope, right.type());
                }
                if (!ExprTypes.assignable(left.type(), right.type()) && !ExprTypes.assignable(right.type(), left.type())) {
                    mismatch(b.span(), "cannot compare " + left.type().describe() + " with " + right.type().describe());
                }
                return new TypedExpr.Binary(op, left, right, ExprType.BOOL);
            }
            case LT, LE, GT, GE -> {
                TypedExpr[] sides = operands(b, scope);
                for (int i = 0; i < 2; i++) {
                    if (!sides[i].type().isNumeric()) {
                        Expr side = i == 0 ? b.left() : b.right();
                        mismatch(side.span(), "'" + b.op() + "' needs numbers, but " + describe(side) + " is "
                                + sides[i].type().describe());
                        sides[i] = error();
                    }
                }
                return new TypedExpr.Binary(op, sides[0], sides[1], ExprType.BOOL);
            }
            case HAS -> {
                TypedExpr left = check(b.left(), scope, null);
                if (!left.type().isIntegral()) {
                    mismatch(b.left().span(), "'has' tests bits of a flags or integer value, but " + describe(b.left())
                            + " is " + left.type().describe());
                    return new TypedExpr.Binary(op, left, check(b.right(), scope, null), ExprType.BOOL);
                }
                TypedExpr right = check(b.right(), scope, left.type());
                if (!right.type().isIntegral()) {
                    mismatch(b.right().span(), "'has' needs a flag or bit mask on its right, but " + describe(b.right())
                            + " is " + right.type().describe());
                } else if (!ExprTypes.assignable(left.type(), right.type())) {
                    mismatch(b.right().span(), "cannot test " + left.type().describe() + " for a constant of "
                            + right.type().describe());
                }
                return new TypedExpr.Binary(op, left, right, ExprType.BOOL);
            }
            default -> {
                TypedExpr left = numeric(b.left(), scope, expected, b.op());
                TypedExpr right = numeric(b.right(), scope, left.type(), b.op());
                if ((op == TypedExpr.BinaryOp.DIV || op == TypedExpr.BinaryOp.MOD)
                        && Constants.integer(right).filter(v -> v.signum() == 0).isPresent()) {
                    ctx.error(b.span(), "division by zero");
                    return error();
                }
                boolean bitwise = op == TypedExpr.BinaryOp.AND || op == TypedExpr.BinaryOp.OR || op == TypedExpr.BinaryOp.XOR;
                ExprType type = ExprType.INT;
                if (bitwise && left.type().kind() == ExprType.Kind.FLAGS && ExprTypes.assignable(left.type(), right.type())) {
                    type = left.type(); // combining flags keeps the flags type
                } else if (left.type().kind() == ExprType.Kind.FLOAT || right.type().kind() == ExprType.Kind.FLOAT) {
                    if (bitwise || op == TypedExpr.BinaryOp.SHL || op == TypedExpr.BinaryOp.SHR || op == TypedExpr.BinaryOp.MOD) {
                        mismatch(b.span(), "'" + b.op() + "' needs integers, not floating-point numbers");
                    }
                    type = ExprType.FLOAT;
                }
                return new TypedExpr.Binary(op, left, right, type);
            }
        }
    }

    /**
     * Types both sides of a comparison. A bare constant name may stand on either side
     * ({@code OK == code} as well as {@code code == OK}): the side that can be typed alone goes first
     * and gives the other its expected type.
     */
    private TypedExpr[] operands(Expr.Binary b, Scope scope) {
        if (isBareUnknown(b.left(), scope) && !isBareUnknown(b.right(), scope)) {
            TypedExpr right = check(b.right(), scope, null);
            return new TypedExpr[] {check(b.left(), scope, right.type()), right};
        }
        TypedExpr left = check(b.left(), scope, null);
        return new TypedExpr[] {left, check(b.right(), scope, left.type())};
    }

    private static boolean isBareUnknown(Expr expr, Scope scope) {
        if (!(expr instanceof Expr.NameRef ref)) {
            return false;
        }
        String name = ref.name().text();
        return scope.lookup(name) == null && scope.declaredLater(name) == null
                && !name.equals(REMAINING) && !name.equals(INDEX) && !name.equals(SESSION);
    }

    private TypedExpr numeric(Expr expr, Scope scope, ExprType expected, String op) {
        TypedExpr typed = check(expr, scope, expected);
        if (!typed.type().isNumeric()) {
            mismatch(expr.span(), "'" + op + "' needs numbers, but " + describe(expr) + " is " + typed.type().describe());
            return error();
        }
        return typed;
    }

    // ------------------------------------------------------------------ functions

    static final List<String> FUNCTIONS = List.of("min", "max", "peek", "sizeof", "count");

    private TypedExpr call(Expr.Call call, Scope scope) {
        String function = call.function().text();
        List<Argument> args = call.arguments();
        for (Argument arg : args) {
            if (arg.isNamed()) {
                ctx.error(arg.span(), function + "() takes no named arguments");
                return error();
            }
        }
        switch (function) {
            case "min", "max" -> {
                if (args.size() < 2) {
                    ctx.error(call.span(), function + "() needs at least two arguments");
                    return error();
                }
                List<TypedExpr> typed = args.stream().map(a -> expectInt(a.value(), scope, function + "() argument")).toList();
                return new TypedExpr.MinMax(function.equals("max"), typed);
            }
            case "peek" -> {
                return peek(call, scope);
            }
            case "sizeof" -> {
                if (args.size() != 1 || !(check(args.get(0).value(), scope, null) instanceof TypedExpr.FieldRef ref)) {
                    ctx.error(call.span(), "sizeof() takes one field read earlier, e.g. sizeof(parameters)");
                    return error();
                }
                return new TypedExpr.SizeOf(ref.path());
            }
            case "count" -> {
                if (args.size() != 1) {
                    ctx.error(call.span(), "count() takes one array field or list, e.g. count(fields)");
                    return error();
                }
                TypedExpr target = check(args.get(0).value(), scope, null);
                if (target.type().kind() != ExprType.Kind.LIST && target.type().kind() != ExprType.Kind.ERROR) {
                    mismatch(args.get(0).span(), "count() needs an array or list, but " + describe(args.get(0).value())
                            + " is " + target.type().describe());
                    return error();
                }
                return new TypedExpr.CountOf(target);
            }
            case "join" -> {
                ctx.error(call.span(), "join() combines split fields and may only be the whole value of a let: "
                        + "let NAME: FLAGS = join(low, high);");
                return error();
            }
            case "crc32", "crc32c", "crc24" -> {
                ctx.error(call.span(), function + "() computes a checksum and may only be the value of a field: "
                        + "checksum: u32 = " + function + "();");
                return error();
            }
            default -> {
                ctx.error(call.function().span(), "unknown function '" + function + "'" + Suggestions.hint(function, FUNCTIONS)
                        + " (functions: " + String.join(", ", FUNCTIONS) + ")");
                return error();
            }
        }
    }

    private TypedExpr peek(Expr.Call call, Scope scope) {
        List<Argument> args = call.arguments();
        if (args.isEmpty() || args.size() > 2 || !(args.get(0).value() instanceof Expr.NameRef typeName)) {
            ctx.error(call.span(), "peek() takes an integer type and an optional offset, e.g. peek(u8) or peek(u32, 4)");
            return error();
        }
        if (!scope.regionVisible()) {
            ctx.error(call.span(), "peek() reads ahead in the input and can only be used inside a struct or message");
            return error();
        }
        Optional<WireType.Int> type = BuiltinTypes.integer(typeName.name().text(), ctx.byteOrder());
        if (type.isEmpty() || type.get().kind().floating()) {
            ctx.error(typeName.span(), "peek() reads an integer type such as u8 or u32le, not '" + typeName.name().text() + "'");
            return error();
        }
        TypedExpr offset = args.size() == 2 ? expectInt(args.get(1).value(), scope, "the offset of peek()") : TypedExpr.IntConst.of(0);
        return new TypedExpr.Peek(type.get(), offset);
    }

    private static TypedExpr error() {
        return new TypedExpr.FieldRef(List.of("<error>"), ExprType.ERROR);
    }
}
