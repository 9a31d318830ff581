package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The arbitrary of one wire value, as a Java expression of type {@code Arbitrary<T>} (T the record
 * component type): integers within their wire range, text of characters the charset encodes and
 * without the terminator, byte strings and lists of the size an extent demands, NULL where the
 * wire can say NULL, nested structs through their own arbitraries.
 */
final class ValueArbitraries {

    static final ClassName ARBITRARIES = ClassName.get("net.jqwik.api", "Arbitraries");

    private final GenerationContext context;
    private final RecordShape owner;
    private final ExpressionCode expressions;
    private final Set<String> freeExtentFields;
    private final OpenEnds openEnds;

    /**
     * @param freeExtentFields fields whose count or length the encoder derives: an extent reading
     *                         only them leaves the size free
     */
    ValueArbitraries(GenerationContext context, RecordShape owner, ExpressionCode expressions, Set<String> freeExtentFields) {
        this.context = context;
        this.owner = owner;
        this.expressions = expressions;
        this.freeExtentFields = freeExtentFields;
        this.openEnds = new OpenEnds(context);
    }

    /** @param allowNull whether NULL may be generated where the type can say NULL */
    CodeBlock of(WireType type, boolean allowNull) {
        return of(type, allowNull, false);
    }

    /**
     * @param allowNull whether NULL may be generated where the type can say NULL
     * @param closed    whether something follows the value in its region, so that it must not
     *                  end open ({@link OpenEnds})
     */
    CodeBlock of(WireType type, boolean allowNull, boolean closed) {
        if (type instanceof WireType.Array array) {
            return array(array, closed);
        }
        CodeBlock arbitrary = single(type, allowNull);
        return closed ? closedOnly(arbitrary, openEnds.test(type, CodeBlock.of("candidate"))) : arbitrary;
    }

    /** Only the values that do not end open; values that always do are left alone (nothing to choose). */
    static CodeBlock closedOnly(CodeBlock arbitrary, CodeBlock open) {
        if (open == null || open == OpenEnds.ALWAYS) {
            return arbitrary;
        }
        return CodeBlock.of("$L.filter(candidate -> !$L)", arbitrary, open);
    }

    /** A value that is not a list. */
    private CodeBlock single(WireType type, boolean allowNull) {
        if (type instanceof WireType.Int i) {
            return integer(i.kind());
        }
        if (type instanceof WireType.LenEnc) {
            CodeBlock code = CodeBlock.of("$T.longs().between(0L, $T.MAX_VALUE)", ARBITRARIES, Long.class);
            return allowNull ? CodeBlock.of("$L.injectNull(0.1)", code) : code;
        }
        if (type instanceof WireType.AsciiInt) {
            return CodeBlock.of("$T.longs()", ARBITRARIES);
        }
        if (type instanceof WireType.EnumRef e) {
            return CodeBlock.of("$L()", ArbitraryNames.method(e.name()));
        }
        if (type instanceof WireType.FlagsRef f) {
            return CodeBlock.of("$L()", ArbitraryNames.method(f.name()));
        }
        if (type instanceof WireType.Text text) {
            return nullable(text(text), type, allowNull);
        }
        if (type instanceof WireType.Bytes bytes) {
            return nullable(bytes(bytes.extent()), type, allowNull);
        }
        if (type instanceof WireType.Bitmap bitmap) {
            return CodeBlock.of("bitSets($L)", expressions.asInt(bitmap.bits()));
        }
        if (type instanceof WireType.StructRef struct) {
            return struct(struct);
        }
        throw new UnsupportedShapeException("values of " + type.getClass().getSimpleName());
    }

    /** Integers of a wire type that are used as a count or size later: small, never negative. */
    static CodeBlock smallInteger(WireType type) {
        TypeName raw = JavaValueTypes.rawNumber(type);
        return TypeName.LONG.equals(raw)
                ? CodeBlock.of("$T.longs().between(0L, $L)", ARBITRARIES, ArbitraryNames.MAX_ELEMENTS)
                : CodeBlock.of("$T.integers().between(0, $L)", ARBITRARIES, ArbitraryNames.MAX_ELEMENTS);
    }

    /** {@code Arbitraries.longs()} or {@code Arbitraries.integers()}, as the type's raw number needs. */
    static CodeBlock integerKind(WireType type) {
        return TypeName.LONG.equals(JavaValueTypes.rawNumber(type)) ? CodeBlock.of("$T.longs()", ARBITRARIES)
                : CodeBlock.of("$T.integers()", ARBITRARIES);
    }

    static CodeBlock integer(IntKind kind) {
        return switch (kind) {
            case U8 -> CodeBlock.of("$T.integers().between(0, 255)", ARBITRARIES);
            case I8 -> CodeBlock.of("$T.integers().between(-128, 127)", ARBITRARIES);
            case U16 -> CodeBlock.of("$T.integers().between(0, 65535)", ARBITRARIES);
            case I16 -> CodeBlock.of("$T.integers().between(-32768, 32767)", ARBITRARIES);
            case U24 -> CodeBlock.of("$T.integers().between(0, 16777215)", ARBITRARIES);
            case I24 -> CodeBlock.of("$T.integers().between(-8388608, 8388607)", ARBITRARIES);
            case I32 -> CodeBlock.of("$T.integers()", ARBITRARIES);
            case U32 -> CodeBlock.of("$T.longs().between(0L, 4294967295L)", ARBITRARIES);
            case I64, U64 -> CodeBlock.of("$T.longs()", ARBITRARIES);
            case F32 -> CodeBlock.of("$T.floats()", ARBITRARIES);
            case F64 -> CodeBlock.of("$T.doubles()", ARBITRARIES);
        };
    }

    private static CodeBlock nullable(CodeBlock code, WireType type, boolean allowNull) {
        return allowNull && JavaValueTypes.isNullable(type) ? CodeBlock.of("$L.injectNull(0.1)", code) : code;
    }

    private CodeBlock text(WireType.Text text) {
        TextEncoding encoding = text.encoding();
        int unit = encoding.unitSize();
        Extent extent = text.extent();
        CodeBlock exact = exactSize(extent);
        if (exact != null) {
            // A size in bytes: one byte per character in every single-byte charset, so ASCII letters only.
            CodeBlock length = unit == 1 ? exact : CodeBlock.of("$L / $L", exact, unit);
            return CodeBlock.of("$T.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength($L)",
                    ARBITRARIES, length);
        }
        CodeBlock chars = characters(encoding);
        if (extent instanceof Extent.Terminated terminated) {
            chars = CodeBlock.of("$L.excludeChars($L)", chars, charList(terminated.terminator()));
        }
        return CodeBlock.of("$L.ofMaxLength($L)", chars, ArbitraryNames.MAX_BYTES);
    }

    /** Characters every decoder gives back unchanged: no unpaired surrogates, and only what the charset has. */
    private static CodeBlock characters(TextEncoding encoding) {
        return switch (encoding) {
            case UTF8, UTF16LE, UTF16BE -> CodeBlock.of(
                    "$T.strings().withCharRange((char) 0x00, (char) 0x7f).withCharRange((char) 0xa0, (char) 0x17f)"
                            + ".withCharRange((char) 0x391, (char) 0x3c9).withCharRange((char) 0x4e00, (char) 0x4e2f)",
                    ARBITRARIES);
            case ASCII -> CodeBlock.of("$T.strings().ascii()", ARBITRARIES);
            case LATIN1 -> CodeBlock.of("$T.strings().withCharRange((char) 0x00, (char) 0xff)", ARBITRARIES);
            case CP500, CP037 -> CodeBlock.of("$T.strings().alpha().numeric().withChars(' ', '.', ',')", ARBITRARIES);
        };
    }

    private static CodeBlock charList(ByteString terminator) {
        List<CodeBlock> chars = new ArrayList<>();
        for (int i = 0; i < terminator.length(); i++) {
            CodeBlock c = CodeBlock.of("(char) 0x$L", Integer.toHexString(terminator.byteAt(i)));
            if (!chars.contains(c)) {
                chars.add(c);
            }
        }
        return CodeBlock.join(chars, ", ");
    }

    private CodeBlock bytes(Extent extent) {
        CodeBlock exact = exactSize(extent);
        if (exact != null) {
            return CodeBlock.of("$T.bytes().array(byte[].class).ofSize($L)", ARBITRARIES, exact);
        }
        if (extent instanceof Extent.Terminated terminated) {
            return CodeBlock.of("$T.bytes().filter(b -> b != (byte) 0x$L).array(byte[].class).ofMaxSize($L)", ARBITRARIES,
                    Integer.toHexString(terminated.terminator().byteAt(0)), ArbitraryNames.MAX_BYTES);
        }
        return CodeBlock.of("$T.bytes().array(byte[].class).ofMaxSize($L)", ARBITRARIES, ArbitraryNames.MAX_BYTES);
    }

    /** The size an extent demands, or {@code null} when the encoder derives it from the value. */
    private CodeBlock exactSize(Extent extent) {
        if (extent instanceof Extent.Fixed fixed) {
            return CodeBlock.of("$L", fixed.value());
        }
        if (extent instanceof Extent.Computed computed) {
            if (readsOnlyDerived(computed.value())) {
                return null;
            }
            return expressions.asInt(computed.value());
        }
        return null;
    }

    boolean readsOnlyDerived(TypedExpr expr) {
        List<TypedExpr.FieldRef> refs = Exprs.fieldRefs(expr);
        return !refs.isEmpty() && refs.stream().allMatch(r -> freeExtentFields.contains(r.path().get(0)))
                && !Exprs.readsBeyondFields(expr);
    }

    private CodeBlock struct(WireType.StructRef ref) {
        StructModel struct = context.model().struct(ref.name()).orElseThrow();
        List<CodeBlock> arguments = new ArrayList<>();
        for (int i = 0; i < ref.arguments().size(); i++) {
            TypeName type = RecordShape.parameterType(struct.parameters().get(i));
            TypedExpr argument = ref.arguments().get(i);
            arguments.add(TypeName.INT.equals(type) ? expressions.asInt(argument) : expressions.code(argument));
        }
        RecordShape target = RecordShape.all(context).stream().filter(s -> s.idlName().equals(ref.name())).findFirst()
                .orElseThrow();
        if (target.needsSession()) {
            arguments.add(CodeBlock.of("session"));
        }
        if (struct.recursive()) {
            arguments.add(CodeBlock.of(owner.recursive() ? "depth - 1" : ArbitraryNames.MAX_DEPTH));
            return CodeBlock.of("$T.lazy(() -> $L($L))", ARBITRARIES, ArbitraryNames.method(ref.name()),
                    CodeBlock.join(arguments, ", "));
        }
        return CodeBlock.of("$L($L)", ArbitraryNames.method(ref.name()), CodeBlock.join(arguments, ", "));
    }

    /**
     * A list: of the size its count demands, else of up to {@code MAX_ELEMENTS}. Elements that end
     * open take every byte after them, so only the last element of a list of free size may, and
     * none when the list is ended by a terminator, has a fixed size or is followed by more fields.
     */
    private CodeBlock array(WireType.Array array, boolean closed) {
        WireType element = array.element();
        boolean indexed = element instanceof WireType.StructRef s && s.arguments().stream().anyMatch(Exprs::readsIndex);
        Extent count = array.count();
        CodeBlock size = count instanceof Extent.Fixed f ? CodeBlock.of("$L", f.value())
                : count instanceof Extent.Computed c && !readsOnlyDerived(c.value()) ? expressions.asInt(c.value()) : null;
        CodeBlock open = openEnds.test(element, CodeBlock.of("candidate"));
        boolean lastMayBeOpen = !closed && size == null && !indexed && !(count instanceof Extent.Terminated);
        CodeBlock elements = of(element, true);
        if (!lastMayBeOpen) {
            elements = closedOnly(elements, open);
        }
        if (indexed) {
            if (size == null) {
                throw new UnsupportedShapeException("element arguments reading _index in a list of free size");
            }
            return CodeBlock.of("indexed($L, index -> $L)", size, elements);
        }
        if (count instanceof Extent.Terminated terminated) {
            elements = notStartingWith(elements, element, terminated.terminator());
        }
        if (size != null) {
            return CodeBlock.of("$L.list().ofSize($L)", elements, size);
        }
        CodeBlock list = CodeBlock.of("$L.list().ofMaxSize($L)", elements, ArbitraryNames.MAX_ELEMENTS);
        return lastMayBeOpen && open != null ? CodeBlock.of("throughFirstOpen($L, candidate -> $L)", list, open) : list;
    }

    /** Elements of a list ended by a terminator must not look like the terminator themselves. */
    private CodeBlock notStartingWith(CodeBlock elements, WireType element, ByteString terminator) {
        CodeBlock bytes = CodeBlock.of("new byte[] {$L}", byteList(terminator));
        if (element instanceof WireType.StructRef ref) {
            RecordShape target = RecordShape.all(context).stream().filter(s -> s.idlName().equals(ref.name()))
                    .findFirst().orElseThrow();
            if (!target.parameters().isEmpty()) {
                throw new UnsupportedShapeException("a terminated list of parameterised structs");
            }
            return CodeBlock.of("$L.filter(e -> !startsWith(e.encode($L), $L))", elements,
                    target.needsSession() ? "session" : "", bytes);
        }
        if (element instanceof WireType.Text || element instanceof WireType.Bytes) {
            // The element's own terminator follows its bytes: an empty C string is a lone NUL.
            Extent own = JavaValueTypes.extentOf(element);
            CodeBlock then = own instanceof Extent.Terminated t
                    ? CodeBlock.of("new byte[] {$L}", byteList(t.terminator())) : CodeBlock.of("new byte[0]");
            CodeBlock value = element instanceof WireType.Text text
                    ? CodeBlock.of("e.getBytes($L)", JavaValueTypes.charset(text.encoding())) : CodeBlock.of("e");
            return CodeBlock.of("$L.filter(e -> !startsWith($L, $L, $L))", elements, value, then, bytes);
        }
        throw new UnsupportedShapeException("a terminated list of " + element.getClass().getSimpleName());
    }

    static String byteList(ByteString bytes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < bytes.length(); i++) {
            parts.add("(byte) 0x" + Integer.toHexString(bytes.byteAt(i)));
        }
        return String.join(", ", parts);
    }
}
