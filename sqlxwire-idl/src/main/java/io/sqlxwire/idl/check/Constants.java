package io.sqlxwire.idl.check;

import io.sqlxwire.idl.model.TypedExpr;
import java.math.BigInteger;
import java.util.Optional;

/** Evaluates typed expressions that are known when the description is checked. */
final class Constants {

    private Constants() {}

    static Optional<BigInteger> integer(TypedExpr expr) {
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
                case SHL -> y.signum() < 0 || y.bitLength() > 7 ? Optional.empty() : Optional.of(x.shiftLeft(y.intValue()));
                case SHR -> y.signum() < 0 || y.bitLength() > 7 ? Optional.empty() : Optional.of(x.shiftRight(y.intValue()));
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

    /** Whether an expression is a compile-time constant of any kind. */
    static boolean isConstant(TypedExpr expr) {
        return integer(expr).isPresent() || expr instanceof TypedExpr.TextConst || expr instanceof TypedExpr.BytesConst
                || expr instanceof TypedExpr.BoolConst || expr instanceof TypedExpr.NullConst
                || expr instanceof TypedExpr.EmptyList;
    }
}
