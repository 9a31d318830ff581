package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.values.Literals;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.List;

/**
 * Translates checked expressions into Java expressions evaluated inside a decoder. Integers are
 * evaluated in {@code long} so that sums of 32-bit lengths cannot overflow; conditions are
 * {@code boolean}. Names resolve to the decoder's stored values: {@code owner.field} where
 * {@code owner} is {@code this} in the decoder itself and {@code XDecoder.this} in its cursors.
 * {@code remaining} and {@code peek} use the local variables {@code pos} and {@code limit} that
 * every read method has; {@code _index} the cursor's local {@code index}.
 */
public final class ExpressionWriter {

    /** What the writer needs to know about the decoder's names. */
    public interface Names {
        /** The wire type of a field (a path into nested structs) or parameter, or {@code null} when unknown. */
        WireType typeOf(List<String> path);

        /** Registers a static byte-array constant for a field and returns its name. */
        String byteConstant(String slot, String what, byte[] bytes);

        /** The name of what the decoder stores about a field besides its value. */
        String stored(String slot, StorageNames.Kind kind);
    }

    private final String owner;
    private final Names names;

    /** @param owner how the code being written refers to the decoder ({@code this} or {@code XDecoder.this}) */
    public ExpressionWriter(String owner, Names names) {
        this.owner = owner;
        this.names = names;
    }

    public CodeBlock write(TypedExpr expr) {
        if (expr instanceof TypedExpr.IntConst c) {
            return CodeBlock.of("$L", Literals.integer(c.value(), true));
        }
        if (expr instanceof TypedExpr.BoolConst b) {
            return CodeBlock.of("$L", b.value());
        }
        if (expr instanceof TypedExpr.NamedConst n) {
            return CodeBlock.of("$L", Literals.integer(n.value(), true));
        }
        if (expr instanceof TypedExpr.FieldRef f) {
            return fieldRef(f.path(), f.type());
        }
        if (expr instanceof TypedExpr.LetRef l) {
            return CodeBlock.of("$L.$L", owner, DecoderNames.slot(l.name()));
        }
        if (expr instanceof TypedExpr.ParamRef p) {
            return CodeBlock.of("$L.$L", owner, DecoderNames.parameter(p.name()));
        }
        if (expr instanceof TypedExpr.SessionRef s) {
            return unwrapSessionValue(CodeBlock.of("$L.session.$L", owner, Naming.member(s.name())), s.type());
        }
        if (expr instanceof TypedExpr.Remaining) {
            return CodeBlock.of("(limit - pos)");
        }
        if (expr instanceof TypedExpr.ElementIndex) {
            return CodeBlock.of("index");
        }
        if (expr instanceof TypedExpr.Peek p) {
            // Cursors are inner classes: the decoder's region is in scope there too.
            return CodeBlock.of("region.$L($T.peekAt(region, pos + $L, $L, limit))", DecoderNames.readMethod(p.read()), RuntimeTypes.REGION_CHECKS,
                    p.offset() == null ? CodeBlock.of("0") : write(p.offset()), p.read().kind().size());
        }
        if (expr instanceof TypedExpr.SizeOf s) {
            if (s.field().size() != 1) {
                throw unsupported("sizeof of a nested field (" + String.join(".", s.field()) + ")");
            }
            String slot = DecoderNames.slot(s.field().get(0));
            return CodeBlock.of("($L.$L - $L.$L)", owner, names.stored(slot, StorageNames.Kind.END),
                    owner, names.stored(slot, StorageNames.Kind.OFFSET));
        }
        if (expr instanceof TypedExpr.CountOf c) {
            if (c.target() instanceof TypedExpr.FieldRef f && f.path().size() == 1) {
                return CodeBlock.of("$L.$L.count()", owner, DecoderNames.slot(f.path().get(0)));
            }
            if (c.target() instanceof TypedExpr.SessionRef s) {
                return CodeBlock.of("$L.session.$L.size()", owner, Naming.member(s.name()));
            }
            throw unsupported("count() of " + c.target());
        }
        if (expr instanceof TypedExpr.Index i) {
            if (i.target() instanceof TypedExpr.SessionRef s) {
                // Session lists of numbers, enums and flags are IntList/LongList of the raw values.
                return CodeBlock.of("$L.session.$L.get($L)", owner, Naming.member(s.name()), intValue(i.index()));
            }
            if (i.target() instanceof TypedExpr.FieldRef f && f.path().size() == 1) {
                String slot = DecoderNames.slot(f.path().get(0));
                if (names.typeOf(f.path()) instanceof WireType.Bitmap) {
                    return CodeBlock.of("$L.$L($L)", owner, slot, intValue(i.index()));
                }
                return CodeBlock.of("$L.$L.get($L)", owner, slot, intValue(i.index()));
            }
            throw unsupported("indexing " + i.target());
        }
        if (expr instanceof TypedExpr.Member m) {
            return CodeBlock.of("$L.$L()", write(m.target()), DecoderNames.accessor(m.member()));
        }
        if (expr instanceof TypedExpr.Unary u) {
            return CodeBlock.of("$L($L)", u.op().symbol(), write(u.operand()));
        }
        if (expr instanceof TypedExpr.Binary b) {
            return binary(b);
        }
        if (expr instanceof TypedExpr.Conditional c) {
            return CodeBlock.of("($L ? $L : $L)", write(c.condition()), write(c.whenTrue()), write(c.whenFalse()));
        }
        if (expr instanceof TypedExpr.MinMax m) {
            CodeBlock result = write(m.arguments().get(0));
            for (int i = 1; i < m.arguments().size(); i++) {
                result = CodeBlock.of("$T.$L($L, $L)", Math.class, m.max() ? "max" : "min", result,
                        write(m.arguments().get(i)));
            }
            return result;
        }
        if (expr instanceof TypedExpr.Join j) {
            return join(j);
        }
        throw unsupported("expression " + expr.getClass().getSimpleName());
    }

    private CodeBlock fieldRef(List<String> path, ExprType type) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L.$L", owner, DecoderNames.slot(path.get(0)));
        for (int i = 1; i < path.size(); i++) {
            code.add(".$L()", DecoderNames.accessor(path.get(i)));
        }
        return code.build();
    }

    /** Session variables hold record values (enum and flags records); expressions need the raw number. */
    private static CodeBlock unwrapSessionValue(CodeBlock value, ExprType type) {
        if (type.kind() == ExprType.Kind.ENUM) {
            return CodeBlock.of("$L.value()", value);
        }
        if (type.kind() == ExprType.Kind.FLAGS) {
            return CodeBlock.of("$L.bits()", value);
        }
        return value;
    }

    private CodeBlock binary(TypedExpr.Binary b) {
        if (b.op() == TypedExpr.BinaryOp.EQ || b.op() == TypedExpr.BinaryOp.NE) {
            TypedExpr other = b.left() instanceof TypedExpr.NullConst ? b.right()
                    : b.right() instanceof TypedExpr.NullConst ? b.left() : null;
            if (other != null) {
                return CodeBlock.of("$L$L", b.op() == TypedExpr.BinaryOp.EQ ? "" : "!", nullTest(other));
            }
        }
        if ((b.op() == TypedExpr.BinaryOp.EQ || b.op() == TypedExpr.BinaryOp.NE)
                && (isByteConstant(b.left()) || isByteConstant(b.right()))) {
            boolean constantLeft = isByteConstant(b.left());
            return CodeBlock.of("$L$L", b.op() == TypedExpr.BinaryOp.EQ ? "" : "!",
                    bytesEqual(constantLeft ? b.right() : b.left(), constantLeft ? b.left() : b.right()));
        }
        CodeBlock left = write(b.left());
        CodeBlock right = write(b.right());
        return switch (b.op()) {
            case HAS -> CodeBlock.of("(($L & $L) == $L)", left, right, right);
            case DIV -> CodeBlock.of("$T.divide(region, $L, $L, pos)", RuntimeTypes.REGION_CHECKS, left, right);
            case MOD -> CodeBlock.of("$T.remainder(region, $L, $L, pos)", RuntimeTypes.REGION_CHECKS, left, right);
            // Integers are longs here so that lengths near 2^31 do not wrap.
            case MUL, ADD, SUB, SHL -> isLong(b.left()) || isLong(b.right())
                    ? CodeBlock.of("($L $L $L)", left, b.op().symbol(), right)
                    : CodeBlock.of("((long) $L $L $L)", left, b.op().symbol(), right);
            default -> CodeBlock.of("($L $L $L)", left, b.op().symbol(), right);
        };
    }

    private static boolean isByteConstant(TypedExpr expr) {
        return expr instanceof TypedExpr.TextConst || expr instanceof TypedExpr.BytesConst;
    }

    /** Compares a text or bytes field with a constant, without decoding: the constant is encoded once. */
    private CodeBlock bytesEqual(TypedExpr value, TypedExpr constant) {
        if (!(value instanceof TypedExpr.FieldRef f) || f.path().size() != 1) {
            throw unsupported("comparing " + value + " with a text or bytes constant");
        }
        WireType type = names.typeOf(f.path());
        byte[] bytes;
        if (constant instanceof TypedExpr.TextConst t) {
            TextEncoding encoding = type instanceof WireType.Text text ? text.encoding() : TextEncoding.UTF8;
            bytes = t.value().getBytes(JavaValueTypes.jdkCharset(encoding));
        } else {
            bytes = ((TypedExpr.BytesConst) constant).value().toArray();
        }
        String slot = DecoderNames.slot(f.path().get(0));
        String name = names.byteConstant(slot, "IS_" + DecoderNames.upperSnake(Naming.member(
                new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^A-Za-z0-9]+", "_"))), bytes);
        return CodeBlock.of("($L.$L == $L.length && $L.region.contentEquals($L.$L, $L.length, $L, 0))",
                owner, names.stored(slot, StorageNames.Kind.VALUE_LENGTH), name, owner, owner,
                names.stored(slot, StorageNames.Kind.VALUE_OFFSET), name, name);
    }

    /** The expression as an {@code int}: cast only when it is a {@code long} (javac warns about needless casts). */
    public CodeBlock intValue(TypedExpr expr) {
        return isLong(expr) ? CodeBlock.of("(int) ($L)", write(expr)) : write(expr);
    }

    /** Whether the Java expression written for {@code expr} already has type {@code long}. */
    public boolean isLong(TypedExpr expr) {
        if (expr instanceof TypedExpr.IntConst || expr instanceof TypedExpr.NamedConst || expr instanceof TypedExpr.LetRef
                || expr instanceof TypedExpr.Join) {
            return true;
        }
        if (expr instanceof TypedExpr.FieldRef f) {
            WireType type = names.typeOf(f.path());
            // A path into a nested struct with no wire type ends at one of its lets, whose accessor returns a long.
            return type == null ? f.path().size() > 1 : isLongType(type);
        }
        if (expr instanceof TypedExpr.ParamRef p) {
            return isLongType(names.typeOf(List.of(p.name())));
        }
        if (expr instanceof TypedExpr.Peek p) {
            return JavaValueTypes.needsLong(p.read().kind());
        }
        if (expr instanceof TypedExpr.Binary b) {
            return switch (b.op()) {
                case MUL, ADD, SUB, SHL, DIV, MOD -> true;
                case SHR -> isLong(b.left());
                case AND, OR, XOR -> isLong(b.left()) || isLong(b.right());
                default -> false;
            };
        }
        if (expr instanceof TypedExpr.Unary u) {
            return isLong(u.operand());
        }
        if (expr instanceof TypedExpr.Conditional c) {
            return isLong(c.whenTrue()) || isLong(c.whenFalse());
        }
        if (expr instanceof TypedExpr.MinMax m) {
            return m.arguments().stream().anyMatch(this::isLong);
        }
        return false;
    }

    private static boolean isLongType(WireType type) {
        return type != null && com.palantir.javapoet.TypeName.LONG.equals(JavaValueTypes.rawNumber(type));
    }

    private CodeBlock nullTest(TypedExpr value) {
        if (value instanceof TypedExpr.FieldRef f && f.path().size() == 1) {
            return CodeBlock.of("$L.$L", owner, names.stored(DecoderNames.slot(f.path().get(0)), StorageNames.Kind.NULL));
        }
        throw unsupported("comparing " + value + " with null");
    }

    private CodeBlock join(TypedExpr.Join j) {
        CodeBlock.Builder code = CodeBlock.builder().add("(");
        int shift = 0;
        for (int i = 0; i < j.parts().size(); i++) {
            int width = j.bitWidths().get(i);
            long mask = width >= 64 ? -1L : (1L << width) - 1;
            code.add(i == 0 ? "" : " | ")
                    .add("((($L) & 0x$LL) << $L)", write(j.parts().get(i)), Long.toHexString(mask), shift);
            shift += width;
        }
        return code.add(")").build();
    }

    static UnsupportedConstructException unsupported(String what) {
        return new UnsupportedConstructException(what);
    }
}
