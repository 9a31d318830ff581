package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;

/** {@code WireWriter} calls for fixed-width numbers: which method, and the argument cast it needs. */
final class WireIo {

    private WireIo() {}

    /** {@code out.put16be(value)} and friends; {@code valueType} is the Java type of {@code value}. */
    static CodeBlock put(WireType.Int type, String value, TypeName valueType) {
        return CodeBlock.of("out.$L($L)", "put" + suffix(type), argument(type.kind(), value, valueType));
    }

    /** {@code out.patch16be(slot, value)}; fixed-width integers only. */
    static CodeBlock patch(WireType.Int type, String slot, String value, TypeName valueType) {
        return CodeBlock.of("out.$L($L, $L)", "patch" + suffix(type), slot, argument(type.kind(), value, valueType));
    }

    private static String suffix(WireType.Int type) {
        IntKind kind = type.kind();
        String order = type.order() == Endian.BIG ? "be" : "le";
        if (kind == IntKind.F32) {
            return "F32" + order;
        }
        if (kind == IntKind.F64) {
            return "F64" + order;
        }
        return kind.size() == 1 ? "8" : kind.bits() + order;
    }

    private static String argument(IntKind kind, String value, TypeName valueType) {
        if (kind.floating()) {
            return value;
        }
        TypeName needed = kind.size() == 8 ? TypeName.LONG : TypeName.INT;
        return needed.equals(valueType) ? value : "(" + needed + ") " + value;
    }

    /** The range check for a value of Java type {@code valueType}, or {@code null} when every value fits. */
    static CodeBlock rangeCheck(IntKind kind, String value, TypeName valueType, CodeBlock support) {
        if (kind.floating() || kind.size() == 8) {
            return null;
        }
        if (kind == IntKind.I32 && valueType.equals(TypeName.INT)) {
            return null;
        }
        long min = kind.min().longValueExact();
        long max = kind.max().longValueExact();
        return CodeBlock.of("$L.checkRange($L, $LL, $LL, out.position())", support, value, min, max);
    }
}
