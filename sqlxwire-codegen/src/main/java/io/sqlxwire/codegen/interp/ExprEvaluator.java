package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import io.sqlxwire.runtime.error.CodecException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates checked expressions ({@link TypedExpr}) over a {@link Scope} and, for {@code peek} and
 * {@code remaining}, the region being read. Integers are unbounded ({@link BigInteger}) so u64
 * values and intermediate results never wrap; absent optional fields and NULLs count as 0 in
 * arithmetic. Anything the input can make impossible (a division by zero, an index outside a
 * list, a shift too wide) is a {@link CodecException}.
 */
final class ExprEvaluator {

    /** Wider shifts would only serve to build huge numbers from hostile input. */
    private static final int MAX_SHIFT = 64;

    private final IntReader ints = new IntReader();

    Value eval(TypedExpr expr, Scope scope, Region region) {
        if (expr instanceof TypedExpr.IntConst c) {
            return new Value.Int(c.value());
        } else if (expr instanceof TypedExpr.BoolConst c) {
            return new Value.Bool(c.value());
        } else if (expr instanceof TypedExpr.TextConst c) {
            return new Value.Text(c.value());
        } else if (expr instanceof TypedExpr.BytesConst c) {
            return new Value.Bytes(c.value().toArray());
        } else if (expr instanceof TypedExpr.EmptyList) {
            return new Value.ListOf(List.of());
        } else if (expr instanceof TypedExpr.NullConst) {
            return Value.Null.INSTANCE;
        } else if (expr instanceof TypedExpr.NamedConst c) {
            return new Value.Int(c.value());
        } else if (expr instanceof TypedExpr.FieldRef ref) {
            return fieldRef(ref.path(), scope);
        } else if (expr instanceof TypedExpr.LetRef ref) {
            return orNull(scope.member(ref.name()));
        } else if (expr instanceof TypedExpr.ParamRef ref) {
            return scope.parameter(ref.name());
        } else if (expr instanceof TypedExpr.SessionRef ref) {
            return scope.session().get(ref.name());
        } else if (expr instanceof TypedExpr.Remaining) {
            return Value.Int.of(needRegion(region).remaining());
        } else if (expr instanceof TypedExpr.ElementIndex) {
            return Value.Int.of(scope.elementIndex());
        } else if (expr instanceof TypedExpr.Peek peek) {
            return peek(peek, scope, needRegion(region));
        } else if (expr instanceof TypedExpr.SizeOf sizeOf) {
            int[] span = scope.span(sizeOf.field().get(0));
            return Value.Int.of(span == null ? 0 : span[1]);
        } else if (expr instanceof TypedExpr.CountOf countOf) {
            Value target = eval(countOf.target(), scope, region);
            return Value.Int.of(target instanceof Value.ListOf list ? list.elements().size() : 0);
        } else if (expr instanceof TypedExpr.Index index) {
            return index(eval(index.target(), scope, region), integer(eval(index.index(), scope, region)), region);
        } else if (expr instanceof TypedExpr.Member member) {
            Value target = eval(member.target(), scope, region);
            return target instanceof Value.Obj obj ? obj.get(member.member()).orElse(Value.Null.INSTANCE)
                    : Value.Null.INSTANCE;
        } else if (expr instanceof TypedExpr.Unary unary) {
            return unary(unary, eval(unary.operand(), scope, region));
        } else if (expr instanceof TypedExpr.Binary binary) {
            return binary(binary, scope, region);
        } else if (expr instanceof TypedExpr.Conditional conditional) {
            return truth(eval(conditional.condition(), scope, region))
                    ? eval(conditional.whenTrue(), scope, region)
                    : eval(conditional.whenFalse(), scope, region);
        } else if (expr instanceof TypedExpr.MinMax minMax) {
            BigInteger result = null;
            for (TypedExpr argument : minMax.arguments()) {
                BigInteger value = integer(eval(argument, scope, region));
                result = result == null ? value : minMax.max() ? result.max(value) : result.min(value);
            }
            return new Value.Int(result == null ? BigInteger.ZERO : result);
        } else if (expr instanceof TypedExpr.Join join) {
            BigInteger result = BigInteger.ZERO;
            int shift = 0;
            for (int i = 0; i < join.parts().size(); i++) {
                BigInteger part = integer(eval(join.parts().get(i), scope, region));
                int width = join.bitWidths().get(i);
                BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
                result = result.or(part.and(mask).shiftLeft(shift));
                shift += width;
            }
            return new Value.Int(result);
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    boolean bool(TypedExpr expr, Scope scope, Region region) {
        return truth(eval(expr, scope, region));
    }

    /** A size or count: a non-negative value that fits an {@code int}. */
    int size(TypedExpr expr, Scope scope, Region region, String what) {
        BigInteger value = integer(eval(expr, scope, region));
        if (value.signum() < 0 || value.bitLength() > 31) {
            throw new CodecException(what + " " + value + " is negative or too large",
                    region == null ? CodecException.NO_OFFSET : region.offset());
        }
        return value.intValue();
    }

    private static Region needRegion(Region region) {
        if (region == null) {
            throw new CodecException("peek and remaining need bytes to look at", CodecException.NO_OFFSET);
        }
        return region;
    }

    private static Value orNull(Value value) {
        return value == null ? Value.Null.INSTANCE : value;
    }

    private static Value fieldRef(List<String> path, Scope scope) {
        Value current = orNull(scope.member(path.get(0)));
        for (int i = 1; i < path.size(); i++) {
            if (!(current instanceof Value.Obj obj)) {
                return Value.Null.INSTANCE;
            }
            current = obj.get(path.get(i)).orElse(Value.Null.INSTANCE);
        }
        return current;
    }

    private Value peek(TypedExpr.Peek peek, Scope scope, Region region) {
        BigInteger offset = peek.offset() == null ? BigInteger.ZERO : integer(eval(peek.offset(), scope, region));
        if (offset.signum() < 0 || offset.bitLength() > 31) {
            throw new CodecException("peek offset " + offset + " outside the region", region.offset());
        }
        int at = region.position() + offset.intValue();
        WireType.Int type = peek.read();
        region.require(at, type.kind().size());
        return ints.read(type, region.buffer(), at);
    }

    private static Value index(Value target, BigInteger index, Region region) {
        long offset = region == null ? CodecException.NO_OFFSET : region.offset();
        if (target instanceof Value.ListOf list) {
            if (index.signum() < 0 || index.compareTo(BigInteger.valueOf(list.elements().size())) >= 0) {
                throw new CodecException("index " + index + " outside a list of " + list.elements().size(), offset);
            }
            return list.elements().get(index.intValue());
        }
        if (target instanceof Value.Bits bits) {
            if (index.signum() < 0 || index.compareTo(BigInteger.valueOf(bits.size())) >= 0) {
                throw new CodecException("index " + index + " outside a bitmap of " + bits.size(), offset);
            }
            return new Value.Bool(bits.get(index.intValue()));
        }
        throw new CodecException("cannot index an absent value", offset);
    }

    private static Value unary(TypedExpr.Unary unary, Value operand) {
        return switch (unary.op()) {
            case NOT -> new Value.Bool(!truth(operand));
            case NEGATE -> operand instanceof Value.Float f ? new Value.Float(-f.value())
                    : new Value.Int(integer(operand).negate());
            case COMPLEMENT -> new Value.Int(integer(operand).not());
        };
    }

    private Value binary(TypedExpr.Binary binary, Scope scope, Region region) {
        if (binary.op() == TypedExpr.BinaryOp.AND_ALSO) {
            return new Value.Bool(bool(binary.left(), scope, region) && bool(binary.right(), scope, region));
        }
        if (binary.op() == TypedExpr.BinaryOp.OR_ELSE) {
            return new Value.Bool(bool(binary.left(), scope, region) || bool(binary.right(), scope, region));
        }
        Value left = eval(binary.left(), scope, region);
        Value right = eval(binary.right(), scope, region);
        if (binary.op() == TypedExpr.BinaryOp.EQ) {
            return new Value.Bool(same(left, right));
        }
        if (binary.op() == TypedExpr.BinaryOp.NE) {
            return new Value.Bool(!same(left, right));
        }
        if (left instanceof Value.Float || right instanceof Value.Float) {
            return floating(binary.op(), number(left), number(right));
        }
        BigInteger a = integer(left);
        BigInteger b = integer(right);
        long offset = region == null ? CodecException.NO_OFFSET : region.offset();
        return switch (binary.op()) {
            case MUL -> new Value.Int(a.multiply(b));
            case DIV -> new Value.Int(a.divide(nonZero(b, offset)));
            case MOD -> new Value.Int(a.remainder(nonZero(b, offset)));
            case ADD -> new Value.Int(a.add(b));
            case SUB -> new Value.Int(a.subtract(b));
            case SHL -> new Value.Int(a.shiftLeft(shift(b, offset)));
            case SHR -> new Value.Int(a.shiftRight(shift(b, offset)));
            case AND -> new Value.Int(a.and(b));
            case XOR -> new Value.Int(a.xor(b));
            case OR -> new Value.Int(a.or(b));
            case LT -> new Value.Bool(a.compareTo(b) < 0);
            case LE -> new Value.Bool(a.compareTo(b) <= 0);
            case GT -> new Value.Bool(a.compareTo(b) > 0);
            case GE -> new Value.Bool(a.compareTo(b) >= 0);
            case HAS -> new Value.Bool(a.and(b).equals(b));
            default -> throw new IllegalStateException("unexpected operator " + binary.op());
        };
    }

    private static Value floating(TypedExpr.BinaryOp op, double a, double b) {
        return switch (op) {
            case MUL -> new Value.Float(a * b);
            case DIV -> new Value.Float(a / b);
            case ADD -> new Value.Float(a + b);
            case SUB -> new Value.Float(a - b);
            case LT -> new Value.Bool(a < b);
            case LE -> new Value.Bool(a <= b);
            case GT -> new Value.Bool(a > b);
            case GE -> new Value.Bool(a >= b);
            default -> throw new IllegalStateException("operator " + op + " on floating-point values");
        };
    }

    private static BigInteger nonZero(BigInteger divisor, long offset) {
        if (divisor.signum() == 0) {
            throw new CodecException("division by zero", offset);
        }
        return divisor;
    }

    private static int shift(BigInteger amount, long offset) {
        if (amount.signum() < 0 || amount.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0) {
            throw new CodecException("shift by " + amount + " outside 0.." + MAX_SHIFT, offset);
        }
        return amount.intValue();
    }

    /** Equality as the IDL means it: numerically for numbers, by content for text and bytes. */
    static boolean same(Value a, Value b) {
        if (a instanceof Value.Null || b instanceof Value.Null) {
            return a instanceof Value.Null && b instanceof Value.Null;
        }
        if (a instanceof Value.Bool x && b instanceof Value.Bool y) {
            return x.value() == y.value();
        }
        if (isIntegral(a) && isIntegral(b)) {
            return integer(a).equals(integer(b));
        }
        if (a instanceof Value.Float || b instanceof Value.Float) {
            return isNumber(a) && isNumber(b) && number(a) == number(b);
        }
        byte[] x = content(a);
        byte[] y = content(b);
        if (x != null && y != null) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Value.ListOf x2 && b instanceof Value.ListOf y2) {
            if (x2.elements().size() != y2.elements().size()) {
                return false;
            }
            for (int i = 0; i < x2.elements().size(); i++) {
                if (!same(x2.elements().get(i), y2.elements().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static byte[] content(Value value) {
        if (value instanceof Value.Bytes bytes) {
            return bytes.value();
        }
        if (value instanceof Value.Text text) {
            return text.value().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    static boolean isIntegral(Value value) {
        return value instanceof Value.Int || value instanceof Value.EnumConst || value instanceof Value.Flags;
    }

    private static boolean isNumber(Value value) {
        return isIntegral(value) || value instanceof Value.Float;
    }

    static BigInteger integer(Value value) {
        if (value instanceof Value.Int v) {
            return v.value();
        } else if (value instanceof Value.EnumConst v) {
            return v.value();
        } else if (value instanceof Value.Flags v) {
            return v.bits();
        } else if (value instanceof Value.Null) {
            return BigInteger.ZERO;
        } else if (value instanceof Value.Bool v) {
            return v.value() ? BigInteger.ONE : BigInteger.ZERO;
        } else if (value instanceof Value.Float v) {
            return BigInteger.valueOf((long) v.value());
        }
        throw new CodecException("not a number: " + value.toJson(), CodecException.NO_OFFSET);
    }

    private static double number(Value value) {
        return value instanceof Value.Float f ? f.value() : integer(value).doubleValue();
    }

    static boolean truth(Value value) {
        if (value instanceof Value.Bool b) {
            return b.value();
        }
        return integer(value).signum() != 0;
    }

    /** Helper kept here so the list type used for actions stays in one place. */
    static Value.ListOf append(Value list, Value element) {
        List<Value> elements = new ArrayList<>(
                list instanceof Value.ListOf l ? l.elements() : List.of());
        elements.add(element);
        return new Value.ListOf(elements);
    }
}
