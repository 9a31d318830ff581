package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.values.TransformNames;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Builds the in-place encoder of one message or struct (CODEGEN.md "Encoders").
 *
 * <p>The generated class walks the layout's members with a cursor ({@code step}): a setter first
 * fills every member before its own that the encoder writes itself (constants, padding, reserved
 * slots for lengths, counts, offsets and checksums) and fails on a skipped member the user must
 * set; then it writes its value and "completes" the member, which back-patches the lengths and
 * counts derived from it. Arrays and nested structs stay open while elements are added and are
 * completed when the next member starts or {@code finish()} runs.
 */
public final class LayoutEncoderBuilder {

    private static final ClassName BIT_SET = ClassName.get("java.util", "BitSet");
    private static final ClassName STANDARD_CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");

    private final ProtocolModel model;
    private final EncoderNames names;
    private final EncoderPlanner planner;
    private final ExpressionTranslator translator;

    private final String ownerName;
    private final String doc;
    private final List<Parameter> parameters;
    private final Layout layout;
    private final ClassName self;
    private final boolean message;
    private final TypedExpr tag;
    private final String via;
    private final boolean needsSession;
    private final boolean needsFrame;
    private final ClassName frameType;

    private final List<MemberPlan> plans = new ArrayList<>();
    private final Map<String, MemberPlan> byName = new LinkedHashMap<>();
    private final Map<String, CodeBlock> constants = new LinkedHashMap<>();
    private final List<FieldSpec> constantFields = new ArrayList<>();
    private final List<String> unsupported = new ArrayList<>();
    private final CodeBlock support;
    private boolean usesCrc32;
    private boolean usesCrc32c;
    private boolean usesView;
    private boolean usesShift;

    public LayoutEncoderBuilder(ProtocolModel model, EncoderNames names, EncoderPlanner planner, String ownerName,
                                String doc, List<Parameter> parameters, Layout layout, boolean message, TypedExpr tag,
                                String via) {
        this.model = model;
        this.names = names;
        this.planner = planner;
        this.translator = new ExpressionTranslator(model, names);
        this.ownerName = ownerName;
        this.doc = doc;
        this.parameters = parameters;
        this.layout = layout;
        this.self = names.encoder(ownerName);
        this.message = message;
        this.tag = tag;
        this.via = via;
        this.needsSession = planner.needsSession(layout);
        this.needsFrame = planner.needsFrame(layout);
        this.frameType = needsFrame ? planner.checksumFraming(via).map(f -> names.frameEncoder(f.name())).orElse(null) : null;
        this.support = CodeBlock.of("$T", names.support());
        for (int i = 0; i < layout.members().size(); i++) {
            MemberPlan plan = new MemberPlan(i, layout.members().get(i));
            plans.add(plan);
            byName.put(plan.idlName(), plan);
        }
        markUnsupported();
    }

    /** What this encoder cannot write, one line per member ("Type.member: reason"). */
    public List<String> unsupported() {
        return unsupported;
    }

    // ------------------------------------------------------------------ analysis

    private void markUnsupported() {
        boolean positionedSeen = false;
        for (MemberPlan plan : plans) {
            Field f = plan.field;
            if (f == null) {
                continue;
            }
            if (f.transform() != null && !(plan.kind == MemberPlan.Kind.BYTES
                    && !(extentOf(f.type()) instanceof Extent.Prefixed) && !(extentOf(f.type()) instanceof Extent.Terminated))) {
                // Applied in place to exactly the value's bytes: a prefix or terminator would be transformed too.
                plan.unsupported = "hand-written transform '" + f.transform() + "' on a value with a length prefix or terminator";
            }
            if (f.position() != null) {
                positionedSeen = true;
            } else if (positionedSeen && writesBytes(plan)) {
                plan.unsupported = "positioned data must follow the fixed part; a member after a positioned one is not supported";
            }
            if (plan.unsupported == null && f.position() != null && plans.stream().skip(plan.index + 1)
                    .anyMatch(p -> p.field != null && p.field.position() == null && writesBytes(p))) {
                plan.unsupported = "positioned data followed by unpositioned members (written in place only when last)";
            }
            if (plan.unsupported == null && f.value() instanceof FieldValue.Checksum c) {
                if (c.kind() == FieldValue.ChecksumKind.CRC24 && c.seed().length() > 0) {
                    plan.unsupported = "CRC24 with a seed";
                } else if (c.fromFrame() && frameType == null) {
                    plan.unsupported = "checksum over the frame without a single framing with a header";
                }
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.ARRAY) {
                WireType element = ((WireType.Array) f.type()).element();
                if (!elementSupported(element)) {
                    plan.unsupported = "arrays of " + element.getClass().getSimpleName().toLowerCase() + " elements";
                }
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.UNION) {
                for (UnionArm arm : ((WireType.Union) f.type()).allArms()) {
                    if (!armSupported(arm.type())) {
                        plan.unsupported = arm.type() instanceof WireType.Array
                                ? "union arms holding an array with a count prefix or of unsupported elements"
                                : "union arms of type " + arm.type().getClass().getSimpleName().toLowerCase();
                    }
                }
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.PADDING
                    && ((f.type() instanceof WireType.Padding p && !(p.extent() instanceof Extent.Fixed)
                    && !(p.extent() instanceof Extent.Computed)))) {
                plan.unsupported = "padding without a size";
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.CONSTANT && !constantSupported(f)) {
                plan.unsupported = "constant of this type";
            }
            if (plan.unsupported != null) {
                unsupported.add(ownerName + "." + plan.idlName() + ": " + plan.unsupported);
            }
        }
    }

    private static boolean writesBytes(MemberPlan plan) {
        return plan.field != null && !(plan.field.type() instanceof WireType.Empty);
    }

    private static boolean elementSupported(WireType element) {
        return element instanceof WireType.StructRef || EncoderValueTypes.isIntegral(element)
                || EncoderValueTypes.isByteLike(element) || isFloat(element);
    }

    private static boolean isFloat(WireType type) {
        return type instanceof WireType.Int i && i.kind().floating();
    }

    private static boolean armSupported(WireType type) {
        if (type instanceof WireType.Array array) {
            // The count of an array arm is checked or terminated at completion; a count prefix would
            // need a back-patched slot per arm.
            return !(array.count() instanceof Extent.Prefixed) && elementSupported(array.element());
        }
        return type instanceof WireType.Empty || type instanceof WireType.StructRef || EncoderValueTypes.isIntegral(type)
                || isFloat(type) || EncoderValueTypes.isByteLike(type);
    }

    private static boolean constantSupported(Field f) {
        TypedExpr value = ((FieldValue.Constant) f.value()).value();
        if (EncoderValueTypes.isIntegral(f.type())) {
            return value instanceof TypedExpr.IntConst || value instanceof TypedExpr.NamedConst;
        }
        if (EncoderValueTypes.isByteLike(f.type())) {
            return value instanceof TypedExpr.TextConst || value instanceof TypedExpr.BytesConst;
        }
        return false;
    }

    // ------------------------------------------------------------------ the class

    public TypeSpec build() {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classDoc());
        if (message && tag != null) {
            Optional<JavaExpr> tagValue = translator.translate(tag, emptyScope());
            tagValue.ifPresent(t -> type.addField(FieldSpec.builder(TypeName.INT, "TAG", Modifier.PUBLIC,
                            Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The framing tag that announces this message (for the frame encoder).\n")
                    .initializer("$L", tagLiteral(tag)).build()));
        }
        type.addField(FieldSpec.builder(String.class, "TYPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", ownerName).build());
        type.addField(FieldSpec.builder(String.class, "PROTOCOL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", names.protocolName()).build());
        type.addField(FieldSpec.builder(RuntimeTypes.WIRE_WRITER, "out", Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(TypeName.INT, "start", Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(TypeName.INT, "step", Modifier.PRIVATE)
                .addJavadoc("Index of the next member in wire order.\n").build());
        type.addField(FieldSpec.builder(TypeName.INT, "open", Modifier.PRIVATE)
                .addJavadoc("Index of the array, struct or union member still being written, or -1.\n")
                .initializer("-1").build());
        type.addField(FieldSpec.builder(TypeName.BOOLEAN, "childOpen", Modifier.PRIVATE).build());
        if (needsSession) {
            type.addField(FieldSpec.builder(names.session(), "session", Modifier.PRIVATE).build());
        }
        if (needsFrame && frameType != null) {
            type.addField(FieldSpec.builder(frameType, "frame", Modifier.PRIVATE).build());
        }
        for (Parameter p : parameters) {
            type.addField(FieldSpec.builder(paramType(p), paramField(p), Modifier.PRIVATE).build());
            type.addField(FieldSpec.builder(TypeName.BOOLEAN, paramField(p) + "Known", Modifier.PRIVATE).build());
        }
        List<FieldSpec> state = stateFields();
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(publicWrap());
        methods.add(nestedWrap(state));
        for (MemberPlan plan : plans) {
            methods.addAll(setters(plan));
        }
        methods.add(finish());
        methods.add(begin());
        methods.add(fill());
        methods.add(complete());
        methods.add(closeOpen());
        methods.add(closeChild());
        methods.add(missing());
        if (usesShift) {
            methods.add(shift());
        }
        type.addFields(constantFields);
        type.addFields(state);
        if (usesCrc32) {
            type.addField(FieldSpec.builder(ClassName.get("java.util.zip", "CRC32"), "crc32", Modifier.PRIVATE,
                    Modifier.FINAL).initializer("new $T()", ClassName.get("java.util.zip", "CRC32")).build());
        }
        if (usesCrc32c) {
            type.addField(FieldSpec.builder(ClassName.get("java.util.zip", "CRC32C"), "crc32c", Modifier.PRIVATE,
                    Modifier.FINAL).initializer("new $T()", ClassName.get("java.util.zip", "CRC32C")).build());
        }
        if (usesCrc32 || usesCrc32c || usesView) {
            type.addField(FieldSpec.builder(RuntimeTypes.WIRE_BUFFER, "view", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.WIRE_BUFFER).build());
            type.addField(FieldSpec.builder(byte[].class, "scratch", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new byte[256]").build());
        }
        type.addMethods(methods);
        return type.build();
    }

    private String tagLiteral(TypedExpr tagExpr) {
        BigInteger value = tagExpr instanceof TypedExpr.IntConst c ? c.value() : ((TypedExpr.NamedConst) tagExpr).value();
        long v = value.longValue();
        if (v >= 0x20 && v < 0x7F && Character.isLetterOrDigit((char) v)) {
            return "'" + (char) v + "'";
        }
        return Long.toString(v);
    }

    private CodeBlock classDoc() {
        CodeBlock.Builder b = CodeBlock.builder();
        if (doc != null && !doc.isBlank()) {
            b.add("$L\n\n", doc.strip());
        }
        b.add("<p>Writes {@code $L} in place into a {@link $T}: call {@code wrap}, then the setters in wire order", ownerName,
                RuntimeTypes.WIRE_WRITER);
        List<String> setterNames = plans.stream().filter(MemberPlan::isUserSet).map(p -> p.setter).toList();
        if (!setterNames.isEmpty()) {
            b.add(" ({@code $L})", String.join("}, {@code ", setterNames));
        }
        b.add(", then {@code finish()}. Constants, padding, lengths, counts, offsets and checksums are written by the encoder. "
                + "Reuse one instance per thread: encoding allocates nothing.\n");
        if (!unsupported.isEmpty()) {
            b.add("\n<p>Not supported by this encoder (the setter throws {@code UnsupportedOperationException}):\n<ul>\n");
            for (String u : unsupported) {
                b.add("<li>$L</li>\n", u.replace("<", "&lt;"));
            }
            b.add("</ul>\n");
        }
        return b.build();
    }

    private TypeName paramType(Parameter p) {
        return p.type() instanceof WireType.Bool ? TypeName.BOOLEAN : TypeName.LONG;
    }

    private static String paramField(Parameter p) {
        return "param" + Naming.pascal(p.name());
    }

    // ------------------------------------------------------------------ state

    private List<FieldSpec> stateFields() {
        List<FieldSpec> fields = new ArrayList<>();
        for (MemberPlan plan : plans) {
            if (plan.field != null) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Start", Modifier.PRIVATE).build());
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "End", Modifier.PRIVATE).build());
                fields.add(FieldSpec.builder(TypeName.BOOLEAN, plan.base + "Present", Modifier.PRIVATE).build());
            }
            if (plan.keepsValue()) {
                fields.add(FieldSpec.builder(TypeName.LONG, plan.base + "Value", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.JOIN_LET) {
                fields.add(FieldSpec.builder(TypeName.BOOLEAN, plan.base + "Present", Modifier.PRIVATE).build());
            }
            if (hasSlot(plan)) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Slot", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.BYTES && plan.field.type() instanceof WireType.Text) {
                fields.add(FieldSpec.builder(CharSequence.class, plan.base + "Text", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.BITMAP) {
                fields.add(FieldSpec.builder(BIT_SET, plan.base + "Bits", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.ARRAY) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Count", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.UNION) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Arm", Modifier.PRIVATE).build());
                WireType.Union u = (WireType.Union) plan.field.type();
                if (plan.unsupported == null) {
                    for (UnionArm arm : u.allArms()) {
                        if (arm.type() instanceof WireType.Array) {
                            fields.add(FieldSpec.builder(TypeName.INT, plan.base + armName(u, arm) + "Count", Modifier.PRIVATE).build());
                        }
                    }
                }
            }
            for (Map.Entry<String, ClassName> child : children(plan).entrySet()) {
                fields.add(FieldSpec.builder(child.getValue(), child.getKey(), Modifier.PRIVATE).build());
            }
        }
        return fields;
    }

    private static boolean hasSlot(MemberPlan plan) {
        return plan.kind == MemberPlan.Kind.DERIVED || plan.kind == MemberPlan.Kind.PART
                || plan.kind == MemberPlan.Kind.CHECKSUM
                || plan.kind == MemberPlan.Kind.ARRAY && ((WireType.Array) plan.field.type()).count() instanceof Extent.Prefixed;
    }

    /** Nested encoders a member owns, by state field name. */
    private Map<String, ClassName> children(MemberPlan plan) {
        Map<String, ClassName> out = new LinkedHashMap<>();
        if (plan.field == null || plan.unsupported != null) {
            return out;
        }
        WireType type = plan.field.type();
        if (type instanceof WireType.StructRef s) {
            out.put(plan.base + "Encoder", names.encoder(s.name()));
        } else if (type instanceof WireType.Array a && a.element() instanceof WireType.StructRef s) {
            out.put(plan.base + "Encoder", names.encoder(s.name()));
        } else if (type instanceof WireType.Union u) {
            for (UnionArm arm : u.allArms()) {
                if (arm.type() instanceof WireType.StructRef s) {
                    out.put(plan.base + armName(u, arm) + "Encoder", names.encoder(s.name()));
                } else if (arm.type() instanceof WireType.Array a && a.element() instanceof WireType.StructRef s) {
                    out.put(plan.base + armName(u, arm) + "Encoder", names.encoder(s.name()));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ wrap and finish

    private MethodSpec publicWrap() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("wrap").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Starts a $L at the writer's position.\n", ownerName)
                .addParameter(RuntimeTypes.WIRE_WRITER, "out");
        List<String> args = new ArrayList<>();
        args.add("out");
        if (needsSession) {
            m.addParameter(names.session(), "session");
            m.addJavadoc("@param session the connection's session variables, which decide optional members\n");
            args.add("session");
        } else {
            args.add("null");
        }
        if (needsFrame && frameType != null) {
            m.addParameter(frameType, "frame");
            m.addJavadoc("@param frame the frame encoder this message is the body of: its checksum covers the frame\n");
            args.add("frame");
        } else if (needsFrame) {
            args.add("null");
        }
        for (Parameter p : parameters) {
            m.addParameter(paramType(p), paramField(p));
            args.add(paramField(p));
            args.add("true");
        }
        m.addStatement("return wrapNested($L)", String.join(", ", args));
        return m.build();
    }

    private MethodSpec nestedWrap(List<FieldSpec> state) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("wrapNested").returns(self)
                .addJavadoc("Starts encoding; used by enclosing encoders, which may not know every argument.\n")
                .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                .addParameter(needsSession ? names.session() : ClassName.OBJECT, "session");
        if (needsFrame) {
            m.addParameter(frameType != null ? frameType : ClassName.OBJECT, "frame");
        }
        for (Parameter p : parameters) {
            m.addParameter(paramType(p), paramField(p));
            m.addParameter(TypeName.BOOLEAN, paramField(p) + "Known");
        }
        m.addStatement("this.out = out");
        if (needsSession) {
            m.addStatement("this.session = session");
        }
        if (needsFrame && frameType != null) {
            m.addStatement("this.frame = frame");
        }
        for (Parameter p : parameters) {
            m.addStatement("this.$L = $L", paramField(p), paramField(p));
            m.addStatement("this.$LKnown = $LKnown", paramField(p), paramField(p));
        }
        m.addStatement("this.start = out.position()");
        m.addStatement("this.step = 0");
        m.addStatement("this.open = -1");
        m.addStatement("this.childOpen = false");
        for (FieldSpec f : state) {
            if (f.type().isPrimitive()) {
                String init = f.type().equals(TypeName.BOOLEAN) ? "false" : f.name().endsWith("Slot") ? "-1" : "0";
                m.addStatement("this.$N = $L", f, init);
            } else if (f.type().equals(ClassName.get(CharSequence.class)) || f.type().equals(BIT_SET)) {
                m.addStatement("this.$N = null", f);
            }
        }
        m.addStatement("return this");
        return m.build();
    }

    private MethodSpec finish() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("finish").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("Writes what is left (trailing constants, padding, empty arrays), back-patches lengths, counts\n"
                        + "and checksums, and returns the number of bytes this $L took.\n\n"
                        + "@throws IllegalStateException when a required member was not set\n", ownerName)
                .addStatement("begin($L, \"finish\")", plans.size());
        CodeBlock.Builder checksums = CodeBlock.builder();
        for (MemberPlan plan : plans) {
            if (plan.kind == MemberPlan.Kind.CHECKSUM && plan.unsupported == null) {
                checksums.add(checksumPatch(plan));
            }
        }
        if (!checksums.isEmpty()) {
            m.beginControlFlow("try")
                    .addCode(checksums.build())
                    .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                    .addStatement("throw e.inMessage(PROTOCOL, TYPE)")
                    .endControlFlow();
        }
        m.addStatement("int written = out.position() - start");
        m.addStatement("out = null");
        for (MemberPlan plan : plans) {
            if (plan.kind == MemberPlan.Kind.BYTES && plan.field.type() instanceof WireType.Text) {
                m.addStatement("$LText = null", plan.base);
            }
            if (plan.kind == MemberPlan.Kind.BITMAP) {
                m.addStatement("$LBits = null", plan.base);
            }
        }
        if (needsSession) {
            m.addStatement("session = null");
        }
        if (needsFrame && frameType != null) {
            m.addStatement("frame = null");
        }
        m.addStatement("return written");
        return m.build();
    }

    private CodeBlock checksumPatch(MemberPlan plan) {
        FieldValue.Checksum c = (FieldValue.Checksum) plan.field.value();
        CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if ($LSlot >= 0)", plan.base);
        String from;
        if (c.fromFrame()) {
            b.beginControlFlow("if (frame == null)")
                    .addStatement("throw new $T(TYPE + \".$L: the checksum covers the frame; wrap with the frame encoder\")",
                            IllegalStateException.class, plan.displayName())
                    .endControlFlow()
                    .addStatement("frame.patchBodySize()");
            from = "frame.frameStart()";
        } else if (c.fromField() != null && byName.containsKey(c.fromField())) {
            from = byName.get(c.fromField()).base + "Start";
        } else {
            from = "start";
        }
        usesView = true;
        String value;
        if (c.kind() == FieldValue.ChecksumKind.CRC24) {
            value = support + ".crc24(out, view, " + from + ", " + plan.base + "Slot)";
        } else {
            String engine = c.kind() == FieldValue.ChecksumKind.CRC32 ? "crc32" : "crc32c";
            if (c.kind() == FieldValue.ChecksumKind.CRC32) {
                usesCrc32 = true;
            } else {
                usesCrc32c = true;
            }
            String seed = constant(plan.base + "Seed", c.seed().toArray());
            value = support + ".checksum(" + engine + ", " + seed + ", out, view, " + from + ", " + plan.base + "Slot, scratch)";
        }
        b.addStatement("$LValue = $L", plan.base, value);
        b.addStatement("$L", WireIo.patch(intType(plan.field.type()), plan.base + "Slot", plan.base + "Value", TypeName.LONG));
        return b.endControlFlow().build();
    }

    // ------------------------------------------------------------------ the cursor

    private MethodSpec begin() {
        return MethodSpec.methodBuilder("begin").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Moves the cursor to {@code member}, writing or checking every member before it.\n")
                .addParameter(TypeName.INT, "member").addParameter(String.class, "name")
                .beginControlFlow("if (out == null)")
                .addStatement("throw new $T(TYPE + \".\" + name + \": call wrap(...) first (or again after finish())\")",
                        IllegalStateException.class)
                .endControlFlow()
                .beginControlFlow("if (open >= 0)")
                .addStatement("closeOpen()")
                .endControlFlow()
                .beginControlFlow("if (step > member)")
                .addStatement("throw new $T(TYPE + \".\" + name + \": set out of order or twice (members go in wire order)\")",
                        IllegalStateException.class)
                .endControlFlow()
                .beginControlFlow("try")
                .beginControlFlow("while (step < member)")
                .addStatement("fill(step)")
                .addStatement("step++")
                .endControlFlow()
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inMessage(PROTOCOL, TYPE)")
                .endControlFlow()
                .addStatement("step = member + 1")
                .build();
    }

    private MethodSpec missing() {
        return MethodSpec.methodBuilder("missing").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(IllegalStateException.class)
                .addParameter(String.class, "name").addParameter(String.class, "why")
                .addStatement("return new $T(TYPE + \".\" + name + \": \" + why)", IllegalStateException.class)
                .build();
    }

    private MethodSpec fill() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("fill").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Handles a member the user did not set: writes it when the encoder owns it, else checks it may be absent.\n")
                .addParameter(TypeName.INT, "member");
        m.beginControlFlow("switch (member)");
        for (MemberPlan plan : plans) {
            CodeBlock body = fillCase(plan);
            if (body.isEmpty()) {
                continue;
            }
            m.addCode("case $L: {\n$>", plan.index).addCode(body);
            if (!endsWithThrow(body)) {
                m.addStatement("break");
            }
            m.addCode("$<}\n");
        }
        m.addCode("default:\n$>").addStatement("break").addCode("$<");
        m.endControlFlow();
        return m.build();
    }

    private static boolean endsWithThrow(CodeBlock body) {
        String[] lines = body.toString().strip().split("\n");
        return lines[lines.length - 1].strip().startsWith("throw ");
    }

    private CodeBlock fillCase(MemberPlan plan) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (plan.kind == MemberPlan.Kind.LET) {
            return b.build();
        }
        if (plan.kind == MemberPlan.Kind.JOIN_LET) {
            return b.addStatement("throw missing($S, \"required (its parts are derived from it)\")", plan.setter).build();
        }
        if (plan.isUserSet()) {
            CodeBlock required = requiredCondition(plan);
            if (plan.kind == MemberPlan.Kind.ARRAY && plan.unsupported == null) {
                // An array nobody added to is an empty array when present.
                CodeBlock present = presence(plan);
                if (present.toString().equals("true")) {
                    return b.addStatement("$LBegin()", plan.setter).addStatement("complete($L)", plan.index).build();
                }
                b.beginControlFlow("if ($L)", present)
                        .addStatement("$LBegin()", plan.setter)
                        .addStatement("complete($L)", plan.index)
                        .nextControlFlow("else")
                        .addStatement("$LStart = $LEnd = out.position()", plan.base, plan.base)
                        .endControlFlow();
                return b.build();
            }
            if (plan.kind == MemberPlan.Kind.UNION) {
                CodeBlock emptyArm = emptyArmMatches(plan);
                if (emptyArm != null) {
                    required = CodeBlock.of("$L && !($L)", required, emptyArm);
                }
            }
            if (!required.toString().equals("false")) {
                b.beginControlFlow("if ($L)", required)
                        .addStatement("throw missing($S, $S)", plan.setter, plan.isOptional()
                                ? "required here (its condition holds)" : "required")
                        .endControlFlow();
            }
            b.addStatement("$LStart = $LEnd = out.position()", plan.base, plan.base);
            b.addStatement("complete($L)", plan.index);
            return b.build();
        }
        if (plan.unsupported != null) {
            return b.addStatement("throw new $T(TYPE + \".$L: $L\")", UnsupportedOperationException.class,
                    plan.displayName(), plan.unsupported).build();
        }
        CodeBlock present = presence(plan);
        b.addStatement("$LStart = out.position()", plan.base);
        boolean always = present.toString().equals("true");
        if (!always) {
            b.beginControlFlow("if ($L)", present);
        }
        b.addStatement("$LPresent = true", plan.base);
        b.add(autoWrite(plan));
        if (!always) {
            b.endControlFlow();
        }
        b.addStatement("complete($L)", plan.index);
        return b.build();
    }

    /** Whether a member the encoder writes, or an array, is there: its condition, or a guess when it cannot be known. */
    private CodeBlock presence(MemberPlan plan) {
        if (!plan.isOptional()) {
            return CodeBlock.of("true");
        }
        Optional<JavaExpr> cond = translator.translate(plan.field.condition(), scopeAt(plan.index, null));
        if (cond.isPresent() && cond.get().kind() == Kind.BOOL) {
            CodeBlock guard = cond.get().guardCondition();
            return guard == null ? cond.get().code() : CodeBlock.of("(!($L) || $L)", guard, cond.get().code());
        }
        // Not computable while encoding (a length patched later, remaining bytes): follow an earlier
        // user-set member with the same condition, else take it as present.
        for (MemberPlan earlier : plans.subList(0, plan.index)) {
            if (earlier.isUserSet() && earlier.isOptional() && earlier.field.condition().equals(plan.field.condition())) {
                return CodeBlock.of("$LPresent", earlier.base);
            }
        }
        return plan.kind == MemberPlan.Kind.ARRAY ? CodeBlock.of("false") : CodeBlock.of("true");
    }

    /** When a user-set member left unset is an error. */
    private CodeBlock requiredCondition(MemberPlan plan) {
        if (!plan.isOptional()) {
            return CodeBlock.of("true");
        }
        Optional<JavaExpr> cond = translator.translate(plan.field.condition(), scopeAt(plan.index, null));
        if (cond.isEmpty() || cond.get().kind() != Kind.BOOL) {
            return CodeBlock.of("false");
        }
        CodeBlock guard = cond.get().guardCondition();
        return guard == null ? cond.get().code() : CodeBlock.of("($L && $L)", guard, cond.get().code());
    }

    /** The check a user-set optional member makes when it is set. */
    private CodeBlock conditionCheck(MemberPlan plan) {
        if (!plan.isOptional()) {
            return CodeBlock.of("");
        }
        Optional<JavaExpr> cond = translator.translate(plan.field.condition(), scopeAt(plan.index, null));
        if (cond.isEmpty() || cond.get().kind() != Kind.BOOL) {
            return CodeBlock.of("");
        }
        CodeBlock guard = cond.get().guardCondition();
        CodeBlock test = guard == null ? CodeBlock.of("!$L", cond.get().code())
                : CodeBlock.of("$L && !$L", guard, cond.get().code());
        return CodeBlock.builder().beginControlFlow("if ($L)", test)
                .addStatement("throw new $T(TYPE + \".$L: must be absent here (its condition is false)\")",
                        IllegalStateException.class, plan.setter)
                .endControlFlow().build();
    }

    private MethodSpec closeOpen() {
        return MethodSpec.methodBuilder("closeOpen").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Completes the open array, struct or union member.\n")
                .addStatement("int member = open")
                .beginControlFlow("if (childOpen)")
                .addStatement("closeChild()")
                .endControlFlow()
                .addStatement("open = -1")
                .beginControlFlow("try")
                .addStatement("complete(member)")
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inMessage(PROTOCOL, TYPE)")
                .endControlFlow()
                .build();
    }

    private MethodSpec closeChild() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("closeChild").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Finishes the nested encoder handed out for the open member.\n")
                .addStatement("childOpen = false");
        m.beginControlFlow("switch (open)");
        for (MemberPlan plan : plans) {
            Map<String, ClassName> children = children(plan);
            if (children.isEmpty()) {
                continue;
            }
            m.addCode("case $L:\n$>", plan.index);
            if (plan.kind == MemberPlan.Kind.UNION) {
                WireType.Union u = (WireType.Union) plan.field.type();
                List<UnionArm> arms = u.allArms();
                for (int i = 0; i < arms.size(); i++) {
                    if (arms.get(i).type() instanceof WireType.StructRef
                            || arms.get(i).type() instanceof WireType.Array a && a.element() instanceof WireType.StructRef) {
                        m.beginControlFlow("if ($LArm == $L)", plan.base, i)
                                .addStatement("$L$LEncoder.finish()", plan.base, armName(u, arms.get(i)))
                                .endControlFlow();
                    }
                }
            } else {
                m.addStatement("$LEncoder.finish()", plan.base);
            }
            m.addStatement("break").addCode("$<");
        }
        m.addCode("default:\n$>").addStatement("break").addCode("$<");
        m.endControlFlow();
        return m.build();
    }

    // ------------------------------------------------------------------ completion and back-patching

    private MethodSpec complete() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("complete").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Records where a member ended and back-patches what is derived from it.\n")
                .addParameter(TypeName.INT, "member");
        m.beginControlFlow("switch (member)");
        for (MemberPlan plan : plans) {
            CodeBlock body = completeCase(plan);
            if (body.isEmpty()) {
                continue;
            }
            m.addCode("case $L: {\n$>", plan.index).addCode(body).addStatement("break").addCode("$<}\n");
        }
        m.addCode("default:\n$>").addStatement("break").addCode("$<");
        m.endControlFlow();
        return m.build();
    }

    private CodeBlock completeCase(MemberPlan plan) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (plan.field == null) {
            return b.build();
        }
        if (plan.kind == MemberPlan.Kind.ARRAY && plan.unsupported == null) {
            CodeBlock end = arrayEnd(plan, (WireType.Array) plan.field.type(), plan.base + "Count", plan.setter);
            if (!end.isEmpty()) {
                b.beginControlFlow("if ($LPresent)", plan.base).add(end).endControlFlow();
            }
        }
        if (plan.kind == MemberPlan.Kind.UNION && plan.unsupported == null) {
            WireType.Union u = (WireType.Union) plan.field.type();
            List<UnionArm> arms = u.allArms();
            for (int i = 0; i < arms.size(); i++) {
                if (arms.get(i).type() instanceof WireType.Array array) {
                    String arm = armName(u, arms.get(i));
                    CodeBlock end = arrayEnd(plan, array, plan.base + arm + "Count", plan.setter + "As" + arm);
                    if (!end.isEmpty()) {
                        b.beginControlFlow("if ($LPresent && $LArm == $L)", plan.base, plan.base, i).add(end).endControlFlow();
                    }
                }
            }
        }
        b.addStatement("$LEnd = out.position()", plan.base);
        if (plan.field.regionSize() != null) {
            Optional<JavaExpr> size = numeric(plan.field.regionSize(), scopeAt(plan.index, null));
            if (size.isPresent()) {
                CodeBlock guard = size.get().guardCondition();
                b.beginControlFlow("if ($LPresent$L)", plan.base, guard == null ? "" : " && " + guard)
                        .addStatement("$L.checkLength($LEnd - $LStart, $L, $LStart)", support, plan.base, plan.base,
                                size.get().asLong(), plan.base)
                        .endControlFlow();
            }
        }
        for (MemberPlan derived : plans) {
            if (derived.kind != MemberPlan.Kind.DERIVED || derived.unsupported != null) {
                continue;
            }
            FieldRole role = derived.field.role();
            String target = targetOf(role);
            if (!plan.idlName().equals(target)) {
                continue;
            }
            b.addStatement("$LValue = $L", derived.base, derivedValue(role, plan));
            if (derived.index < plan.index) {
                b.beginControlFlow("if ($LSlot >= 0)", derived.base).add(patchDerived(derived)).endControlFlow();
            }
        }
        return b.build();
    }

    private static String targetOf(FieldRole role) {
        if (role instanceof FieldRole.LengthOf l) {
            return l.target();
        }
        if (role instanceof FieldRole.CountOf c) {
            return c.target();
        }
        if (role instanceof FieldRole.OffsetOf o) {
            return o.target();
        }
        return null;
    }

    private String derivedValue(FieldRole role, MemberPlan target) {
        if (role instanceof FieldRole.LengthOf l) {
            return divide("(long) (" + target.base + "End - " + target.base + "Start)", l.unit()) + plus(l.adjustment());
        }
        if (role instanceof FieldRole.CountOf c) {
            String count = target.kind == MemberPlan.Kind.ARRAY ? "(long) " + target.base + "Count" : "0L";
            return divide(count, c.unit()) + plus(c.adjustment());
        }
        FieldRole.OffsetOf o = (FieldRole.OffsetOf) role;
        return "(long) (" + target.base + "Start - start)" + plus(o.adjustment());
    }

    private static String divide(String value, long unit) {
        return unit == 1 ? value : value + " / " + unit;
    }

    private static String plus(long adjustment) {
        return adjustment == 0 ? "" : adjustment > 0 ? " + " + adjustment : " - " + (-adjustment);
    }

    /** Writes a derived value into its reserved slot (fixed width) or inserts it (lenenc, ascii_int). */
    private CodeBlock patchDerived(MemberPlan derived) {
        CodeBlock.Builder b = CodeBlock.builder();
        WireType type = derived.field.type();
        WireType.Int fixed = EncoderValueTypes.intBase(type);
        if (fixed != null) {
            CodeBlock range = WireIo.rangeCheck(fixed.kind(), derived.base + "Value", TypeName.LONG, support);
            if (range != null) {
                b.addStatement("$L.checkRange($LValue, $LL, $LL, $LSlot)", support, derived.base,
                        fixed.kind().min().longValueExact(), fixed.kind().max().longValueExact(), derived.base);
            }
            b.addStatement("$L", WireIo.patch(fixed, derived.base + "Slot", derived.base + "Value", TypeName.LONG));
        } else {
            usesShift = true;
            String insert = type instanceof WireType.LenEnc
                    ? support + ".insertLenenc(out, " + derived.base + "Slot, " + derived.base + "Value)"
                    : support + ".insertAsciiInt(out, " + derived.base + "Slot, " + derived.base + "Value, "
                    + constant(derived.base + "Terminator", ((WireType.AsciiInt) type).terminator().toArray()) + ")";
            b.addStatement("shift($LSlot, $L, $L)", derived.base, insert, derived.index);
        }
        return b.build();
    }

    private MethodSpec shift() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("shift").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Moves recorded positions after an insertion of {@code by} bytes at {@code at} by member {@code member}.\n")
                .addParameter(TypeName.INT, "at").addParameter(TypeName.INT, "by").addParameter(TypeName.INT, "member");
        for (MemberPlan plan : plans) {
            if (plan.field == null) {
                continue;
            }
            List<String> positions = new ArrayList<>(List.of(plan.base + "Start", plan.base + "End"));
            if (hasSlot(plan)) {
                positions.add(plan.base + "Slot");
            }
            for (String p : positions) {
                m.beginControlFlow("if ($L > at || $L == at && member < $L)", p, p, plan.index)
                        .addStatement("$L += by", p).endControlFlow();
            }
        }
        return m.build();
    }

    /** Ends an array whose elements are counted in {@code count}: terminator, count prefix or count check. */
    private CodeBlock arrayEnd(MemberPlan plan, WireType.Array array, String count, String setter) {
        CodeBlock.Builder b = CodeBlock.builder();
        Extent extent = array.count();
        if (extent instanceof Extent.Terminated t) {
            b.addStatement("out.putBytes($L)", constant(plan.base + "Terminator", t.terminator().toArray()));
        } else if (extent instanceof Extent.Prefixed p) {
            if (p.lengthType() instanceof WireType.Int prefix) {
                b.addStatement("$L.checkRange($L, $LL, $LL, $LSlot)", support, count,
                        prefix.kind().min().max(BigInteger.ZERO).longValueExact(), prefix.kind().max().longValueExact(), plan.base);
                b.addStatement("$L", WireIo.patch(prefix, plan.base + "Slot", count, TypeName.INT));
            } else {
                usesShift = true;
                b.addStatement("shift($LSlot, $L.insertLenenc(out, $LSlot, $L), $L)", plan.base, support, plan.base,
                        count, plan.index);
            }
        } else if (extent instanceof Extent.Fixed f) {
            b.beginControlFlow("if ($L != $L)", count, f.value())
                    .addStatement("throw new $T(TYPE + \".$L: needs exactly $L elements, got \" + $L)",
                            IllegalStateException.class, setter, f.value(), count)
                    .endControlFlow();
        } else if (extent instanceof Extent.Computed c) {
            Optional<JavaExpr> expected = numeric(c.value(), scopeAt(plan.index, null));
            if (expected.isPresent()) {
                CodeBlock guard = expected.get().guardCondition();
                b.beginControlFlow("if ($L$L != $L)", guard == null ? "" : guard + " && ", count,
                                expected.get().asLong())
                        .addStatement("throw new $T(TYPE + \".$L: needs \" + $L + \" elements, got \" + $L)",
                                IllegalStateException.class, setter, expected.get().asLong(), count)
                        .endControlFlow();
            }
        }
        return b.build();
    }

    // ------------------------------------------------------------------ members the encoder writes

    private CodeBlock autoWrite(MemberPlan plan) {
        Field f = plan.field;
        CodeBlock.Builder b = CodeBlock.builder();
        switch (plan.kind) {
            case CONSTANT -> b.add(writeConstant(plan));
            case PADDING -> {
                if (f.value() instanceof FieldValue.Constant) {
                    b.add(writeConstant(plan));
                } else if (f.type() instanceof WireType.Padding p && p.extent() instanceof Extent.Fixed fixed) {
                    b.addStatement("out.putZeros($L)", fixed.value());
                } else if (f.type() instanceof WireType.Padding p && p.extent() instanceof Extent.Computed c) {
                    Optional<JavaExpr> size = numeric(c.value(), scopeAt(plan.index, null));
                    if (size.isPresent()) {
                        b.addStatement("out.putZeros((int) $L)", size.get().asLong());
                    } else {
                        b.addStatement("throw new $T(TYPE + \".$L: padding size not known while encoding\")",
                                UnsupportedOperationException.class, plan.displayName());
                    }
                } else if (EncoderValueTypes.intBase(f.type()) != null) {
                    b.addStatement("out.putZeros($L)", EncoderValueTypes.intBase(f.type()).kind().size());
                } else if (f.type().fixedSize().isPresent()) {
                    b.addStatement("out.putZeros($L)", f.type().fixedSize().getAsLong());
                } else {
                    b.addStatement("throw new $T(TYPE + \".$L: padding size not known while encoding\")",
                            UnsupportedOperationException.class, plan.displayName());
                }
            }
            case CHECKSUM -> b.addStatement("$LSlot = out.reserve($L)", plan.base, intType(f.type()).kind().size());
            case DERIVED -> {
                MemberPlan target = byName.get(targetOf(f.role()));
                if (target != null && target.index < plan.index) {
                    // The target is complete: its value is known, write it directly.
                    b.add(writeStoredNumber(plan));
                } else if (EncoderValueTypes.intBase(f.type()) != null) {
                    b.addStatement("$LSlot = out.reserve($L)", plan.base, intType(f.type()).kind().size());
                } else {
                    b.addStatement("$LSlot = out.position()", plan.base);
                }
            }
            case PART -> {
                FieldRole.PartOf part = (FieldRole.PartOf) f.role();
                MemberPlan let = byName.get(part.let());
                if (let != null && let.index < plan.index) {
                    b.addStatement("$LValue = $L", plan.base, partValue(part, let));
                    b.add(writeStoredNumber(plan));
                } else {
                    b.addStatement("$LSlot = out.reserve($L)", plan.base, intType(f.type()).kind().size());
                }
            }
            default -> throw new IllegalStateException("not written by the encoder: " + plan.kind);
        }
        return b.build();
    }

    private static String partValue(FieldRole.PartOf part, MemberPlan let) {
        long mask = part.bitWidth() >= 64 ? -1L : (1L << part.bitWidth()) - 1;
        return "(" + let.base + "Value >>> " + part.bitOffset() + ") & " + mask + "L";
    }

    private CodeBlock writeStoredNumber(MemberPlan plan) {
        WireType type = plan.field.type();
        WireType.Int fixed = EncoderValueTypes.intBase(type);
        if (fixed != null) {
            CodeBlock.Builder b = CodeBlock.builder();
            CodeBlock range = WireIo.rangeCheck(fixed.kind(), plan.base + "Value", TypeName.LONG, support);
            if (range != null) {
                b.addStatement("$L", range);
            }
            return b.addStatement("$L", WireIo.put(fixed, plan.base + "Value", TypeName.LONG)).build();
        }
        if (type instanceof WireType.LenEnc) {
            return CodeBlock.builder().addStatement("$T.write(out, $LValue)", RuntimeTypes.LENGTH_ENCODED_INT, plan.base).build();
        }
        WireType.AsciiInt ascii = (WireType.AsciiInt) type;
        return CodeBlock.builder().addStatement("$T.put(out, $LValue)", RuntimeTypes.ASCII_DECIMAL, plan.base)
                .addStatement("out.putBytes($L)", constant(plan.base + "Terminator", ascii.terminator().toArray())).build();
    }

    private CodeBlock writeConstant(MemberPlan plan) {
        Field f = plan.field;
        TypedExpr value = ((FieldValue.Constant) f.value()).value();
        if (EncoderValueTypes.isIntegral(f.type())) {
            BigInteger v = value instanceof TypedExpr.IntConst c ? c.value() : ((TypedExpr.NamedConst) value).value();
            return CodeBlock.builder().addStatement("$LValue = $LL", plan.base, v.longValue()).add(writeStoredNumber(plan)).build();
        }
        byte[] bytes;
        if (value instanceof TypedExpr.BytesConst bc) {
            bytes = bc.value().toArray();
        } else {
            Charset charset = f.type() instanceof WireType.Text t ? Charset.forName(t.encoding().javaName())
                    : java.nio.charset.StandardCharsets.UTF_8;
            bytes = ((TypedExpr.TextConst) value).value().getBytes(charset);
        }
        String name = constant(plan.base + "Constant", bytes);
        return writeBytes(plan, extentOf(f.type()), name, "0", name + ".length", false);
    }

    // ------------------------------------------------------------------ setters

    private List<MethodSpec> setters(MemberPlan plan) {
        List<MethodSpec> out = new ArrayList<>();
        if (!plan.isUserSet()) {
            return out;
        }
        if (plan.kind == MemberPlan.Kind.JOIN_LET) {
            out.add(joinLetSetter(plan));
            return out;
        }
        if (plan.unsupported != null) {
            out.add(MethodSpec.methodBuilder(plan.setter).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Not supported: $L.\n\n@throws UnsupportedOperationException always\n", plan.unsupported)
                    .addStatement("begin($L, $S)", plan.index, plan.setter)
                    .addStatement("throw new $T(TYPE + \".$L: $L\")", UnsupportedOperationException.class, plan.setter,
                            plan.unsupported)
                    .build());
            return out;
        }
        WireType type = plan.field.type();
        switch (plan.kind) {
            case SCALAR, BYTES, BITMAP -> out.addAll(valueSetters(plan, plan.setter, type, null));
            case STRUCT -> out.add(structSetter(plan, plan.setter, (WireType.StructRef) type, null, plan.base + "Encoder"));
            case ARRAY -> {
                out.add(arrayStart(plan));
                if (plan.isOptional()) {
                    out.add(arrayPresence(plan));
                }
                out.addAll(elementSetters(plan));
            }
            case UNION -> out.addAll(unionSetters(plan));
            default -> { }
        }
        return out;
    }

    private MethodSpec joinLetSetter(MemberPlan plan) {
        Let let = (Let) plan.member;
        MethodSpec.Builder m = MethodSpec.methodBuilder(plan.setter).addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(TypeName.LONG, "value")
                .addJavadoc("$L", docOf(let.doc()))
                .addJavadoc("The joined value; the encoder writes its parts ($L).\n", partsOf(plan))
                .addStatement("begin($L, $S)", plan.index, plan.setter)
                .addStatement("$LValue = value", plan.base)
                .addStatement("$LPresent = true", plan.base);
        m.beginControlFlow("try");
        for (MemberPlan part : plans) {
            if (part.kind == MemberPlan.Kind.PART && ((FieldRole.PartOf) part.field.role()).let().equals(let.name())
                    && part.index < plan.index) {
                m.beginControlFlow("if ($LSlot >= 0)", part.base)
                        .addStatement("$LValue = $L", part.base, partValue((FieldRole.PartOf) part.field.role(), plan))
                        .addStatement("$L", WireIo.patch(intType(part.field.type()), part.base + "Slot", part.base + "Value",
                                TypeName.LONG))
                        .endControlFlow();
            }
        }
        m.nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inField($S).inMessage(PROTOCOL, TYPE)", plan.setter)
                .endControlFlow();
        return m.addStatement("return this").build();
    }

    private String partsOf(MemberPlan let) {
        List<String> parts = new ArrayList<>();
        for (MemberPlan p : plans) {
            if (p.kind == MemberPlan.Kind.PART && ((FieldRole.PartOf) p.field.role()).let().equals(let.idlName())) {
                parts.add(p.idlName());
            }
        }
        return String.join(", ", parts);
    }

    private static String docOf(String doc) {
        return doc == null || doc.isBlank() ? "" : doc.strip() + "\n\n";
    }

    /** Opening code shared by setters: cursor, condition, start position. */
    private CodeBlock opening(MemberPlan plan) {
        return CodeBlock.builder()
                .addStatement("begin($L, $S)", plan.index, plan.setter)
                .add(conditionCheck(plan))
                .addStatement("$LPresent = true", plan.base)
                .addStatement("$LStart = out.position()", plan.base)
                .build();
    }

    /**
     * Setters for a scalar, byte-like or bitmap value. {@code arm} is set for a union arm (the
     * member is the union), {@code null} for a plain field.
     */
    private List<MethodSpec> valueSetters(MemberPlan plan, String name, WireType type, ArmInfo arm) {
        List<MethodSpec> out = new ArrayList<>();
        String fieldDoc = arm != null ? docOf(arm.arm.doc()) : docOf(plan.field.doc());
        if (type instanceof WireType.Empty) {
            out.add(setter(plan, name, arm, fieldDoc, List.of(), CodeBlock.of("")));
            return out;
        }
        if (EncoderValueTypes.isIntegral(type) || isFloat(type)) {
            TypeName javaType = EncoderValueTypes.numberType(type);
            CodeBlock body = writeNumber(plan, type, "value", javaType, arm == null);
            out.add(setter(plan, name, arm, fieldDoc, List.of(com.palantir.javapoet.ParameterSpec.builder(javaType, "value").build()), body));
            typedOverload(name, type, fieldDoc, javaType).ifPresent(out::add);
            if (type instanceof WireType.LenEnc) {
                out.add(setter(plan, name + "Null", arm, fieldDoc + "Writes SQL NULL (0xFB).\n", List.of(),
                        CodeBlock.builder().addStatement("$T.writeNull(out)", RuntimeTypes.LENGTH_ENCODED_INT).build()));
            }
            return out;
        }
        if (type instanceof WireType.Bitmap bitmap) {
            out.add(setter(plan, name, arm, fieldDoc + "Bit {@code i} set means entry {@code i} is set.\n",
                    List.of(com.palantir.javapoet.ParameterSpec.builder(BIT_SET, "bits").build()), writeBitmap(plan, bitmap)));
            return out;
        }
        Extent extent = extentOf(type);
        boolean nullable = JavaValueTypes.isNullable(type);
        if (type instanceof WireType.Text text) {
            CodeBlock.Builder body = CodeBlock.builder();
            if (arm == null) {
                body.addStatement("$LText = value", plan.base);
            }
            body.add(writeText(plan, text, extent));
            body.add(applyTransform(plan, arm));
            out.add(setter(plan, name, arm, fieldDoc + "Encoded in " + text.encoding().idlName()
                            + "; characters it cannot represent are refused.\n",
                    List.of(com.palantir.javapoet.ParameterSpec.builder(CharSequence.class, "value").build()), body.build()));
        } else {
            out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("$L", fieldDoc).addParameter(byte[].class, "value")
                    .addStatement("return $L(value, 0, value.length)", name).build());
            out.add(setter(plan, name, arm, fieldDoc, List.of(
                    com.palantir.javapoet.ParameterSpec.builder(byte[].class, "value").build(),
                    com.palantir.javapoet.ParameterSpec.builder(TypeName.INT, "offset").build(),
                    com.palantir.javapoet.ParameterSpec.builder(TypeName.INT, "length").build()),
                    CodeBlock.builder().add(writeBytes(plan, extent, "value", "offset", "length", true))
                            .add(applyTransform(plan, arm)).build()));
        }
        if (nullable) {
            out.add(setter(plan, name + "Null", arm, fieldDoc + "Writes NULL.\n", List.of(), writeNull(plan, (Extent.Prefixed) extent)));
        }
        return out;
    }

    /**
     * For a field marked {@code transform(name)}: hands the bytes just written to the installed
     * hand-written transform, which rewrites them in place into their wire form.
     */
    private CodeBlock applyTransform(MemberPlan plan, ArmInfo arm) {
        if (arm != null || plan.field.transform() == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .addStatement("$T.require($S).$L(out, $LStart, out.position() - $LStart)", names.transformRegistry(),
                        plan.field.transform(), TransformNames.encodeMethod(plan.field.transform()), plan.base, plan.base)
                .build();
    }

    private record ArmInfo(WireType.Union union, UnionArm arm, int index) {}

    /**
     * For an enum or flags member, a setter taking the generated value class next to the one taking
     * the raw number (which stays for hot paths that already hold the number).
     */
    private Optional<MethodSpec> typedOverload(String name, WireType type, String fieldDoc, TypeName rawType) {
        String accessor;
        ClassName valueClass;
        if (type instanceof WireType.EnumRef e) {
            accessor = "value()";
            valueClass = names.valueClass(e.name());
        } else if (type instanceof WireType.FlagsRef f) {
            accessor = "bits()";
            valueClass = names.valueClass(f.name());
        } else {
            return Optional.empty();
        }
        // Flags records hold a long; a flags set over a narrower base is narrowed to the setter's int.
        boolean narrow = type instanceof WireType.FlagsRef && rawType.equals(TypeName.INT);
        return Optional.of(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("$L", fieldDoc)
                .addJavadoc("Takes the generated {@link $T}; the same as passing its raw number.\n", valueClass)
                .addParameter(valueClass, "value")
                .beginControlFlow("if (value == null)")
                .addStatement("throw new $T(TYPE + \".$L: null\")", NullPointerException.class, name)
                .endControlFlow()
                .addStatement(narrow ? "return $L((int) value.$L)" : "return $L(value.$L)", name, accessor)
                .build());
    }

    private MethodSpec setter(MemberPlan plan, String name, ArmInfo arm, String javadoc,
                              List<com.palantir.javapoet.ParameterSpec> params, CodeBlock write) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("$L", javadoc).addParameters(params)
                .addCode(opening(plan));
        if (arm != null) {
            m.addCode(armCheck(plan, arm));
            m.addStatement("$LArm = $L", plan.base, arm.index);
        }
        m.beginControlFlow("try")
                .addCode(write)
                .addStatement("complete($L)", plan.index)
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inField($S).inMessage(PROTOCOL, TYPE)", plan.setter)
                .endControlFlow();
        return m.addStatement("return this").build();
    }

    private CodeBlock writeNumber(MemberPlan plan, WireType type, String value, TypeName javaType, boolean keep) {
        CodeBlock.Builder b = CodeBlock.builder();
        WireType.Int fixed = EncoderValueTypes.intBase(type);
        if (fixed != null) {
            CodeBlock range = WireIo.rangeCheck(fixed.kind(), value, javaType, support);
            if (range != null) {
                b.addStatement("$L", range);
            }
            b.addStatement("$L", WireIo.put(fixed, value, javaType));
        } else if (type instanceof WireType.LenEnc) {
            b.addStatement("$T.write(out, $L)", RuntimeTypes.LENGTH_ENCODED_INT, value);
        } else {
            WireType.AsciiInt ascii = (WireType.AsciiInt) type;
            b.addStatement("$T.put(out, $L)", RuntimeTypes.ASCII_DECIMAL, value);
            b.addStatement("out.putBytes($L)", constant(plan.base + "Terminator", ascii.terminator().toArray()));
        }
        if (keep && plan.keepsValue() && !isFloat(type)) {
            b.addStatement("$LValue = $L", plan.base, value);
        }
        return b.build();
    }

    private CodeBlock writeBitmap(MemberPlan plan, WireType.Bitmap bitmap) {
        Optional<JavaExpr> bits = numeric(bitmap.bits(), scopeAt(plan.index, null));
        CodeBlock.Builder b = CodeBlock.builder();
        if (bits.isEmpty() || !bits.get().guards().isEmpty()) {
            return b.addStatement("throw new $T(TYPE + \".$L: the bitmap's size is not known while encoding\")",
                    UnsupportedOperationException.class, plan.setter).build();
        }
        b.addStatement("$LBits = bits", plan.base);
        b.addStatement("int count = (int) $L", bits.get().asLong());
        b.addStatement("int at = $T.reserve(out, count, $L)", RuntimeTypes.BITMAP, bitmap.bitOffset());
        b.beginControlFlow("for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1))")
                .beginControlFlow("if (i >= count)")
                .addStatement("throw new $T(\"bit \" + i + \" beyond the bitmap's \" + count + \" entries\", at)",
                        RuntimeTypes.CODEC_EXCEPTION)
                .endControlFlow()
                .addStatement("$T.set(out, at, $L, i)", RuntimeTypes.BITMAP, bitmap.bitOffset())
                .endControlFlow();
        return b.build();
    }

    private static Extent extentOf(WireType type) {
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

    /** Bytes {@code value[offset, offset + length)} into a byte-like member with {@code extent}. */
    private CodeBlock writeBytes(MemberPlan plan, Extent extent, String value, String offset, String length, boolean user) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (extent instanceof Extent.Fixed f) {
            b.addStatement("$L.checkLength($L, $L, out.position())", support, length, f.value());
        } else if (extent instanceof Extent.Computed c && user) {
            Optional<JavaExpr> size = numeric(c.value(), scopeAt(plan.index, null));
            size.ifPresent(s -> {
                CodeBlock guard = s.guardCondition();
                if (guard != null) {
                    b.beginControlFlow("if ($L)", guard);
                }
                b.addStatement("$L.checkLength($L, $L, out.position())", support, length, s.asLong());
                if (guard != null) {
                    b.endControlFlow();
                }
            });
        } else if (extent instanceof Extent.Prefixed p) {
            if (p.lengthType() instanceof WireType.Int prefix) {
                b.addStatement("$L.checkRange($L, 0L, $LL, out.position())", support, length, prefix.kind().max().longValueExact());
                b.addStatement("$L", WireIo.put(prefix, length, TypeName.INT));
            } else {
                b.addStatement("$T.write(out, $L)", RuntimeTypes.LENGTH_ENCODED_INT, length);
            }
        } else if (extent instanceof Extent.Terminated t) {
            String term = constant(plan.base + "Terminator", t.terminator().toArray());
            b.addStatement("$L.checkNoTerminator($L, $L, $L, $L, out.position())", support, value, offset, length, term);
            b.addStatement("out.putBytes($L, $L, $L)", value, offset, length);
            b.addStatement("out.putBytes($L)", term);
            return b.build();
        }
        b.addStatement("out.putBytes($L, $L, $L)", value, offset, length);
        return b.build();
    }

    private CodeBlock writeText(MemberPlan plan, WireType.Text text, Extent extent) {
        CodeBlock.Builder b = CodeBlock.builder();
        CodeBlock charset = charset(text.encoding());
        if (extent instanceof Extent.Prefixed p && p.lengthType() instanceof WireType.Int prefix) {
            b.addStatement("int slot = out.reserve($L)", prefix.kind().size());
            b.addStatement("$T.put(out, value, $L)", RuntimeTypes.CHARSETS, charset);
            b.addStatement("int length = out.position() - slot - $L", prefix.kind().size());
            b.addStatement("$L.checkRange(length, 0L, $LL, slot)", support, prefix.kind().max().longValueExact());
            b.addStatement("$L", WireIo.patch(prefix, "slot", "length", TypeName.INT));
            return b.build();
        }
        b.addStatement("int at = out.position()");
        b.addStatement("$T.put(out, value, $L)", RuntimeTypes.CHARSETS, charset);
        if (extent instanceof Extent.Prefixed) {
            b.addStatement("$L.insertLenenc(out, at, out.position() - at)", support);
        } else if (extent instanceof Extent.Fixed f) {
            b.addStatement("$L.checkWritten(out, at, $L)", support, f.value());
        } else if (extent instanceof Extent.Computed c) {
            Optional<JavaExpr> size = numeric(c.value(), scopeAt(plan.index, null));
            size.ifPresent(s -> {
                CodeBlock guard = s.guardCondition();
                if (guard != null) {
                    b.beginControlFlow("if ($L)", guard);
                }
                b.addStatement("$L.checkWritten(out, at, $L)", support, s.asLong());
                if (guard != null) {
                    b.endControlFlow();
                }
            });
        } else if (extent instanceof Extent.Terminated t) {
            String term = constant(plan.base + "Terminator", t.terminator().toArray());
            b.addStatement("$L.checkNoTerminator(out, at, $L)", support, term);
            b.addStatement("out.putBytes($L)", term);
        }
        return b.build();
    }

    private CodeBlock writeNull(MemberPlan plan, Extent.Prefixed p) {
        if (p.lengthType() instanceof WireType.Int prefix) {
            return CodeBlock.builder().addStatement("$L", WireIo.put(prefix, p.nullMarker() + "L", TypeName.LONG)).build();
        }
        return CodeBlock.builder().addStatement("$T.writeNull(out)", RuntimeTypes.LENGTH_ENCODED_INT).build();
    }

    private static CodeBlock charset(TextEncoding encoding) {
        return switch (encoding) {
            case UTF8 -> CodeBlock.of("$T.UTF_8", STANDARD_CHARSETS);
            case ASCII -> CodeBlock.of("$T.US_ASCII", STANDARD_CHARSETS);
            case LATIN1 -> CodeBlock.of("$T.ISO_8859_1", STANDARD_CHARSETS);
            case UTF16LE -> CodeBlock.of("$T.UTF_16LE", STANDARD_CHARSETS);
            case UTF16BE -> CodeBlock.of("$T.UTF_16BE", STANDARD_CHARSETS);
            case CP500 -> CodeBlock.of("$T.cp500()", RuntimeTypes.CHARSETS);
            case CP037 -> CodeBlock.of("$T.cp037()", RuntimeTypes.CHARSETS);
        };
    }

    private MethodSpec structSetter(MemberPlan plan, String name, WireType.StructRef struct, ArmInfo arm, String child) {
        ClassName childType = names.encoder(struct.name());
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(childType)
                .addJavadoc("$L", arm != null ? docOf(arm.arm.doc()) : docOf(plan.field.doc()))
                .addJavadoc("Returns the nested encoder, positioned here; it is finished when the next member starts.\n")
                .addCode(opening(plan));
        if (arm != null) {
            m.addCode(armCheck(plan, arm));
            m.addStatement("$LArm = $L", plan.base, arm.index);
        }
        m.addCode(wrapChild(plan, struct, child, null));
        m.addStatement("open = $L", plan.index);
        m.addStatement("childOpen = true");
        m.addStatement("return $L", child);
        return m.build();
    }

    private CodeBlock wrapChild(MemberPlan plan, WireType.StructRef struct, String child, String elementCount) {
        ClassName childType = names.encoder(struct.name());
        StructModel target = model.struct(struct.name()).orElseThrow();
        CodeBlock.Builder b = CodeBlock.builder()
                .beginControlFlow("if ($L == null)", child)
                .addStatement("$L = new $T()", child, childType)
                .endControlFlow();
        List<CodeBlock> args = new ArrayList<>();
        args.add(CodeBlock.of("out"));
        boolean childSession = planner.needsSession(target.layout());
        args.add(CodeBlock.of(childSession ? "session" : "null"));
        if (planner.needsFrame(target.layout())) {
            args.add(CodeBlock.of(needsFrame && frameType != null ? "frame" : "null"));
        }
        ExpressionScope scope = scopeAt(plan.index, elementCount);
        for (int i = 0; i < target.parameters().size(); i++) {
            Parameter p = target.parameters().get(i);
            Optional<JavaExpr> arg = i < struct.arguments().size()
                    ? translator.translate(struct.arguments().get(i), scope) : Optional.empty();
            boolean bool = p.type() instanceof WireType.Bool;
            if (arg.isPresent() && (bool ? arg.get().kind() == Kind.BOOL : arg.get().isNumber())) {
                args.add(bool ? arg.get().code() : arg.get().asLong());
                CodeBlock guard = arg.get().guardCondition();
                args.add(guard == null ? CodeBlock.of("true") : guard);
            } else {
                args.add(CodeBlock.of(bool ? "false" : "0L"));
                args.add(CodeBlock.of("false"));
            }
        }
        b.addStatement("$L.wrapNested($L)", child, CodeBlock.join(args, ", "));
        return b.build();
    }

    // ------------------------------------------------------------------ arrays

    private MethodSpec arrayStart(MemberPlan plan) {
        WireType.Array array = (WireType.Array) plan.field.type();
        MethodSpec.Builder m = MethodSpec.methodBuilder(plan.setter + "Begin").addModifiers(Modifier.PRIVATE)
                .addStatement("$LPresent = true", plan.base)
                .addStatement("$LStart = out.position()", plan.base)
                .addStatement("$LCount = 0", plan.base);
        if (array.count() instanceof Extent.Prefixed p) {
            if (p.lengthType() instanceof WireType.Int prefix) {
                m.addStatement("$LSlot = out.reserve($L)", plan.base, prefix.kind().size());
            } else {
                m.addStatement("$LSlot = out.position()", plan.base);
            }
        }
        return m.build();
    }

    /**
     * {@code xxx()} of an optional array: says the array is present even when no element follows
     * (an empty array), which the encoder cannot tell from "absent" when its condition reads a value
     * derived later (RESP's {@code Value[count] if count >= 0}).
     */
    private MethodSpec arrayPresence(MemberPlan plan) {
        return MethodSpec.methodBuilder(plan.setter).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("$L", docOf(plan.field.doc()))
                .addJavadoc("Makes this optional array present: empty unless elements are added with {@code $LAdd(...)}.\n",
                        plan.setter)
                .addCode(openArray(plan))
                .addStatement("return this")
                .build();
    }

    /** Makes the array the open member (starting it when it is not open yet). */
    private CodeBlock openArray(MemberPlan plan) {
        return CodeBlock.builder()
                .beginControlFlow("if (open != $L)", plan.index)
                .addStatement("begin($L, $S)", plan.index, plan.setter)
                .add(conditionCheck(plan))
                .addStatement("$LBegin()", plan.setter)
                .addStatement("open = $L", plan.index)
                .nextControlFlow("else if (childOpen)")
                .addStatement("closeChild()")
                .endControlFlow()
                .build();
    }

    private List<MethodSpec> elementSetters(MemberPlan plan) {
        return elementSetters(plan, (WireType.Array) plan.field.type(), plan.setter + "Add", openArray(plan), plan.base + "Count",
                plan.base + "Encoder", docOf(plan.field.doc()));
    }

    /**
     * The {@code xxxAdd(...)} setters of an array: {@code enter} makes the array the open member,
     * {@code count} counts the elements, {@code child} holds the element encoder of struct elements.
     */
    private List<MethodSpec> elementSetters(MemberPlan plan, WireType.Array array, String name, CodeBlock enter,
                                            String count, String child, String fieldDoc) {
        WireType element = array.element();
        List<MethodSpec> out = new ArrayList<>();
        if (element instanceof WireType.StructRef struct) {
            out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(names.encoder(struct.name()))
                    .addJavadoc("$L", fieldDoc)
                    .addJavadoc("Adds an element and returns its encoder (the same instance each time); the count is back-patched.\n")
                    .addCode(enter)
                    .addCode(wrapChild(plan, struct, child, count))
                    .addStatement("$L++", count)
                    .addStatement("childOpen = true")
                    .addStatement("return $L", child)
                    .build());
            return out;
        }
        List<List<com.palantir.javapoet.ParameterSpec>> shapes = new ArrayList<>();
        List<CodeBlock> writes = new ArrayList<>();
        if (EncoderValueTypes.isIntegral(element) || isFloat(element)) {
            TypeName javaType = EncoderValueTypes.numberType(element);
            shapes.add(List.of(com.palantir.javapoet.ParameterSpec.builder(javaType, "value").build()));
            writes.add(writeNumber(plan, element, "value", javaType, false));
            typedOverload(name, element, fieldDoc, javaType).ifPresent(out::add);
        } else if (element instanceof WireType.Text text) {
            shapes.add(List.of(com.palantir.javapoet.ParameterSpec.builder(CharSequence.class, "value").build()));
            writes.add(writeText(plan, text, text.extent()));
        } else {
            Extent extent = extentOf(element);
            out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("$L", fieldDoc).addParameter(byte[].class, "value")
                    .addStatement("return $L(value, 0, value.length)", name).build());
            shapes.add(List.of(com.palantir.javapoet.ParameterSpec.builder(byte[].class, "value").build(),
                    com.palantir.javapoet.ParameterSpec.builder(TypeName.INT, "offset").build(),
                    com.palantir.javapoet.ParameterSpec.builder(TypeName.INT, "length").build()));
            writes.add(writeBytes(plan, extent, "value", "offset", "length", false));
            if (JavaValueTypes.isNullable(element) && extent instanceof Extent.Prefixed p) {
                shapes.add(List.of());
                writes.add(writeNull(plan, p));
            }
        }
        for (int i = 0; i < shapes.size(); i++) {
            String methodName = shapes.get(i).isEmpty() ? name + "Null" : name;
            out.add(MethodSpec.methodBuilder(methodName).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("$L", fieldDoc).addJavadoc(shapes.get(i).isEmpty() ? "Adds a NULL element.\n" : "Adds an element.\n")
                    .addParameters(shapes.get(i))
                    .addCode(enter)
                    .beginControlFlow("try")
                    .addCode(writes.get(i))
                    .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                    .addStatement("throw e.inElement($L).inField($S).inMessage(PROTOCOL, TYPE)", count, plan.setter)
                    .endControlFlow()
                    .addStatement("$L++", count)
                    .addStatement("return this")
                    .build());
        }
        return out;
    }

    // ------------------------------------------------------------------ unions

    private List<MethodSpec> unionSetters(MemberPlan plan) {
        WireType.Union union = (WireType.Union) plan.field.type();
        List<MethodSpec> out = new ArrayList<>();
        List<UnionArm> arms = union.allArms();
        for (int i = 0; i < arms.size(); i++) {
            UnionArm arm = arms.get(i);
            ArmInfo info = new ArmInfo(union, arm, i);
            String name = plan.setter + "As" + armName(union, arm);
            if (arm.type() instanceof WireType.StructRef s) {
                out.add(structSetter(plan, name, s, info, plan.base + armName(union, arm) + "Encoder"));
            } else if (arm.type() instanceof WireType.Array array) {
                out.addAll(arrayArmSetters(plan, name, array, info));
            } else {
                out.addAll(valueSetters(plan, name, arm.type(), info));
            }
        }
        return out;
    }

    /**
     * An arm holding an array: {@code xxxAsArm()} selects it (an empty array until elements are
     * added), then {@code xxxAsArmAdd(...)} adds each element; the array ends when the next member
     * starts or at {@code finish()}.
     */
    private List<MethodSpec> arrayArmSetters(MemberPlan plan, String name, WireType.Array array, ArmInfo arm) {
        String armName = armName(arm.union, arm.arm);
        String count = plan.base + armName + "Count";
        List<MethodSpec> out = new ArrayList<>();
        out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("$L", docOf(arm.arm.doc()))
                .addJavadoc("Selects this arm, an array: add its elements with {@code $LAdd(...)} (none gives an empty array).\n", name)
                .addCode(opening(plan))
                .addCode(armCheck(plan, arm))
                .addStatement("$LArm = $L", plan.base, arm.index)
                .addStatement("$L = 0", count)
                .addStatement("open = $L", plan.index)
                .addStatement("return this")
                .build());
        CodeBlock enter = CodeBlock.builder()
                .beginControlFlow("if (open != $L || $LArm != $L)", plan.index, plan.base, arm.index)
                .addStatement("throw new $T(TYPE + \".$LAdd: call $L() first\")", IllegalStateException.class, name, name)
                .endControlFlow()
                .beginControlFlow("if (childOpen)")
                .addStatement("closeChild()")
                .endControlFlow()
                .build();
        out.addAll(elementSetters(plan, array, name + "Add", enter, count, plan.base + armName + "Encoder",
                docOf(arm.arm.doc())));
        return out;
    }

    private String armName(WireType.Union union, UnionArm arm) {
        if (arm.patterns().isEmpty()) {
            return "Other";
        }
        BigInteger value = arm.patterns().get(0).low();
        if (union.subject().type().kind() == io.sqlxwire.idl.model.ExprType.Kind.ENUM) {
            Optional<String> constant = model.enumeration(union.subject().type().name()).flatMap(e -> e.constants().stream()
                    .filter(c -> c.value().equals(value)).map(c -> c.name()).findFirst());
            if (constant.isPresent()) {
                return Naming.pascal(constant.get().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return "Case" + value;
    }

    /** Whether the subject's current value selects {@code arm}; {@code null} when the subject is not known here. */
    private Optional<CodeBlock> armMatches(MemberPlan plan, WireType.Union union, UnionArm arm) {
        Optional<JavaExpr> subject = numeric(union.subject(), scopeAt(plan.index, null));
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        CodeBlock s = subject.get().asLong();
        CodeBlock match;
        if (arm.patterns().isEmpty()) {
            List<CodeBlock> others = new ArrayList<>();
            for (UnionArm other : union.arms()) {
                others.add(patterns(s, other));
            }
            match = others.isEmpty() ? CodeBlock.of("true") : CodeBlock.of("!($L)", CodeBlock.join(others, " || "));
        } else {
            match = patterns(s, arm);
        }
        if (arm.guard() != null) {
            Optional<JavaExpr> guard = translator.translate(arm.guard(), scopeAt(plan.index, null));
            if (guard.isPresent() && guard.get().kind() == Kind.BOOL && guard.get().guards().isEmpty()) {
                match = CodeBlock.of("($L && $L)", match, guard.get().code());
            }
        }
        CodeBlock known = subject.get().guardCondition();
        return Optional.of(known == null ? match : CodeBlock.of("(!($L) || $L)", known, match));
    }

    private static CodeBlock patterns(CodeBlock subject, UnionArm arm) {
        List<CodeBlock> parts = new ArrayList<>();
        for (UnionArm.Range r : arm.patterns()) {
            if (r.low().equals(r.high())) {
                parts.add(CodeBlock.of("$L == $LL", subject, r.low().longValue()));
            } else {
                parts.add(CodeBlock.of("($L >= $LL && $L <= $LL)", subject, r.low().longValue(), subject, r.high().longValue()));
            }
        }
        return CodeBlock.of("($L)", CodeBlock.join(parts, " || "));
    }

    private CodeBlock armCheck(MemberPlan plan, ArmInfo arm) {
        Optional<CodeBlock> match = armMatches(plan, arm.union, arm.arm);
        if (match.isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder().beginControlFlow("if (!$L)", match.get())
                .addStatement("throw new $T(TYPE + \".$L: arm $L does not match the union's subject\")",
                        IllegalStateException.class, plan.setter, armName(arm.union, arm.arm))
                .endControlFlow().build();
    }

    /** True when the subject selects an arm that carries no bytes, so leaving the union unset is fine. */
    private CodeBlock emptyArmMatches(MemberPlan plan) {
        WireType.Union union = (WireType.Union) plan.field.type();
        List<CodeBlock> empties = new ArrayList<>();
        for (UnionArm arm : union.allArms()) {
            if (arm.type() instanceof WireType.Empty) {
                Optional<CodeBlock> match = armMatches(plan, union, arm);
                if (match.isEmpty()) {
                    return null;
                }
                empties.add(match.get());
            }
        }
        return empties.isEmpty() ? null : CodeBlock.join(empties, " || ");
    }

    // ------------------------------------------------------------------ expressions

    private Optional<JavaExpr> numeric(TypedExpr expr, ExpressionScope scope) {
        return translator.translate(expr, scope).filter(JavaExpr::isNumber);
    }

    private ExpressionScope emptyScope() {
        return scopeAt(0, null);
    }

    /** What expressions evaluated for member {@code at} may read. */
    private ExpressionScope scopeAt(int at, String elementCount) {
        return new ExpressionScope() {
            @Override
            public Optional<JavaExpr> field(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.field == null || p.index >= at) {
                    return Optional.empty();
                }
                switch (p.kind) {
                    case SCALAR, CONSTANT, PADDING:
                        return p.keepsValue() ? Optional.of(JavaExpr.of(Kind.LONG, "$LValue", p.base)) : Optional.empty();
                    case BYTES:
                        return p.field.type() instanceof WireType.Text ? Optional.of(JavaExpr.of(Kind.TEXT, "$LText", p.base))
                                : Optional.empty();
                    case BITMAP:
                        return Optional.of(JavaExpr.of(Kind.BITMAP, "$LBits", p.base));
                    default:
                        return Optional.empty();
                }
            }

            @Override
            public Optional<JavaExpr> let(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.field != null) {
                    return Optional.empty();
                }
                if (p.kind == MemberPlan.Kind.JOIN_LET) {
                    return p.index < at ? Optional.of(JavaExpr.of(Kind.LONG, "$LValue", p.base)) : Optional.empty();
                }
                return translator.translate(((Let) p.member).value(), this);
            }

            @Override
            public Optional<JavaExpr> param(String name) {
                for (Parameter p : parameters) {
                    if (p.name().equals(name)) {
                        Kind kind = p.type() instanceof WireType.Bool ? Kind.BOOL : Kind.LONG;
                        return Optional.of(new JavaExpr(CodeBlock.of("$L", paramField(p)), kind,
                                List.of(CodeBlock.of("$LKnown", paramField(p)))));
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<JavaExpr> elementIndex() {
                return elementCount == null ? Optional.empty() : Optional.of(JavaExpr.of(Kind.INT, "$L", elementCount));
            }

            @Override
            public Optional<JavaExpr> sizeOf(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.field == null || p.index >= at) {
                    return Optional.empty();
                }
                return Optional.of(JavaExpr.of(Kind.INT, "($LEnd - $LStart)", p.base, p.base));
            }

            @Override
            public Optional<JavaExpr> countOf(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.kind != MemberPlan.Kind.ARRAY || p.index >= at) {
                    return Optional.empty();
                }
                return Optional.of(JavaExpr.of(Kind.INT, "$LCount", p.base));
            }

            @Override
            public boolean hasSession() {
                return needsSession;
            }
        };
    }

    // ------------------------------------------------------------------ small helpers

    private static WireType.Int intType(WireType type) {
        WireType.Int base = EncoderValueTypes.intBase(type);
        if (base == null) {
            throw new IllegalArgumentException("not a fixed-width integer: " + type);
        }
        return base;
    }

    /** A {@code private static final byte[]} holding {@code bytes}, shared by identical uses. */
    private String constant(String hint, byte[] bytes) {
        String key = ByteString.of(bytes).hex();
        CodeBlock existing = constants.get(key);
        if (existing != null) {
            return existing.toString();
        }
        String name = upperSnake(hint);
        CodeBlock.Builder init = CodeBlock.builder().add("{");
        for (int i = 0; i < bytes.length; i++) {
            init.add(i == 0 ? "$L" : ", $L", bytes[i]);
        }
        init.add("}");
        constantFields.add(FieldSpec.builder(ArrayTypeName.of(TypeName.BYTE), name, Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer(init.build()).build());
        constants.put(key, CodeBlock.of("$L", name));
        return name;
    }

    private static String upperSnake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** The framing this encoder's frame checksum patches (for the generator's report). */
    public Optional<FramingModel> framing() {
        return planner.checksumFraming(via);
    }
}
