package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.TypeName;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;

/**
 * The Java types encoder setters take for wire numbers (CODEGEN.md "Java value types"): 32-bit
 * and narrower signed-fitting kinds as {@code int}, u32/i64/u64 and the variable-width integers
 * as {@code long}. Private to the encoders until the shared mapping lands; the lead unifies.
 */
public final class EncoderValueTypes {

    private EncoderValueTypes() {}

    /** {@code int} or {@code long} (or {@code float}/{@code double}) for an integer-like wire type. */
    public static TypeName numberType(WireType type) {
        WireType.Int base = intBase(type);
        if (base == null) {
            return TypeName.LONG; // lenenc, ascii_int
        }
        return numberType(base.kind());
    }

    public static TypeName numberType(IntKind kind) {
        return switch (kind) {
            case U8, I8, U16, I16, U24, I24, I32 -> TypeName.INT;
            case F32 -> TypeName.FLOAT;
            case F64 -> TypeName.DOUBLE;
            default -> TypeName.LONG;
        };
    }

    /** The fixed-width integer under an int, enum or flags type, or {@code null}. */
    public static WireType.Int intBase(WireType type) {
        if (type instanceof WireType.Int i) {
            return i;
        }
        if (type instanceof WireType.EnumRef e) {
            return e.base();
        }
        if (type instanceof WireType.FlagsRef f) {
            return f.base();
        }
        return null;
    }

    /** Integers, enums, flags, lenenc and ascii_int: values the encoder keeps for later expressions. */
    public static boolean isIntegral(WireType type) {
        WireType.Int base = intBase(type);
        return base != null ? !base.kind().floating() : type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt;
    }

    public static boolean isByteLike(WireType type) {
        return type instanceof WireType.Bytes || type instanceof WireType.Text;
    }
}
