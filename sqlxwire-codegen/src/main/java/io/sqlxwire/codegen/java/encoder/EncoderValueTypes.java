package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;

/**
 * What the encoders need to know about wire values beyond the shared mapping: the Java types come
 * from {@link JavaValueTypes} (CODEGEN.md "Java value types"), so setters take exactly what
 * decoders return and records hold.
 */
public final class EncoderValueTypes {

    private EncoderValueTypes() {}

    /** {@code int} or {@code long} (or {@code float}/{@code double}) for an integer-like wire type. */
    public static TypeName numberType(WireType type) {
        TypeName raw = JavaValueTypes.rawNumber(type);
        if (raw == null) {
            throw new IllegalArgumentException("not a number: " + type);
        }
        return raw;
    }

    public static TypeName numberType(IntKind kind) {
        return JavaValueTypes.primitive(kind);
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

    /** Bytes and text: values the user supplies (padding, byte-like too, is the encoder's own). */
    public static boolean isByteLike(WireType type) {
        return type instanceof WireType.Bytes || type instanceof WireType.Text;
    }
}
