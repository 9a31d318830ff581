package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.values.Literals;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Builds the flyweight decoder of one message or struct. {@code wrap} validates the whole layout in
 * one pass ({@code validate}, one {@code readXxx} method per field) and stores offsets and values
 * in fields; accessors only read what was validated.
 */
final class DecoderBuilder {

    /** Where generated storage, accessors and read code go: the decoder itself or one of its cursors. */
    private record Host(TypeSpec.Builder type, ExpressionWriter expressions, String ownerRef) {}

    private final GenerationContext context;
    private final String idlName;
    private final String doc;
    private final Layout layout;
    private final List<Parameter> parameters;
    private final boolean recursive;
    private final boolean needsSession;
    private final ClassName self;
    private final TypeSpec.Builder type;
    private final Host ownerHost;
    private final TreeSet<String> helpers = new TreeSet<>();
    private final TreeSet<String> peeks = new TreeSet<>();
    private final Map<String, byte[]> byteConstants = new TreeMap<>();
    private boolean usesChecksums;
    private int anonymous;

    DecoderBuilder(GenerationContext context, String idlName, String doc, Layout layout, List<Parameter> parameters,
                   boolean recursive, boolean needsSession) {
        this.context = context;
        this.idlName = idlName;
        this.doc = doc;
        this.layout = layout;
        this.parameters = parameters;
        this.recursive = recursive;
        this.needsSession = needsSession;
        this.self = JavaValueTypes.decoderClass(context, idlName);
        this.type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        this.ownerHost = new Host(type, new ExpressionWriter("this", names()), "this");
    }

    private ExpressionWriter.Names names() {
        return new ExpressionWriter.Names() {
            @Override
            public WireType typeOf(List<String> path) {
                return fieldType(layout, parameters, path);
            }

            @Override
            public String byteConstant(String slot, String what, byte[] bytes) {
                return DecoderBuilder.this.byteConstant(slot, what, bytes);
            }
        };
    }

    private WireType fieldType(Layout in, List<Parameter> params, List<String> path) {
        WireType found = null;
        for (Parameter p : params) {
            if (p.name().equals(path.get(0))) {
                found = p.type();
            }
        }
        java.util.Optional<Field> field = in.field(path.get(0));
        if (field.isPresent()) {
            found = field.get().type();
        }
        if (path.size() == 1 || !(found instanceof WireType.StructRef s)) {
            return path.size() == 1 ? found : null;
        }
        StructModel struct = context.model().struct(s.name()).orElseThrow();
        return fieldType(struct.layout(), struct.parameters(), path.subList(1, path.size()));
    }

    TypeSpec build() {
        LayoutWalker.forEachExpression(layout, expr -> {
            if (expr instanceof TypedExpr.Peek peek) {
                peeks.add(DecoderNames.readMethodSuffix(peek.read()));
            } else if (expr instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.DIV) {
                helpers.add("divide");
            } else if (expr instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.MOD) {
                helpers.add("remainder");
            }
        });
        type.addJavadoc("Flyweight decoder of {@code $L}.\n", idlName);
        if (doc != null && !doc.isBlank()) {
            type.addJavadoc("\n<p>$L\n", doc);
        }
        type.addJavadoc("\n<p>{@code wrap} checks the whole value at once; after it returns, accessors read the\n"
                + "validated bytes and never fail. Reusable: wrap it again for the next value; reading\n"
                + "allocates nothing (views and cursors are re-pointed).\n");
        type.addField(FieldSpec.builder(String.class, "PROTOCOL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", context.model().name() == null ? "shared" : context.model().name()).build());
        type.addField(FieldSpec.builder(String.class, "NAME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", idlName).build());
        type.addField(FieldSpec.builder(RuntimeTypes.WIRE_BUFFER, "region", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", RuntimeTypes.WIRE_BUFFER)
                .addJavadoc("The bytes of the value being read; offsets below are relative to it.\n").build());
        type.addField(FieldSpec.builder(TypeName.INT, "end", Modifier.PRIVATE).build());
        if (recursive) {
            type.addField(FieldSpec.builder(TypeName.INT, "MAX_DEPTH", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$L", context.model().maxDepth()).build());
            type.addField(FieldSpec.builder(TypeName.INT, "depth", Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("How deeply this decoder is nested in values of recursive types (1 at the top).\n").build());
            type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                    .addStatement("this(1)").build());
            type.addMethod(MethodSpec.constructorBuilder()
                    .addParameter(TypeName.INT, "depth").addStatement("this.depth = depth").build());
        }
        for (Parameter parameter : parameters) {
            type.addField(parameterType(parameter), Naming.member(parameter.name()), Modifier.PRIVATE);
        }
        if (needsSession) {
            type.addField(sessionClass(), "session", Modifier.PRIVATE);
        }
        addWrapMethods();

        MethodSpec.Builder validate = MethodSpec.methodBuilder("validate")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.INT)
                .addJavadoc("Reads every member in wire order; returns where the value ends.\n")
                .addParameter(TypeName.INT, "pos")
                .addParameter(TypeName.INT, "limit");
        boolean positioned = layout.fields().stream().anyMatch(f -> f.position() != null);
        if (positioned) {
            type.addField(FieldSpec.builder(TypeName.INT, "furthest", Modifier.PRIVATE)
                    .addJavadoc("The end of the furthest data read through {@code at(...)}: it belongs to the value too.\n")
                    .build());
            validate.addStatement("this.furthest = pos");
        }
        for (Member member : layout.members()) {
            if (member instanceof Field field) {
                String method = addFieldReader(field);
                validate.addStatement("pos = $N(pos, limit)", method);
            } else {
                Let let = (Let) member;
                addLet(let);
                validate.addStatement("this.$L = $L", Naming.member(let.name()), ownerHost.expressions().write(let.value()));
            }
        }
        validate.addStatement(positioned ? "return Math.max(pos, furthest)" : "return pos");
        type.addMethod(validate.build());

        type.addMethod(MethodSpec.methodBuilder("encodedLength")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addJavadoc("The number of bytes the value took: where whatever follows it starts.\n")
                .addStatement("return end").build());
        addHelpers();
        return type.build();
    }

    private ClassName sessionClass() {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "Session");
    }

    private TypeName parameterType(Parameter parameter) {
        if (parameter.type() instanceof WireType.Bool) {
            return TypeName.BOOLEAN;
        }
        TypeName raw = JavaValueTypes.rawNumber(parameter.type());
        if (raw == null) {
            throw ExpressionWriter.unsupported("parameter " + parameter.name() + " of type " + parameter.type());
        }
        return raw;
    }

    // ------------------------------------------------------------------------------------------ wrap

    private void addWrapMethods() {
        List<ParameterSpec> extra = new java.util.ArrayList<>();
        for (Parameter parameter : parameters) {
            extra.add(ParameterSpec.builder(parameterType(parameter), Naming.member(parameter.name())).build());
        }
        if (needsSession) {
            extra.add(ParameterSpec.builder(sessionClass(), "session").build());
        }
        CodeBlock passOn = CodeBlock.join(extra.stream().map(p -> CodeBlock.of("$N", p)).toList(), ", ");
        String tail = extra.isEmpty() ? "" : ", ";

        type.addMethod(MethodSpec.methodBuilder("wrap")
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("Wraps and validates a whole region (a message body, or a value on its own).\n\n"
                        + "@throws $T when the bytes are not a valid {@code $L}\n", RuntimeTypes.CODEC_EXCEPTION, idlName)
                .addParameter(RuntimeTypes.WIRE_BUFFER, "body")
                .addParameters(extra)
                .addStatement("return wrap(body, 0, body.length()$L$L)", tail, passOn)
                .build());
        MethodSpec.Builder wrap = MethodSpec.methodBuilder("wrap")
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("Wraps and validates {@code length} bytes at {@code offset} of {@code source}.\n\n"
                        + "@throws $T when the bytes are not a valid {@code $L}\n", RuntimeTypes.CODEC_EXCEPTION, idlName)
                .addParameter(RuntimeTypes.WIRE_BUFFER, "source")
                .addParameter(TypeName.INT, "offset")
                .addParameter(TypeName.INT, "length")
                .addParameters(extra);
        if (needsSession) {
            wrap.addStatement("$T.requireNonNull(session, $S)", Objects.class, "session");
        }
        wrap.beginControlFlow("try")
                .addStatement("wrapIn(source, offset, length$L$L)", tail, passOn)
                .addComment("A whole region must be used up: bytes no field accounts for mean a wrong description or bad input.")
                .beginControlFlow("if (end != length)")
                .addStatement("throw new $T((length - end) + \" bytes left after the last field\", source.origin() + offset + end)",
                        RuntimeTypes.CODEC_EXCEPTION)
                .endControlFlow()
                .addStatement("return this")
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inMessage(PROTOCOL, NAME)")
                .endControlFlow();
        type.addMethod(wrap.build());

        MethodSpec.Builder wrapIn = MethodSpec.methodBuilder("wrapIn")
                .returns(self)
                .addJavadoc("Wraps and validates without naming the message: for an enclosing decoder, which adds its own.\n")
                .addParameter(RuntimeTypes.WIRE_BUFFER, "source")
                .addParameter(TypeName.INT, "offset")
                .addParameter(TypeName.INT, "length")
                .addParameters(extra);
        if (recursive) {
            wrapIn.beginControlFlow("if (depth > MAX_DEPTH)")
                    .addComment("Recursive values are bounded so that hostile nesting cannot exhaust the stack.")
                    .addStatement("throw new $T(\"nesting deeper than the limit of \" + MAX_DEPTH, source.origin() + offset)",
                            RuntimeTypes.CODEC_EXCEPTION)
                    .endControlFlow();
        }
        wrapIn.addStatement("source.slice(offset, length, region)");
        for (ParameterSpec p : extra) {
            wrapIn.addStatement("this.$N = $N", p, p);
        }
        wrapIn.addStatement("this.end = validate(0, length)").addStatement("return this");
        type.addMethod(wrapIn.build());
    }

    // ---------------------------------------------------------------------------------------- fields

    private String addFieldReader(Field field) {
        String slot = field.isAnonymous() ? "unnamed" + (++anonymous) : DecoderNames.slot(field.name());
        String method = "read" + Character.toUpperCase(slot.charAt(0)) + slot.substring(1);
        boolean exposed = !field.isAnonymous();
        MethodSpec.Builder read = MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.INT)
                .addParameter(TypeName.INT, "pos")
                .addParameter(TypeName.INT, "limit")
                .addJavadoc("Reads {@code $L}; returns where the next member starts.\n", field.name());
        type.addField(TypeName.INT, slot + "_start", Modifier.PRIVATE);
        type.addField(TypeName.INT, slot + "_end", Modifier.PRIVATE);
        CodeBlock.Builder body = CodeBlock.builder();
        ExpressionWriter expressions = ownerHost.expressions();
        if (field.condition() != null) {
            type.addField(TypeName.BOOLEAN, slot + "_present", Modifier.PRIVATE);
            body.addStatement("this.$L_present = $L", slot, expressions.write(field.condition()));
            body.beginControlFlow("if (!this.$L_present)", slot)
                    .addStatement("this.$L_start = pos", slot)
                    .addStatement("this.$L_end = pos", slot)
                    .add(clear(field.type(), slot))
                    .addStatement("return pos")
                    .endControlFlow();
            if (exposed) {
                type.addMethod(MethodSpec.methodBuilder("has" + Naming.pascal(field.name()))
                        .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                        .addJavadoc("Whether {@code $L} is present (its condition held).\n", field.name())
                        .addStatement("return $L_present", slot).build());
            }
        }
        if (field.position() != null) {
            helpers.add("offsetIn");
            body.add("// Positioned: read at an offset from the region's start; the cursor stays where it was.\n");
            body.addStatement("int resume = pos");
            body.addStatement("pos = offsetIn($L, pos, limit)", expressions.write(field.position()));
        }
        if (field.regionSize() != null) {
            helpers.add("lengthAt");
            body.add("// The value lies within its own region: 'rest' and 'remaining' end there.\n");
            body.addStatement("int regionEnd = pos + lengthAt($L, pos, limit)", expressions.write(field.regionSize()));
            body.addStatement("limit = regionEnd");
        }
        body.addStatement("this.$L_start = pos", slot);
        String accessor = exposed ? Naming.member(field.name()) : null;
        body.add(readValue(field.type(), slot, accessor, field.name(), field.doc(), ownerHost));
        if (field.regionSize() != null) {
            body.addStatement("pos = regionEnd");
        }
        body.addStatement("this.$L_end = pos", slot);
        if (field.value() instanceof FieldValue.Constant constant) {
            body.add(checkConstant(field, slot, constant.value()));
        } else if (field.value() instanceof FieldValue.Checksum checksum) {
            body.add(checkChecksum(field, slot, checksum));
        }
        if (field.transform() != null) {
            body.add("// The transform $L is hand-written: the accessor gives the bytes as they are on the wire.\n",
                    field.transform());
        }
        if (field.position() != null) {
            body.addStatement("this.furthest = Math.max(this.furthest, pos)");
            body.addStatement("pos = resume");
        }
        body.addStatement("return pos");
        read.beginControlFlow("try")
                .addCode(body.build())
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inField($S)", field.name())
                .endControlFlow();
        type.addMethod(read.build());
        return method;
    }

    private void addLet(Let let) {
        String name = Naming.member(let.name());
        TypeName javaType = let.type().kind() == ExprType.Kind.BOOL ? TypeName.BOOLEAN : TypeName.LONG;
        if (!let.type().isIntegral() && let.type().kind() != ExprType.Kind.BOOL) {
            throw ExpressionWriter.unsupported("let " + let.name() + " of type " + let.type().describe());
        }
        type.addField(javaType, name, Modifier.PRIVATE);
        MethodSpec.Builder accessor = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC).returns(javaType)
                .addStatement("return $L", name);
        accessor.addJavadoc("$L\n", let.doc() == null || let.doc().isBlank() ? "The computed value {@code " + let.name() + "}." : let.doc());
        type.addMethod(accessor.build());
    }

    /** Zeroes what an absent optional field would otherwise keep from the previous wrap. */
    private static CodeBlock clear(WireType type, String slot) {
        if (JavaValueTypes.rawNumber(type) != null || type instanceof WireType.Int) {
            return CodeBlock.builder().addStatement("this.$L = 0", slot).build();
        }
        if (JavaValueTypes.isByteLike(type) && !(type instanceof WireType.Padding)) {
            return CodeBlock.builder().addStatement("this.$L_at = pos", slot).addStatement("this.$L_length = 0", slot).build();
        }
        return CodeBlock.of("");
    }

    // ----------------------------------------------------------------------------------- value reads

    /**
     * Declares the storage and accessors of a value of {@code wireType} in {@code host} and returns
     * the statements reading it at {@code pos} (within {@code limit}), which leave {@code pos} after it.
     *
     * @param accessor the accessor method name, or {@code null} for a value that is not exposed
     */
    private CodeBlock readValue(WireType wireType, String slot, String accessor, String idlField, String fieldDoc,
                                Host host) {
        TypeSpec.Builder into = host.type();
        CodeBlock.Builder code = CodeBlock.builder();
        String javadoc = fieldDoc == null || fieldDoc.isBlank() ? "The {@code " + idlField + "} field." : fieldDoc;
        if (wireType instanceof WireType.Int || wireType instanceof WireType.EnumRef || wireType instanceof WireType.FlagsRef) {
            WireType.Int base = wireType instanceof WireType.Int i ? i
                    : wireType instanceof WireType.EnumRef e ? e.base() : ((WireType.FlagsRef) wireType).base();
            TypeName raw = JavaValueTypes.primitive(base.kind());
            into.addField(raw, slot, Modifier.PRIVATE);
            helpers.add("need");
            code.addStatement("need(pos, $L, limit)", base.kind().size())
                    .addStatement("this.$L = region.$L(pos)", slot, DecoderNames.readMethod(base))
                    .addStatement("pos += $L", base.kind().size());
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(raw)
                        .addJavadoc("$L\n", javadoc).addStatement("return $L", slot).build());
                if (wireType instanceof WireType.EnumRef e) {
                    ClassName enumClass = JavaValueTypes.enumClass(context, e.name());
                    into.addMethod(MethodSpec.methodBuilder(accessor + "Value").addModifiers(Modifier.PUBLIC)
                            .returns(enumClass)
                            .addJavadoc("{@code $L} as a {@link $T} (no allocation for named values).\n", idlField, enumClass)
                            .addStatement("return $T.of($L)", enumClass, slot).build());
                }
            }
            return code.build();
        }
        if (wireType instanceof WireType.LenEnc) {
            into.addField(TypeName.LONG, slot, Modifier.PRIVATE);
            into.addField(TypeName.BOOLEAN, slot + "_null", Modifier.PRIVATE);
            helpers.add("need");
            code.beginControlFlow("")
                    .addStatement("need(pos, 1, limit)")
                    .addStatement("int width = $T.width(region, pos)", RuntimeTypes.LENGTH_ENCODED_INT)
                    .addStatement("need(pos, width, limit)")
                    .addStatement("this.$L_null = $T.isNull(region, pos)", slot, RuntimeTypes.LENGTH_ENCODED_INT)
                    .addStatement("this.$L = this.$L_null ? 0 : $T.read(region, pos)", slot, slot, RuntimeTypes.LENGTH_ENCODED_INT)
                    .addStatement("pos += width")
                    .endControlFlow();
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                        .addJavadoc("$L\n(Zero when NULL.)\n", javadoc).addStatement("return $L", slot).build());
                into.addMethod(MethodSpec.methodBuilder("is" + capitalize(accessor) + "Null").addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN).addStatement("return $L_null", slot).build());
            }
            return code.build();
        }
        if (wireType instanceof WireType.AsciiInt a) {
            into.addField(TypeName.LONG, slot, Modifier.PRIVATE);
            code.beginControlFlow("")
                    .addStatement("int terminator = $L", findTerminator(a.terminator(), 1, slot))
                    .addStatement("this.$L = $T.parse(region, pos, terminator)", slot, RuntimeTypes.ASCII_DECIMAL)
                    .addStatement("pos = terminator + $L", a.terminator().length())
                    .endControlFlow();
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                        .addJavadoc("$L\n", javadoc).addStatement("return $L", slot).build());
            }
            return code.build();
        }
        if (JavaValueTypes.isByteLike(wireType)) {
            return readByteLike(wireType, slot, accessor, javadoc, host);
        }
        if (wireType instanceof WireType.Empty) {
            return code.build();
        }
        if (wireType instanceof WireType.Bitmap b) {
            into.addField(TypeName.INT, slot + "_at", Modifier.PRIVATE);
            into.addField(TypeName.INT, slot + "_bits", Modifier.PRIVATE);
            helpers.add("elementCount");
            helpers.add("need");
            code.addStatement("this.$L_bits = elementCount($L, pos)", slot, host.expressions().write(b.bits()))
                    .addStatement("need(pos, $T.byteLength(this.$L_bits, $L), limit)", RuntimeTypes.BITMAP, slot, b.bitOffset())
                    .addStatement("this.$L_at = pos", slot)
                    .addStatement("pos += $T.byteLength(this.$L_bits, $L)", RuntimeTypes.BITMAP, slot, b.bitOffset());
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                        .addParameter(TypeName.INT, "bit")
                        .addJavadoc("$L\nWhether entry {@code bit} (0-based, before the bit offset of $L) is set.\n", javadoc,
                                b.bitOffset())
                        .addStatement("$T.checkIndex(bit, $L_bits)", Objects.class, slot)
                        .addStatement("return $T.isSet(region, $L_at, $L, bit)", RuntimeTypes.BITMAP, slot, b.bitOffset())
                        .build());
                into.addMethod(MethodSpec.methodBuilder(accessor + "Bits").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                        .addJavadoc("The number of entries of {@code $L}.\n", idlField)
                        .addStatement("return $L_bits", slot).build());
            }
            return code.build();
        }
        if (wireType instanceof WireType.StructRef s) {
            return readStruct(s, slot, accessor, javadoc, host);
        }
        if (wireType instanceof WireType.Array a) {
            return readArray(a, slot, accessor, idlField, javadoc, host);
        }
        if (wireType instanceof WireType.Union u) {
            return readUnion(u, slot, accessor, idlField, javadoc, host);
        }
        throw ExpressionWriter.unsupported("field " + idlField + " of type " + wireType);
    }

    private CodeBlock readByteLike(WireType wireType, String slot, String accessor, String javadoc, Host host) {
        TypeSpec.Builder into = host.type();
        Extent extent = JavaValueTypes.extentOf(wireType);
        boolean nullable = JavaValueTypes.isNullable(wireType);
        int unit = wireType instanceof WireType.Text t ? t.encoding().unitSize() : 1;
        into.addField(TypeName.INT, slot + "_at", Modifier.PRIVATE);
        into.addField(TypeName.INT, slot + "_length", Modifier.PRIVATE);
        if (nullable) {
            into.addField(TypeName.BOOLEAN, slot + "_null", Modifier.PRIVATE);
        }
        helpers.add("lengthAt");
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("");
        int terminatorLength = 0;
        if (extent instanceof Extent.Fixed f) {
            code.addStatement("this.$L_length = lengthAt($L, pos, limit)", slot, f.value());
        } else if (extent instanceof Extent.Computed c) {
            code.addStatement("this.$L_length = lengthAt($L, pos, limit)", slot, host.expressions().write(c.value()));
        } else if (extent instanceof Extent.Prefixed p) {
            code.add(readPrefix(p, slot, nullable));
            code.addStatement("this.$L_length = lengthAt(prefix, pos, limit)", slot);
        } else if (extent instanceof Extent.Terminated t) {
            code.addStatement("this.$L_length = $L - pos", slot, findTerminator(t.terminator(), unit, slot));
            terminatorLength = t.terminator().length();
        } else {
            code.addStatement("this.$L_length = limit - pos", slot);
        }
        code.addStatement("this.$L_at = pos", slot);
        if (wireType instanceof WireType.Text textType) {
            code.add(TextChecks.validate(textType.encoding(), slot));
        }
        code.addStatement("pos += this.$L_length$L", slot, terminatorLength == 0 ? "" : " + " + terminatorLength);
        code.endControlFlow();
        if (accessor != null && !(wireType instanceof WireType.Padding)) {
            boolean text = wireType instanceof WireType.Text;
            ClassName viewType = text ? RuntimeTypes.TEXT_VIEW : RuntimeTypes.BYTE_VIEW;
            FieldSpec.Builder view = FieldSpec.builder(viewType, slot + "_view", Modifier.PRIVATE, Modifier.FINAL);
            if (text) {
                view.initializer("new $T($L)", viewType, JavaValueTypes.charset(((WireType.Text) wireType).encoding()));
            } else {
                view.initializer("new $T()", viewType);
            }
            into.addField(view.build());
            into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(viewType)
                    .addJavadoc("$L\n(A reused view: valid until the next {@code wrap}.$L)\n", javadoc, nullable ? " Empty when NULL." : "")
                    .addStatement("return $L_view.wrap(region, $L_at, $L_length)", slot, slot, slot).build());
            if (text) {
                into.addMethod(MethodSpec.methodBuilder(accessor + "AsString").addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("{@link #$L()} decoded (allocates a String).\n", accessor)
                        .addStatement("return $L().toString()", accessor).build());
            }
            if (nullable) {
                into.addMethod(MethodSpec.methodBuilder("is" + capitalize(accessor) + "Null").addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN).addStatement("return $L_null", slot).build());
            }
        }
        return code.build();
    }

    /** Reads a length or count prefix into a local {@code long prefix}; a NULL marker gives 0 and sets {@code slot_null}. */
    private CodeBlock readPrefix(Extent.Prefixed p, String slot, boolean nullable) {
        helpers.add("need");
        CodeBlock.Builder code = CodeBlock.builder();
        if (p.lengthType() instanceof WireType.LenEnc) {
            code.addStatement("need(pos, 1, limit)")
                    .addStatement("int width = $T.width(region, pos)", RuntimeTypes.LENGTH_ENCODED_INT)
                    .addStatement("need(pos, width, limit)");
            if (nullable) {
                code.addStatement("this.$L_null = $T.isNull(region, pos)", slot, RuntimeTypes.LENGTH_ENCODED_INT)
                        .addStatement("long prefix = this.$L_null ? 0 : $T.read(region, pos)", slot, RuntimeTypes.LENGTH_ENCODED_INT);
            } else {
                code.addStatement("long prefix = $T.read(region, pos)", RuntimeTypes.LENGTH_ENCODED_INT);
            }
            return code.addStatement("pos += width").build();
        }
        WireType.Int lengthType = (WireType.Int) p.lengthType();
        code.addStatement("need(pos, $L, limit)", lengthType.kind().size())
                .addStatement("long prefix = region.$L(pos)", DecoderNames.readMethod(lengthType))
                .addStatement("pos += $L", lengthType.kind().size());
        if (p.nullMarker() != null && nullable) {
            code.addStatement("this.$L_null = prefix == $LL", slot, p.nullMarker())
                    .beginControlFlow("if (this.$L_null)", slot)
                    .addStatement("prefix = 0")
                    .endControlFlow();
        }
        return code.build();
    }

    /** The expression finding the terminator from {@code pos}: the index of its first byte. */
    private CodeBlock findTerminator(ByteString terminator, int unit, String slot) {
        if (unit == 1 && terminator.length() == 1 && terminator.byteAt(0) == 0) {
            return CodeBlock.of("$T.requireNul(region, pos, limit)", RuntimeTypes.TERMINATORS);
        }
        if (unit == 1 && terminator.length() == 2 && terminator.byteAt(0) == '\r' && terminator.byteAt(1) == '\n') {
            return CodeBlock.of("$T.requireCrlf(region, pos, limit)", RuntimeTypes.TERMINATORS);
        }
        if (unit == 1 && terminator.length() == 1) {
            return CodeBlock.of("$T.require(region, (byte) 0x$L, pos, limit)", RuntimeTypes.TERMINATORS,
                    terminator.hex());
        }
        helpers.add("findTerminator");
        return CodeBlock.of("findTerminator($L, pos, limit, $L)", byteConstant(slot, "TERMINATOR", terminator.toArray()), unit);
    }

    private String byteConstant(String slot, String what, byte[] bytes) {
        String name = DecoderNames.upperSnake(slot) + "_" + what;
        byteConstants.put(name, bytes);
        return name;
    }

    private CodeBlock readStruct(WireType.StructRef s, String slot, String accessor, String javadoc, Host host) {
        StructModel struct = context.model().struct(s.name())
                .orElseThrow(() -> ExpressionWriter.unsupported("unknown struct " + s.name()));
        ClassName decoder = JavaValueTypes.decoderClass(context, s.name());
        CodeBlock.Builder code = CodeBlock.builder();
        if (struct.recursive()) {
            // Created on first use: a recursive type's decoder would otherwise construct itself forever.
            host.type().addField(decoder, slot, Modifier.PRIVATE);
            code.beginControlFlow("if (this.$L == null)", slot)
                    .addStatement("this.$L = new $T($L)", slot, decoder, recursive ? "depth + 1" : "1")
                    .endControlFlow();
        } else {
            host.type().addField(FieldSpec.builder(decoder, slot, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", decoder).build());
        }
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (int i = 0; i < s.arguments().size(); i++) {
            Parameter parameter = struct.parameters().get(i);
            TypeName parameterType = parameterType(parameter);
            arguments.add(", ");
            TypedExpr argument = s.arguments().get(i);
            if (parameterType.equals(TypeName.INT)) {
                arguments.add("$L", host.expressions().intValue(argument));
            } else {
                arguments.add("$L", host.expressions().write(argument));
            }
        }
        if (needsSession(context, struct.layout(), new TreeSet<>())) {
            arguments.add(", $L.session", host.ownerRef());
        }
        code.addStatement("this.$L.wrapIn(region, pos, limit - pos$L)", slot, arguments.build())
                .addStatement("pos += this.$L.encodedLength()", slot);
        if (accessor != null) {
            host.type().addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(decoder)
                    .addJavadoc("$L\n(The nested decoder, reused.)\n", javadoc)
                    .addStatement("return $L", slot).build());
        }
        return code.build();
    }

    private CodeBlock readUnion(WireType.Union union, String slot, String accessor, String idlField, String javadoc,
                                Host host) {
        TypeSpec.Builder into = host.type();
        into.addField(TypeName.INT, slot + "_arm", Modifier.PRIVATE);
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("long subject = $L", host.expressions().write(union.subject()));
        List<String> armNames = UnionArms.names(context, union);
        for (int i = 0; i < union.arms().size(); i++) {
            UnionArm arm = union.arms().get(i);
            CodeBlock test = UnionArms.matches(arm, "subject");
            if (arm.guard() != null) {
                test = CodeBlock.of("$L && $L", test, host.expressions().write(arm.guard()));
            }
            code.beginControlFlow(i == 0 ? "if ($L)" : "else if ($L)", test);
            code.addStatement("this.$L_arm = $L", slot, i);
            code.add(readArm(arm, slot, accessor, armNames.get(i), idlField, host));
            code.endControlFlow();
        }
        if (union.fallback() != null) {
            code.beginControlFlow(union.arms().isEmpty() ? "" : "else");
            code.addStatement("this.$L_arm = -1", slot);
            code.add(readArm(union.fallback(), slot, accessor, UnionArms.FALLBACK, idlField, host));
            code.endControlFlow();
        } else {
            helpers.add("fail");
            code.beginControlFlow("else")
                    .addStatement("throw fail(\"no case for \" + subject, pos)")
                    .endControlFlow();
        }
        if (accessor != null) {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < armNames.size(); i++) {
                list.append(i).append(' ').append(armNames.get(i)).append(i + 1 < armNames.size() ? ", " : "");
            }
            into.addMethod(MethodSpec.methodBuilder(accessor + "Arm").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addJavadoc("$L\nWhich case was read: $L$L.\n", javadoc, list,
                            union.fallback() != null ? ", -1 " + UnionArms.FALLBACK : "")
                    .addStatement("return $L_arm", slot).build());
        }
        return code.build();
    }

    private CodeBlock readArm(UnionArm arm, String slot, String accessor, String armName, String idlField, Host host) {
        String armSlot = slot + "_" + armName;
        String armAccessor = accessor == null ? null : accessor + "As" + armName;
        String armDoc = arm.doc() == null || arm.doc().isBlank()
                ? "The {@code " + idlField + "} case " + armName + "; meaningful when it is the case read." : arm.doc();
        return readValue(arm.type(), armSlot, armAccessor, idlField, armDoc, host);
    }

    // ----------------------------------------------------------------------------------------- arrays

    private CodeBlock readArray(WireType.Array array, String slot, String accessor, String idlField, String javadoc,
                                Host host) {
        String cursorName = capitalize(accessor == null ? slot.replace("_", "") : accessor) + "Cursor";
        ClassName cursor = self.nestedClass(cursorName);
        TypeSpec.Builder cursorType = TypeSpec.classBuilder(cursor).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Iterates {@code $L} without allocating: {@code next()} re-points the same element.\n", idlField);
        Host cursorHost = new Host(cursorType, new ExpressionWriter(self.simpleName() + ".this", names()),
                self.simpleName() + ".this");
        cursorType.addField(TypeName.INT, "first", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "limit", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "count", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "nextIndex", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "nextOffset", Modifier.PRIVATE);

        WireType element = array.element();
        MethodSpec.Builder readElement = MethodSpec.methodBuilder("readElement")
                .addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
                .addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit").addParameter(TypeName.INT, "index")
                .addJavadoc("Reads element {@code index} at {@code pos}; returns where the next one starts.\n");
        String elementAccessor = JavaValueTypes.isByteLike(element) ? "value" : null;
        readElement.addCode(readValue(element, "element", elementAccessor, idlField, null, cursorHost));
        readElement.addStatement("return pos");
        cursorType.addMethod(readElement.build());

        // What next() and get(i) hand out.
        TypeName result;
        CodeBlock resultValue;
        if (element instanceof WireType.StructRef s) {
            result = JavaValueTypes.decoderClass(context, s.name());
            resultValue = CodeBlock.of("element");
        } else if (JavaValueTypes.rawNumber(element) != null) {
            result = JavaValueTypes.rawNumber(element);
            resultValue = CodeBlock.of("element");
        } else if (JavaValueTypes.isByteLike(element)) {
            result = cursor;
            resultValue = CodeBlock.of("this");
            cursorType.addMethod(MethodSpec.methodBuilder("length").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addJavadoc("The byte length of the current element's value.\n")
                    .addStatement("return element_length").build());
        } else {
            throw ExpressionWriter.unsupported("array " + idlField + " of " + element);
        }

        MethodSpec.Builder validate = MethodSpec.methodBuilder("validate").returns(TypeName.INT)
                .addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit").addParameter(TypeName.INT, "expected")
                .addJavadoc("Checks every element (the count {@code expected}, or -1 when the extent decides); returns the end.\n")
                .addStatement("this.first = pos")
                .addStatement("this.limit = limit")
                .addStatement("int index = 0");
        helpers.add("fail");
        Extent extent = array.count();
        String terminator = null;
        if (extent instanceof Extent.Terminated t) {
            terminator = byteConstant(slot, "TERMINATOR", t.terminator().toArray());
            helpers.add("startsWith");
            validate.beginControlFlow("while (!$L.this.startsWith($L, pos, limit))", self.simpleName(), terminator)
                    .beginControlFlow("if (pos >= limit)")
                    .addStatement("throw fail(\"no terminator before the end of the region\", pos)")
                    .endControlFlow();
        } else if (extent instanceof Extent.Rest) {
            validate.beginControlFlow("while (pos < limit)");
        } else {
            validate.beginControlFlow("while (index < expected)");
        }
        validate.addStatement("int start = pos")
                .beginControlFlow("try")
                .addStatement("pos = readElement(pos, limit, index)")
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inElement(index)")
                .endControlFlow();
        if (!(extent instanceof Extent.Fixed || extent instanceof Extent.Computed || extent instanceof Extent.Prefixed)) {
            validate.beginControlFlow("if (pos == start)")
                    .addComment("An element of no bytes would never reach the end.")
                    .addStatement("throw fail(\"element takes no bytes\", pos)")
                    .endControlFlow();
        } else {
            validate.addStatement("assert pos >= start");
        }
        validate.addStatement("index++").endControlFlow();
        validate.addStatement("this.count = index");
        if (terminator != null) {
            validate.addStatement("pos += $L.length", terminator);
        }
        validate.addStatement("reset()").addStatement("return pos");
        cursorType.addMethod(validate.build());

        cursorType.addMethod(MethodSpec.methodBuilder("count").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addStatement("return count").build());
        cursorType.addMethod(MethodSpec.methodBuilder("hasNext").addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                .addStatement("return nextIndex < count").build());
        cursorType.addMethod(MethodSpec.methodBuilder("next").addModifiers(Modifier.PUBLIC).returns(result)
                .addJavadoc("The next element (validated by {@code wrap}, so reading it cannot fail).\n")
                .beginControlFlow("if (nextIndex >= count)")
                .addStatement("throw new $T()", NoSuchElementException.class)
                .endControlFlow()
                .addStatement("nextOffset = readElement(nextOffset, limit, nextIndex)")
                .addStatement("nextIndex++")
                .addStatement("return $L", resultValue).build());
        MethodSpec.Builder get = MethodSpec.methodBuilder("get").addModifiers(Modifier.PUBLIC).returns(result)
                .addParameter(TypeName.INT, "i")
                .addStatement("$T.checkIndex(i, count)", Objects.class);
        if (element.fixedSize().isPresent()) {
            get.addJavadoc("Element {@code i}, read directly (elements have a fixed size). Moves the shared element.\n")
                    .addStatement("readElement(first + i * $L, limit, i)", element.fixedSize().getAsLong());
        } else {
            get.addJavadoc("Element {@code i}, found by stepping over the ones before it. Moves the shared element.\n")
                    .addStatement("int at = first")
                    .beginControlFlow("for (int k = 0; k <= i; k++)")
                    .addStatement("at = readElement(at, limit, k)")
                    .endControlFlow();
        }
        cursorType.addMethod(get.addStatement("return $L", resultValue).build());
        cursorType.addMethod(MethodSpec.methodBuilder("reset").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Starts over at the first element.\n")
                .addStatement("nextIndex = 0")
                .addStatement("nextOffset = first").build());
        type.addType(cursorType.build());

        host.type().addField(FieldSpec.builder(cursor, slot, Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", cursor).build());
        CodeBlock.Builder code = CodeBlock.builder();
        if (extent instanceof Extent.Fixed || extent instanceof Extent.Computed) {
            TypedExpr count = extent instanceof Extent.Fixed f ? TypedExpr.IntConst.of(f.value()) : ((Extent.Computed) extent).value();
            helpers.add("elementCount");
            code.addStatement("pos = this.$L.validate(pos, limit, elementCount($L, pos))", slot, host.expressions().write(count));
        } else if (extent instanceof Extent.Prefixed p) {
            boolean nullable = p.nullMarker() != null;
            if (nullable) {
                host.type().addField(TypeName.BOOLEAN, slot + "_null", Modifier.PRIVATE);
            }
            helpers.add("elementCount");
            code.beginControlFlow("")
                    .add(readPrefix(p, slot, nullable))
                    .addStatement("pos = this.$L.validate(pos, limit, elementCount(prefix, pos))", slot)
                    .endControlFlow();
        } else {
            code.addStatement("pos = this.$L.validate(pos, limit, -1)", slot);
        }
        if (accessor != null) {
            host.type().addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(cursor)
                    .addJavadoc("$L\n(The reused cursor, reset to the first element.)\n", javadoc)
                    .addStatement("$L.reset()", slot)
                    .addStatement("return $L", slot).build());
        }
        return code.build();
    }

    // ------------------------------------------------------------------------------- constants, sums

    private CodeBlock checkConstant(Field field, String slot, TypedExpr value) {
        helpers.add("fail");
        CodeBlock.Builder code = CodeBlock.builder();
        if (value instanceof TypedExpr.IntConst || value instanceof TypedExpr.NamedConst) {
            java.math.BigInteger expected = value instanceof TypedExpr.IntConst c ? c.value() : ((TypedExpr.NamedConst) value).value();
            TypeName raw = JavaValueTypes.rawNumber(field.type());
            String literal = Literals.integer(expected, !TypeName.INT.equals(raw));
            return code.beginControlFlow("if (this.$L != $L)", slot, literal)
                    .addStatement("throw fail(\"expected $L but found \" + this.$L, this.$L_start)", expected, slot, slot)
                    .endControlFlow().build();
        }
        byte[] bytes;
        if (value instanceof TypedExpr.TextConst t) {
            TextEncoding encoding = field.type() instanceof WireType.Text text ? text.encoding() : TextEncoding.UTF8;
            bytes = t.value().getBytes(JavaValueTypes.jdkCharset(encoding));
        } else if (value instanceof TypedExpr.BytesConst b) {
            bytes = b.value().toArray();
        } else {
            throw ExpressionWriter.unsupported("constant " + value + " of field " + field.name());
        }
        String constant = byteConstant(slot, "EXPECTED", bytes);
        return code.beginControlFlow("if (this.$L_length != $L.length || !region.contentEquals(this.$L_at, $L.length, $L, 0))",
                        slot, constant, slot, constant, constant)
                .addStatement("throw fail($S, this.$L_start)", "not the expected constant " + describe(bytes), slot)
                .endControlFlow().build();
    }

    private static String describe(byte[] bytes) {
        return "x\"" + java.util.HexFormat.of().formatHex(bytes) + "\"";
    }

    private CodeBlock checkChecksum(Field field, String slot, FieldValue.Checksum checksum) {
        if (checksum.fromFrame()) {
            // The frame header lies before the body this decoder sees; the framing reader checks it.
            return CodeBlock.builder()
                    .add("// Covers the frame header, which this body decoder does not see: not verified here.\n")
                    .build();
        }
        helpers.add("fail");
        String from = checksum.fromField() == null ? "0" : "this." + DecoderNames.slot(checksum.fromField()) + "_start";
        String seed = checksum.seed() == null ? "" : checksum.seed().hex();
        CodeBlock computed;
        switch (checksum.kind()) {
            case CRC24 -> {
                requireNoSeed(seed, field);
                computed = CodeBlock.of("$T.cqlCrc24(region, $L, this.$L_start - $L)", RuntimeTypes.CHECKSUMS, from, slot, from);
            }
            case CRC32 -> {
                usesChecksums = true;
                if (seed.equals("fa2d55ca")) {
                    computed = CodeBlock.of("checksums.cqlCrc32(region, $L, this.$L_start - $L)", from, slot, from);
                } else {
                    requireNoSeed(seed, field);
                    computed = CodeBlock.of("checksums.crc32(region, $L, this.$L_start - $L)", from, slot, from);
                }
            }
            default -> {
                usesChecksums = true;
                requireNoSeed(seed, field);
                computed = CodeBlock.of("checksums.crc32c(region, $L, this.$L_start - $L)", from, slot, from);
            }
        }
        return CodeBlock.builder()
                .addStatement("long computed = $L", computed)
                .beginControlFlow("if (computed != this.$L)", slot)
                .addStatement("throw fail(\"checksum mismatch: computed 0x\" + $T.toHexString(computed) + \" but found 0x\" "
                        + "+ $T.toHexString(this.$L), this.$L_start)", Long.class, Long.class, slot, slot)
                .endControlFlow().build();
    }

    private static void requireNoSeed(String seed, Field field) {
        if (!seed.isEmpty()) {
            throw ExpressionWriter.unsupported("checksum seed x\"" + seed + "\" on field " + field.name());
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    private void addHelpers() {
        for (Map.Entry<String, byte[]> constant : byteConstants.entrySet()) {
            CodeBlock.Builder init = CodeBlock.builder().add("{");
            byte[] bytes = constant.getValue();
            for (int i = 0; i < bytes.length; i++) {
                init.add(i == 0 ? "" : ", ").add("(byte) 0x$L", String.format("%02x", bytes[i] & 0xFF));
            }
            type.addField(FieldSpec.builder(byte[].class, constant.getKey(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(init.add("}").build()).build());
        }
        if (usesChecksums) {
            type.addField(FieldSpec.builder(RuntimeTypes.CHECKSUMS, "checksums", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.CHECKSUMS).build());
        }
        if (helpers.contains("elementCount")) {
            type.addField(FieldSpec.builder(TypeName.INT, "MAX_ELEMENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.DEFAULTS.maxElements()", RuntimeTypes.LIMITS).build());
        }
        DecoderHelpers.add(type, helpers, peeks);
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether reading a layout needs the session: it, or a struct it contains, reads {@code session.x}. */
    static boolean needsSession(GenerationContext context, Layout layout, java.util.Set<String> visiting) {
        boolean[] found = {false};
        LayoutWalker.forEachExpression(layout, expr -> {
            if (expr instanceof TypedExpr.SessionRef) {
                found[0] = true;
            }
        });
        if (found[0]) {
            return true;
        }
        for (String struct : LayoutWalker.structsUsed(layout)) {
            if (visiting.add(struct)) {
                StructModel model = context.model().struct(struct).orElseThrow();
                if (needsSession(context, model.layout(), visiting)) {
                    return true;
                }
            }
        }
        return false;
    }
}
