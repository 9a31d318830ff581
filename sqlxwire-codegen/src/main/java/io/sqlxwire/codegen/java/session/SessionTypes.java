package io.sqlxwire.codegen.java.session;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.WireType;
import java.util.List;

/**
 * The Java types of session variables (CODEGEN.md: the record column of the type table) and how
 * a number becomes one of them. Enums and flags are the generated value records; their numeric
 * value is {@code value()} and {@code bits()}.
 */
public final class SessionTypes {

    public static final ClassName INT_LIST = ClassName.get("io.sqlxwire.runtime.session", "IntList");
    public static final ClassName LONG_LIST = ClassName.get("io.sqlxwire.runtime.session", "LongList");

    private final GenerationContext context;

    public SessionTypes(GenerationContext context) {
        this.context = context;
    }

    public TypeName javaType(WireType type) {
        if (type instanceof WireType.Int i) {
            return intType(i.kind());
        } else if (type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt) {
            return TypeName.LONG;
        } else if (type instanceof WireType.Bool) {
            return TypeName.BOOLEAN;
        } else if (type instanceof WireType.EnumRef e) {
            return valueClass(e.name());
        } else if (type instanceof WireType.FlagsRef f) {
            return valueClass(f.name());
        } else if (type instanceof WireType.Text) {
            return ClassName.get(String.class);
        } else if (type instanceof WireType.Bytes) {
            return TypeName.get(byte[].class);
        } else if (type instanceof WireType.ListOf l) {
            ClassName primitive = primitiveList(l.element());
            return primitive != null ? primitive
                    : ParameterizedTypeName.get(ClassName.get(List.class), javaType(l.element()).box());
        }
        throw new UnsupportedOperationException("session variables of type " + type + " are not supported");
    }

    /** Integers as the decoders return them: {@code long} from u32 up, {@code int} below, floats as floats. */
    public static TypeName intType(IntKind kind) {
        return JavaValueTypes.primitive(kind);
    }

    public ClassName valueClass(String enumName) {
        return JavaValueTypes.enumClass(context, enumName);
    }

    /** The raw number type of an enum's {@code value()} or a flag set's {@code bits()}. */
    public TypeName rawType(String enumName) {
        EnumModel model = context.model().enumeration(enumName)
                .orElseThrow(() -> new IllegalStateException("no enum or flags " + enumName));
        // Flags keep their bits in a long whatever the base (the flags class's component and masks).
        return model.flags() ? TypeName.LONG : JavaValueTypes.primitive(model.base().kind());
    }

    /** The type of a flags class's mask constants: the same as its bits. */
    public TypeName flagMaskType(String flagsName) {
        return rawType(flagsName);
    }

    /** Whether the variable's value is a generated enum or flags record (read through value()/bits()). */
    public static String rawAccessor(WireType type) {
        if (type instanceof WireType.EnumRef) {
            return "value";
        } else if (type instanceof WireType.FlagsRef) {
            return "bits";
        }
        return null;
    }

    /**
     * The runtime's {@code IntList} or {@code LongList} for a list of numbers (integers, raw enum
     * values, flag bits), null for other elements (kept in a {@code List}). Decoders index such a
     * list per element of every message (MySQL's column types per binary-row value): a primitive
     * array lookup instead of a boxed element and a {@code value()} call.
     */
    public ClassName primitiveList(WireType element) {
        TypeName raw = listElementRaw(element);
        if (TypeName.INT.equals(raw)) {
            return INT_LIST;
        }
        return TypeName.LONG.equals(raw) ? LONG_LIST : null;
    }

    /** The element type of a primitive list ({@link #primitiveList}): int or long; null for other lists. */
    public TypeName listElementRaw(WireType element) {
        if (element instanceof WireType.EnumRef e) {
            return rawType(e.name());
        } else if (element instanceof WireType.FlagsRef f) {
            return rawType(f.name());
        } else if (element instanceof WireType.LenEnc || element instanceof WireType.AsciiInt) {
            return TypeName.LONG;
        } else if (element instanceof WireType.Int i && !i.kind().floating()) {
            return intType(i.kind());
        }
        return null;
    }

    public static boolean isList(SessionVariable variable) {
        return variable.type() instanceof WireType.ListOf;
    }
}
