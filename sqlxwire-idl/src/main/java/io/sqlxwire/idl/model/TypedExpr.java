package io.sqlxwire.idl.model;

import java.math.BigInteger;
import java.util.List;

/**
 * A checked expression: every name resolved to what it denotes and every node typed. Generators
 * translate these into Java expressions; the model interpreter evaluates them directly.
 */
public sealed interface TypedExpr {

    ExprType type();

    record IntConst(BigInteger value) implements TypedExpr {
        public static IntConst of(long value) {
            return new IntConst(BigInteger.valueOf(value));
        }

        @Override
        public ExprType type() {
            return ExprType.INT;
        }
    }

    record BoolConst(boolean value) implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.BOOL;
        }
    }

    record TextConst(String value) implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.TEXT;
        }
    }

    record BytesConst(ByteString value) implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.BYTES;
        }
    }

    /** {@code []}: the empty list, assigned to clear a list session variable. */
    record EmptyList() implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.listOf(ExprType.ERROR);
        }
    }

    record NullConst() implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.NULL;
        }
    }

    /** A constant of an enum or flags type: {@code AuthCode.MD5_PASSWORD}. */
    record NamedConst(String owner, String constant, BigInteger value, ExprType type) implements TypedExpr {}

    /**
     * A field read earlier in the same struct or message (or one of its nested struct fields):
     * {@code path} is {@code ["header", "length"]} for {@code header.length}.
     */
    record FieldRef(List<String> path, ExprType type) implements TypedExpr {
        public FieldRef {
            path = List.copyOf(path);
        }
    }

    record LetRef(String name, ExprType type) implements TypedExpr {}

    record ParamRef(String name, ExprType type) implements TypedExpr {}

    record SessionRef(String name, ExprType type) implements TypedExpr {}

    /** The number of bytes left in the enclosing region. */
    record Remaining() implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.INT;
        }
    }

    /** The index of the array element being read. */
    record ElementIndex() implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.INT;
        }
    }

    /** Reads an integer ahead of the cursor without consuming it. */
    record Peek(WireType.Int read, TypedExpr offset) implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.INT;
        }
    }

    /** {@code sizeof(field)}: the bytes an earlier field took. */
    record SizeOf(List<String> field) implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.INT;
        }
    }

    /** {@code count(field)}: the number of elements of an earlier array field or list variable. */
    record CountOf(TypedExpr target) implements TypedExpr {
        @Override
        public ExprType type() {
            return ExprType.INT;
        }
    }

    record Index(TypedExpr target, TypedExpr index, ExprType type) implements TypedExpr {}

    /** Selects a field of a struct-typed value. */
    record Member(TypedExpr target, String member, ExprType type) implements TypedExpr {}

    record Unary(UnaryOp op, TypedExpr operand, ExprType type) implements TypedExpr {}

    record Binary(BinaryOp op, TypedExpr left, TypedExpr right, ExprType type) implements TypedExpr {}

    record Conditional(TypedExpr condition, TypedExpr whenTrue, TypedExpr whenFalse, ExprType type)
            implements TypedExpr {}

    /** {@code min(...)} and {@code max(...)}. */
    record MinMax(boolean max, List<TypedExpr> arguments) implements TypedExpr {
        public MinMax {
            arguments = List.copyOf(arguments);
        }

        @Override
        public ExprType type() {
            return ExprType.INT;
        }
    }

    /** {@code join(low, high, ...)}: split fields combined into one value, low part first. */
    record Join(List<FieldRef> parts, List<Integer> bitWidths, ExprType type) implements TypedExpr {
        public Join {
            parts = List.copyOf(parts);
            bitWidths = List.copyOf(bitWidths);
        }
    }

    enum UnaryOp {
        NEGATE("-"), NOT("!"), COMPLEMENT("~");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum BinaryOp {
        MUL("*"), DIV("/"), MOD("%"), ADD("+"), SUB("-"), SHL("<<"), SHR(">>"), AND("&"), XOR("^"), OR("|"),
        LT("<"), LE("<="), GT(">"), GE(">="), HAS("has"), EQ("=="), NE("!="), AND_ALSO("&&"), OR_ELSE("||");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static BinaryOp bySymbol(String symbol) {
            for (BinaryOp op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown operator " + symbol);
        }
    }
}
