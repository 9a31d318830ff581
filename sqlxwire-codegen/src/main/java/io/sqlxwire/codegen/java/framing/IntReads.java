package io.sqlxwire.codegen.java.framing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.session.JExpr;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;

/** How a fixed-width number is read from a {@code WireBuffer}, and the Java type the read gives. */
public final class IntReads {

    private IntReads() {}

    /** The integer a field of this type is stored as, or {@code null} when it is no integer. */
    public static WireType.Int intOf(WireType type) {
        if (type instanceof WireType.Int i) {
            return i;
        } else if (type instanceof WireType.EnumRef e) {
            return e.base();
        } else if (type instanceof WireType.FlagsRef f) {
            return f.base();
        }
        return null;
    }

    /** {@code buffer.u16be(offset)}, typed as the buffer method returns it. */
    public static JExpr read(WireType.Int type, CodeBlock buffer, CodeBlock offset, Endian defaultOrder) {
        IntKind kind = type.kind();
        String method = kind.idlName();
        if (kind.size() > 1) {
            Endian order = type.order() == null ? defaultOrder : type.order();
            method += order == Endian.LITTLE ? "le" : "be";
        }
        return new JExpr(CodeBlock.of("$L.$L($L)", buffer, method, offset), returned(kind));
    }

    private static TypeName returned(IntKind kind) {
        return switch (kind) {
            case I8 -> TypeName.BYTE;
            case I16 -> TypeName.SHORT;
            case U32, U64, I64 -> TypeName.LONG;
            case F32 -> TypeName.FLOAT;
            case F64 -> TypeName.DOUBLE;
            default -> TypeName.INT;
        };
    }
}
