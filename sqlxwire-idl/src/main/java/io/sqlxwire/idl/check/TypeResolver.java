package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a written type to a {@link WireType}: built-in types with their arguments and extents,
 * declared enums, flags and structs (with arguments checked against the struct's parameters),
 * arrays, and unions (delegated to {@link UnionChecker}). Returns {@code null} after reporting a
 * type that cannot be resolved.
 */
final class TypeResolver {

    /** Where a type is written decides what it may be. */
    enum Use { FIELD, PARAMETER, SESSION, LENGTH_PREFIX }

    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final UnionChecker unions;

    TypeResolver(CheckContext ctx, ExprChecker exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.unions = new UnionChecker(ctx, exprs, this);
    }

    WireType resolve(TypeRef ref, Scope scope, Use use, String fieldName) {
        if (ref instanceof TypeRef.Switch s) {
            if (use != Use.FIELD) {
                ctx.error(s.span(), "a union (switch) can only be the type of a field");
                return null;
            }
            return unions.check(s, scope, fieldName);
        }
        TypeRef.Named named = (TypeRef.Named) ref;
        List<TypeRef.Suffix> suffixes = new ArrayList<>(named.suffixes());
        String name = named.name().text();
        WireType base;
        if (BuiltinTypes.BYTE_LIKE.contains(name)) {
            base = byteLike(named, suffixes, scope, use, fieldName);
        } else {
            // The arguments of an array's element type may name the element's index.
            boolean array = suffixes.stream().anyMatch(TypeRef.Brackets.class::isInstance);
            base = scalar(named, array ? scope.withIndex() : scope, use, fieldName);
            if (base instanceof WireType.AsciiInt && !suffixes.isEmpty() && suffixes.get(0) instanceof TypeRef.Until until) {
                suffixes.remove(0);
                base = terminator(until, 1).map(WireType.AsciiInt::new).orElse(null);
            }
        }
        if (base == null) {
            return null;
        }
        return arrays(base, named, suffixes, scope, use, fieldName);
    }

    // ------------------------------------------------------------------ scalars and named types

    private WireType scalar(TypeRef.Named named, Scope scope, Use use, String fieldName) {
        String name = named.name().text();
        Optional<WireType.Int> integer = BuiltinTypes.integer(name, ctx.byteOrder());
        if (integer.isPresent()) {
            noArguments(named);
            return integer.get();
        }
        switch (name) {
            case BuiltinTypes.LENENC -> {
                noArguments(named);
                return new WireType.LenEnc();
            }
            case BuiltinTypes.ASCII_INT -> {
                noArguments(named);
                return new WireType.AsciiInt(ByteString.ofLatin1("\r\n"));
            }
            case BuiltinTypes.EMPTY -> {
                noArguments(named);
                return new WireType.Empty();
            }
            case BuiltinTypes.BOOL -> {
                noArguments(named);
                if (use == Use.FIELD || use == Use.LENGTH_PREFIX) {
                    ctx.error(named.name().span(), "bool is not a wire type; it is for parameters, lets and session "
                            + "variables (use u8 with a comparison, or a flags type)");
                    return null;
                }
                return new WireType.Bool();
            }
            case BuiltinTypes.BITMAP -> {
                return bitmap(named, scope);
            }
            default -> {
                return declared(named, scope, fieldName);
            }
        }
    }

    private WireType declared(TypeRef.Named named, Scope scope, String fieldName) {
        String name = named.name().text();
        Decl decl = ctx.symbols.types.get(name);
        if (decl instanceof Decl.Enum || decl instanceof Decl.Flags) {
            noArguments(named);
            EnumModel e = ctx.enums.get(name);
            if (e == null) {
                return null; // its base type was wrong; reported there
            }
            return e.flags() ? new WireType.FlagsRef(name, e.base()) : new WireType.EnumRef(name, e.base());
        }
        if (decl instanceof Decl.Struct s) {
            List<TypedExpr> args = structArguments(named, s, scope);
            if (args == null) {
                return null;
            }
            Optional<StructModel> model = ctx.structs().resolve(name, named.name().span());
            return new WireType.StructRef(name, args, model.map(m -> m.layout().fixedSize()).orElse(java.util.OptionalLong.empty()));
        }
        if (decl instanceof Decl.Message) {
            ctx.error(named.name().span(), "'" + name + "' is a message; a field's type must be a struct, enum, flags "
                    + "or built-in type (declare the shared part as a struct)");
            return null;
        }
        if (ctx.symbols.unparsed.contains(name)) {
            return null; // its declaration has a syntax error, reported already
        }
        Set<String> known = new LinkedHashSet<>(BuiltinTypes.names());
        ctx.symbols.types.forEach((typeName, d) -> {
            if (!(d instanceof Decl.Message)) {
                known.add(typeName);
            }
        });
        ctx.error(named.name().span(), "unknown type '" + name + "'" + Suggestions.hint(name, known));
        return null;
    }

    private List<TypedExpr> structArguments(TypeRef.Named named, Decl.Struct struct, Scope scope) {
        List<Decl.Parameter> params = struct.parameters();
        List<Argument> args = named.hasArguments() ? named.arguments() : List.of();
        if (args.size() != params.size()) {
            ctx.error(named.span(), "struct " + struct.name().text() + " takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + " (" + String.join(", ", params.stream().map(p -> p.name().text()).toList())
                    + ") but " + args.size() + (args.size() == 1 ? " is" : " are") + " given");
            return null;
        }
        List<Parameter> resolved = ctx.structs().parameters(struct.name().text());
        List<TypedExpr> typed = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Argument arg = args.get(i);
            if (arg.isNamed() && !arg.name().text().equals(params.get(i).name().text())) {
                ctx.error(arg.name().span(), "argument " + (i + 1) + " of " + struct.name().text() + " is '"
                        + params.get(i).name().text() + "', not '" + arg.name().text() + "'");
            }
            ExprType expected = resolved == null || i >= resolved.size() ? null : resolved.get(i).exprType();
            TypedExpr value = exprs.check(arg.value(), scope, expected);
            if (expected != null && !ExprTypes.assignable(expected, value.type())) {
                ctx.error(arg.value().span(), "type mismatch: parameter '" + params.get(i).name().text() + "' of "
                        + struct.name().text() + " is " + expected.describe() + ", but the argument is " + value.type().describe());
            }
            typed.add(value);
        }
        return typed;
    }

    private WireType bitmap(TypeRef.Named named, Scope scope) {
        List<Argument> args = named.hasArguments() ? named.arguments() : List.of();
        if (args.isEmpty() || args.size() > 2 || args.get(0).isNamed()
                || args.size() == 2 && (!args.get(1).isNamed() || !args.get(1).name().text().equals("offset"))) {
            ctx.error(named.span(), "bitmap takes a bit count and an optional offset: bitmap(column_count, offset = 2)");
            return null;
        }
        TypedExpr bits = exprs.expectInt(args.get(0).value(), scope, "the bit count of a bitmap");
        int offset = 0;
        if (args.size() == 2) {
            Optional<BigInteger> value = exprs.constantInt(args.get(1).value(), scope, null, "the offset of a bitmap");
            if (value.isPresent()) {
                if (value.get().signum() < 0 || value.get().compareTo(BigInteger.valueOf(64)) > 0) {
                    ctx.error(args.get(1).value().span(), "the offset of a bitmap must be from 0 to 64 bits");
                } else {
                    offset = value.get().intValue();
                }
            }
        }
        return new WireType.Bitmap(bits, offset);
    }

    private void noArguments(TypeRef.Named named) {
        if (named.hasArguments()) {
            ctx.error(named.span(), "type '" + named.name().text() + "' takes no arguments");
        }
    }

    // ------------------------------------------------------------------ byte-like types

    private WireType byteLike(TypeRef.Named named, List<TypeRef.Suffix> suffixes, Scope scope, Use use, String fieldName) {
        String name = named.name().text();
        TextEncoding encoding = ctx.charset();
        if (name.equals(BuiltinTypes.TEXT) || name.equals(BuiltinTypes.CSTRING)) {
            encoding = charsetArgument(named).orElse(encoding);
        } else {
            noArguments(named);
        }
        Extent extent;
        if (name.equals(BuiltinTypes.CSTRING)) {
            extent = new Extent.Terminated(ByteString.of(new byte[encoding.unitSize()]));
        } else if (suffixes.isEmpty() && (use == Use.PARAMETER || use == Use.SESSION)) {
            // Not on the wire (a parameter, let or session variable): the value is whole, it has no extent to read.
            extent = new Extent.Rest();
        } else if (suffixes.isEmpty()) {
            ctx.error(named.span(), "the size of " + subject(fieldName) + " can never be known: " + name
                    + " needs a size [n], a terminator (until ...), 'rest' or a length prefix (prefix(u32))");
            return null;
        } else {
            extent = extent(suffixes.remove(0), scope, encoding.unitSize(), name, fieldName, false);
            if (extent == null) {
                return null;
            }
        }
        return switch (name) {
            case BuiltinTypes.BYTES -> new WireType.Bytes(extent);
            case BuiltinTypes.PAD -> padding(extent, named.span());
            default -> new WireType.Text(encoding, extent);
        };
    }

    private WireType padding(Extent extent, SourceSpan span) {
        if (extent instanceof Extent.Prefixed || extent instanceof Extent.Terminated) {
            ctx.error(span, "padding needs a size [n] or 'rest'");
            return null;
        }
        return new WireType.Padding(extent);
    }

    private Optional<TextEncoding> charsetArgument(TypeRef.Named named) {
        if (!named.hasArguments()) {
            return Optional.empty();
        }
        List<Argument> args = named.arguments();
        if (args.size() != 1 || args.get(0).isNamed() || !(args.get(0).value() instanceof Expr.NameRef charset)) {
            ctx.error(named.span(), named.name().text() + " takes one charset: " + named.name().text() + "(latin1)");
            return Optional.empty();
        }
        Optional<TextEncoding> encoding = TextEncoding.byIdlName(charset.name().text());
        if (encoding.isEmpty()) {
            List<String> known = java.util.Arrays.stream(TextEncoding.values()).map(TextEncoding::idlName).toList();
            ctx.error(charset.span(), "unknown charset '" + charset.name().text() + "'" + Suggestions.hint(charset.name().text(), known)
                    + " (known: " + String.join(", ", known) + ")");
        }
        return encoding;
    }

    /**
     * The extent a suffix describes.
     *
     * @param elements whether it counts array elements (otherwise bytes)
     */
    private Extent extent(TypeRef.Suffix suffix, Scope scope, int unitSize, String typeName, String fieldName,
                          boolean elements) {
        if (suffix instanceof TypeRef.Brackets b) {
            if (b.expr() == null) {
                ctx.error(b.span(), "the " + (elements ? "element count" : "size") + " of " + subject(fieldName)
                        + " can never be known: '[]' needs 'until ...', 'rest' or 'prefix(...)' after it");
                return null;
            }
            TypedExpr size = exprs.expectInt(b.expr(), scope, elements ? "an element count" : "a size");
            Optional<BigInteger> constant = Constants.integer(size);
            if (constant.isPresent()) {
                if (constant.get().signum() < 0 || constant.get().bitLength() > 31) {
                    ctx.error(b.expr().span(), "the " + (elements ? "element count" : "size") + " of " + subject(fieldName)
                            + " must be from 0 to " + Integer.MAX_VALUE + ", not " + constant.get());
                    return null;
                }
                if (!elements && constant.get().intValue() % unitSize != 0) {
                    ctx.error(b.expr().span(), "the size of " + subject(fieldName) + " must be a multiple of "
                            + unitSize + " bytes for its charset");
                }
                return new Extent.Fixed(constant.get().longValue());
            }
            return new Extent.Computed(size);
        }
        if (suffix instanceof TypeRef.Until u) {
            return terminator(u, elements ? 1 : unitSize).map(Extent.Terminated::new).orElse(null);
        }
        if (suffix instanceof TypeRef.Rest) {
            return new Extent.Rest();
        }
        TypeRef.Prefix p = (TypeRef.Prefix) suffix;
        WireType lengthType = resolve(p.lengthType(), Scope.constants(), Use.LENGTH_PREFIX, fieldName);
        if (lengthType == null) {
            return null;
        }
        if (!(lengthType instanceof WireType.Int i && !i.kind().floating()) && !(lengthType instanceof WireType.LenEnc)) {
            ctx.error(p.lengthType().span(), "a length prefix must be an integer type or lenenc");
            return null;
        }
        Long nullMarker = null;
        if (p.nullValue() != null) {
            Optional<BigInteger> marker = exprs.constantInt(p.nullValue(), Scope.constants(), null, "a NULL marker");
            if (marker.isPresent()) {
                if (lengthType instanceof WireType.Int i && !i.kind().fits(marker.get())) {
                    ctx.error(p.nullValue().span(), "constant " + marker.get() + " does not fit the length type "
                            + i.kind().idlName() + " (" + i.kind().min() + " to " + i.kind().max() + ")");
                } else if (lengthType instanceof WireType.LenEnc) {
                    ctx.error(p.nullValue().span(), "lenenc has its own NULL marker (0xFB); remove 'null = ...'");
                } else {
                    nullMarker = marker.get().longValue();
                }
            }
        }
        return new Extent.Prefixed(lengthType, nullMarker);
    }

    private Optional<ByteString> terminator(TypeRef.Until until, int unitSize) {
        TypedExpr value = exprs.check(until.terminator(), Scope.constants(), null);
        ByteString bytes = null;
        Optional<BigInteger> integer = Constants.integer(value);
        if (integer.isPresent()) {
            if (integer.get().signum() < 0 || integer.get().bitLength() > 8) {
                ctx.error(until.terminator().span(), "a terminator given as a number must be one byte (0 to 255), not " + integer.get());
                return Optional.empty();
            }
            bytes = ByteString.of(new byte[unitSize]);
            byte[] raw = bytes.toArray();
            raw[0] = (byte) integer.get().intValue();
            bytes = ByteString.of(raw);
        } else if (value instanceof TypedExpr.TextConst t) {
            bytes = ByteString.ofLatin1(t.value());
        } else if (value instanceof TypedExpr.BytesConst b) {
            bytes = b.value();
        }
        if (bytes == null || bytes.length() == 0) {
            ctx.error(until.terminator().span(), "a terminator must be a non-empty constant: a byte (0), a character ('\\n'), "
                    + "a string (\"\\r\\n\") or bytes (x\"0d0a\")");
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    // ------------------------------------------------------------------ arrays

    private WireType arrays(WireType base, TypeRef.Named named, List<TypeRef.Suffix> suffixes, Scope scope, Use use,
                            String fieldName) {
        WireType type = base;
        int i = 0;
        while (i < suffixes.size()) {
            TypeRef.Suffix suffix = suffixes.get(i);
            if (!(suffix instanceof TypeRef.Brackets brackets)) {
                ctx.error(suffix.span(), describeSuffix(suffix) + " cannot follow " + named.name().text()
                        + " here; for an array write " + named.name().text() + "[] " + arraySyntax(suffix));
                return null;
            }
            if (use == Use.SESSION && brackets.expr() == null && i == suffixes.size() - 1) {
                return new WireType.ListOf(type); // a session list: no extent, it lives in memory
            }
            TypeRef.Suffix countSuffix = brackets;
            if (brackets.expr() == null && i + 1 < suffixes.size() && !(suffixes.get(i + 1) instanceof TypeRef.Brackets)) {
                countSuffix = suffixes.get(++i);
            }
            Scope elementScope = scope;
            Extent count = extent(countSuffix, elementScope, 1, named.name().text(), fieldName, true);
            if (count == null) {
                return null;
            }
            if (use != Use.FIELD) {
                ctx.error(suffix.span(), "arrays can only be the type of a field" + (use == Use.SESSION ? "; a session list is written T[]" : ""));
                return null;
            }
            type = new WireType.Array(type, count);
            i++;
        }
        return type;
    }

    private static String arraySyntax(TypeRef.Suffix suffix) {
        if (suffix instanceof TypeRef.Until) {
            return "until ...";
        } else if (suffix instanceof TypeRef.Rest) {
            return "rest";
        }
        return "prefix(...)";
    }

    private static String describeSuffix(TypeRef.Suffix suffix) {
        if (suffix instanceof TypeRef.Until) {
            return "'until'";
        } else if (suffix instanceof TypeRef.Rest) {
            return "'rest'";
        } else if (suffix instanceof TypeRef.Prefix) {
            return "'prefix(...)'";
        }
        return "'[...]'";
    }

    static String subject(String fieldName) {
        return fieldName == null ? "this type" : "'" + fieldName + "'";
    }
}
