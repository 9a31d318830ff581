package io.sqlxwire.idl.check;

import io.sqlxwire.idl.model.TypedExpr;
import java.math.BigInteger;
import java.util.Optional;

/** Evaluates typed expressions that are known when the description is checked. */
final class Constants {

    private Constants() {}

    /** Shifts wider than this are not folded: no wire value is that large, and the result would be huge. */
    private static final int MAX_SHIFT = 4096;

    static Optional<BigInteger> integer(TypedExpr expr) {
        if (expr instanceof TypedExpr.Conditional c) {
            Optional<Boolean> condition = bool(c.condition());
            return condition.isEmpty() ? Optional.empty() : integer(condition.get() ? c.whenTrue() : c.whenFalse());
        }
        if (expr instanceof TypedExpr.IntConst c) {
            return Optional.of(c.value());
        }
        if (expr instanceof TypedExpr.NamedConst c) {
            return Optional.of(c.value());
        }
        if (expr instanceof TypedExpr.Unary u) {
            Optional<BigInteger> v = integer(u.operand());
            if (v.isEmpty()) {
                return v;
            }
            return switch (u.op()) {
                case NEGATE -> Optional.of(v.get().negate());
                case COMPLEMENT -> Optional.of(v.get().not());
                case NOT -> Optional.empty();
            };
        }
        if (expr instanceof TypedExpr.Binary b) {
            Optional<BigInteger> l = integer(b.left());
            Optional<BigInteger> r = integer(b.right());
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            BigInteger x = l.get();
            BigInteger y = r.get();
            return switch (b.op()) {
                case ADD -> Optional.of(x.add(y));
                case SUB -> Optional.of(x.subtract(y));
                case MUL -> Optional.of(x.multiply(y));
                case DIV -> y.signum() == 0 ? Optional.empty() : Optional.of(x.divide(y));
                case MOD -> y.signum() == 0 ? Optional.empty() : Optional.of(x.mod(y.abs()));
                case SHL -> y.signum() < 0 || y.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0 ? Optional.empty()
                        : Optional.of(x.shiftLeft(y.intValue()));
                case SHR -> y.signum() < 0 || y.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0 ? Optional.empty()
                        : Optional.of(x.shiftRight(y.intValue()));
                case AND -> Optional.of(x.and(y));
                case OR -> Optional.of(x.or(y));
                case XOR -> Optional.of(x.xor(y));
                default -> Optional.empty();
            };
        }
        if (expr instanceof TypedExpr.MinMax m) {
            BigInteger result = null;
            for (TypedExpr arg : m.arguments()) {
                Optional<BigInteger> v = integer(arg);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                result = result == null ? v.get() : m.max() ? result.max(v.get()) : result.min(v.get());
            }
            return Optional.ofNullable(result);
        }
        return Optional.empty();
    }

    static Optional<Boolean> bool(TypedExpr expr) {
        if (expr instanceof TypedExpr.BoolConst b) {
            return Optional.of(b.value());
        }
        if (expr instanceof TypedExpr.Unary u && u.op() == TypedExpr.UnaryOp.NOT) {
            return bool(u.operand()).map(v -> !v);
        }
        if (expr instanceof TypedExpr.Conditional c) {
            Optional<Boolean> condition = bool(c.condition());
            return condition.isEmpty() ? Optional.empty() : bool(condition.get() ? c.whenTrue() : c.whenFalse());
        }
        if (!(expr instanceof TypedExpr.Binary b)) {
            return Optional.empty();
        }
        switch (b.op()) {
            case AND_ALSO, OR_ELSE -> {
                Optional<Boolean> l = bool(b.left());
                Optional<Boolean> r = bool(b.right());
                if (l.isEmpty() || r.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(b.op() == TypedExpr.BinaryOp.AND_ALSO ? l.get() && r.get() : l.get() || r.get());
            }
            case EQ, NE, LT, LE, GT, GE, HAS -> {
                Optional<BigInteger> l = integer(b.left());
                Optional<BigInteger> r = integer(b.right());
                if (l.isEmpty() || r.isEmpty()) {
                    return Optional.empty();
                }
                int cmp = l.get().compareTo(r.get());
                return Optional.of(switch (b.op()) {
                    case EQ -> cmp == 0;
                    case NE -> cmp != 0;
                    case LT -> cmp < 0;
                    case LE -> cmp <= 0;
                    case GT -> cmp > 0;
                    case GE -> cmp >= 0;
                    default -> l.get().and(r.get()).equals(r.get());
                });
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A constant expression reduced to its literal (so generators need not fold); others unchanged. */
    static TypedExpr fold(TypedExpr expr) {
        if (expr instanceof TypedExpr.IntConst || expr instanceof TypedExpr.NamedConst) {
            return expr;
        }
        Optional<BigInteger> integer = integer(expr);
        if (integer.isPresent()) {
            return new TypedExpr.IntConst(integer.get());
        }
        Optional<Boolean> bool = bool(expr);
        if (bool.isPresent()) {
            return new TypedExpr.BoolConst(bool.get());
        }
        if (expr instanceof TypedExpr.Conditional c && bool(c.condition()).isPresent()) {
            return fold(bool(c.condition()).get() ? c.whenTrue() : c.whenFalse());
        }
        return expr;
    }

    /** Whether an expression is a compile-time constant of any kind. */
    static boolean isConstant(TypedExpr expr) {
        TypedExpr folded = fold(expr);
        if (folded != expr) {
            return true;
        }
        return integer(expr).isPresent() || expr instanceof TypedExpr.TextConst || expr instanceof TypedExpr.BytesConst
                || expr instanceof TypedExpr.BoolConst || expr instanceof TypedExpr.NullConst
                || expr instanceof TypedExpr.EmptyList;
    }
}
