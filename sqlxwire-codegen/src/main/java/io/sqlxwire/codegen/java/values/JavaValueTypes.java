package io.sqlxwire.codegen.java.values;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.WireType;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * The Java types of wire values (the table "Java value types" in CODEGEN.md), in one place so that
 * decoders, records, encoders and arbitraries agree.
 */
public final class JavaValueTypes {

    private JavaValueTypes() {}

    /** {@code u32}, {@code i64} and {@code u64} need a {@code long}; narrower integers fit an {@code int}. */
    public static boolean needsLong(IntKind kind) {
        return kind == IntKind.U32 || kind == IntKind.I64 || kind == IntKind.U64;
    }

    /** The primitive that holds a fixed-width number: int, long, float or double. */
    public static TypeName primitive(IntKind kind) {
        if (kind == IntKind.F32) {
            return TypeName.FLOAT;
        }
        if (kind == IntKind.F64) {
            return TypeName.DOUBLE;
        }
        return needsLong(kind) ? TypeName.LONG : TypeName.INT;
    }

    /** Whether the value is a run of bytes (bytes, text, padding). */
    public static boolean isByteLike(WireType type) {
        return type instanceof WireType.Bytes || type instanceof WireType.Text || type instanceof WireType.Padding;
    }

    /** The extent of a byte-like type. */
    public static Extent extentOf(WireType type) {
        if (type instanceof WireType.Bytes b) {
            return b.extent();
        }
        if (type instanceof WireType.Text t) {
            return t.extent();
        }
        if (type instanceof WireType.Padding p) {
            return p.extent();
        }
        throw new IllegalArgumentException("not byte-like: " + type);
    }

    /** Whether a decoded value may be NULL: a prefix with a NULL marker, or a MySQL length-encoded prefix. */
    public static boolean isNullable(WireType type) {
        if (type instanceof WireType.LenEnc) {
            return true;
        }
        if (!isByteLike(type)) {
            return false;
        }
        return extentOf(type) instanceof Extent.Prefixed p
                && (p.nullMarker() != null || p.lengthType() instanceof WireType.LenEnc);
    }

    /** The raw numeric type a decoder returns for integers, enums and flags; {@code null} for other types. */
    public static TypeName rawNumber(WireType type) {
        if (type instanceof WireType.Int i) {
            return primitive(i.kind());
        }
        if (type instanceof WireType.EnumRef e) {
            return primitive(e.base().kind());
        }
        if (type instanceof WireType.FlagsRef f) {
            return primitive(f.base().kind());
        }
        if (type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt) {
            return TypeName.LONG;
        }
        return null;
    }

    public static ClassName enumClass(GenerationContext context, String idlName) {
        return ClassName.get(context.javaPackage(), context.naming().type(idlName));
    }

    public static ClassName recordClass(GenerationContext context, String idlName) {
        return ClassName.get(context.javaPackage(), context.naming().type(idlName));
    }

    public static ClassName decoderClass(GenerationContext context, String idlName) {
        return ClassName.get(context.javaPackage(), context.naming().type(idlName) + "Decoder");
    }

    public static ClassName encoderClass(GenerationContext context, String idlName) {
        return ClassName.get(context.javaPackage(), context.naming().type(idlName) + "Encoder");
    }

    /** The sealed interface of a union field's record values: {@code AuthenticationBody}. */
    public static ClassName unionInterface(GenerationContext context, String ownerIdlName, String fieldIdlName) {
        return ClassName.get(context.javaPackage(), context.naming().type(ownerIdlName) + Naming.pascal(fieldIdlName));
    }

    /**
     * The record component (and encoder argument) type of a wire value; {@code null} for types
     * that carry no value ({@code empty}, padding) or for unions, whose type depends on the owner
     * ({@link #unionInterface}).
     */
    public static TypeName recordType(GenerationContext context, WireType type) {
        if (type instanceof WireType.Int || type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt) {
            return rawNumber(type);
        }
        if (type instanceof WireType.EnumRef e) {
            return enumClass(context, e.name());
        }
        if (type instanceof WireType.FlagsRef f) {
            return enumClass(context, f.name());
        }
        if (type instanceof WireType.Text) {
            return ClassName.get(String.class);
        }
        if (type instanceof WireType.Bytes) {
            return TypeName.get(byte[].class);
        }
        if (type instanceof WireType.Bitmap) {
            return ClassName.get(BitSet.class);
        }
        if (type instanceof WireType.StructRef s) {
            return recordClass(context, s.name());
        }
        if (type instanceof WireType.Bool) {
            return TypeName.BOOLEAN;
        }
        if (type instanceof WireType.Array a) {
            TypeName element = recordType(context, a.element());
            return element == null ? null : ParameterizedTypeName.get(ClassName.get(List.class), element.box());
        }
        if (type instanceof WireType.ListOf l) {
            TypeName element = recordType(context, l.element());
            return element == null ? null : ParameterizedTypeName.get(ClassName.get(List.class), element.box());
        }
        return null;
    }

    /** The expression of the JDK charset for a text encoding. */
    public static CodeBlock charset(TextEncoding encoding) {
        return switch (encoding) {
            case UTF8 -> CodeBlock.of("$T.UTF_8", StandardCharsets.class);
            case ASCII -> CodeBlock.of("$T.US_ASCII", StandardCharsets.class);
            case LATIN1 -> CodeBlock.of("$T.ISO_8859_1", StandardCharsets.class);
            case UTF16LE -> CodeBlock.of("$T.UTF_16LE", StandardCharsets.class);
            case UTF16BE -> CodeBlock.of("$T.UTF_16BE", StandardCharsets.class);
            case CP500 -> CodeBlock.of("$T.cp500()", RuntimeTypes.CHARSETS);
            case CP037 -> CodeBlock.of("$T.cp037()", RuntimeTypes.CHARSETS);
        };
    }

    /** The JDK charset itself, for encoding text constants while generating. */
    public static java.nio.charset.Charset jdkCharset(TextEncoding encoding) {
        return java.nio.charset.Charset.forName(encoding.javaName());
    }
}
