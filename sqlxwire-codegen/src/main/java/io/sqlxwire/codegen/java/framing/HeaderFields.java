package io.sqlxwire.codegen.java.framing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.FramerGenerator;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.session.ExprWriter;
import io.sqlxwire.codegen.java.session.JExpr;
import io.sqlxwire.codegen.java.session.SessionTypes;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.WireType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The members of a framing with a fixed header: its length, the body size it announces, the
 * continuation test, and one accessor per named header field and let ({@code long length(frame)}),
 * which the framing's own expressions are written with.
 */
public final class HeaderFields {

    /** Method names the framing class has already; a header field with one of them gets a suffix. */
    private static final Set<String> TAKEN = Set.of("headerLength", "frameLength", "bodyLength", "continues",
            "tagOf", "sequenceOf", "sequenceBits", "sequenceNumber", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait");

    private final GenerationContext context;
    private final FramingModel framing;
    private final String label;
    private final Map<String, Long> offsets = new HashMap<>();
    private final Map<String, JExpr> reads = new HashMap<>();
    private final int headerLength;

    public HeaderFields(GenerationContext context, FramingModel framing, String label) {
        this.context = context;
        this.framing = framing;
        this.label = label;
        long offset = 0;
        for (Field field : framing.header().fields()) {
            if (field.isOptional() || field.position() != null || field.regionSize() != null) {
                throw new UnsupportedOperationException(label + ": header field " + field.name()
                        + " is conditional or positioned; framing headers must be fixed");
            }
            long at = field.fixedOffset().orElse(offset);
            offsets.put(field.name(), at);
            offset = at + field.type().fixedSize().orElseThrow(() -> new UnsupportedOperationException(
                    label + ": header field " + field.name() + " has no fixed size"));
        }
        this.headerLength = (int) framing.header().fixedSize().orElse(offset);
    }

    /** The accessor method of a header field or let. */
    public static String accessor(String name) {
        String member = Naming.member(name);
        return TAKEN.contains(member) ? member + "Field" : member;
    }

    public int headerLength() {
        return headerLength;
    }

    public void addTo(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(TypeName.INT, "HEADER_LENGTH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Bytes of the header in front of every body.\n")
                .initializer("$L", headerLength).build());
        type.addMethod(MethodSpec.methodBuilder("headerLength").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(TypeName.INT).addStatement("return HEADER_LENGTH").build());
        type.addMethod(MethodSpec.methodBuilder("frameLength").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                .addParameter(RuntimeTypes.WIRE_BUFFER, "available")
                .addStatement("return HEADER_LENGTH + bodyLength(available)").build());
        type.addMethod(bodyLength());
        ExprWriter exprs = new ExprWriter(context, names());
        for (Member member : framing.header().members()) {
            if (member instanceof Field field && !field.isAnonymous() && IntReads.intOf(field.type()) != null) {
                type.addMethod(fieldAccessor(field));
            } else if (member instanceof Let let && BuiltinTransforms.plainLength(framing).orElse(null) == let) {
                type.addMethod(plainLength(let, exprs.write(let.value())));
            } else if (member instanceof Let let && !let.isJoin()) {
                JExpr value = exprs.write(let.value());
                type.addMethod(accessorMethod(let.name(), let.doc(), value));
            }
        }
        if (framing.tagField() != null) {
            type.addMethod(MethodSpec.methodBuilder("tagOf").addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The tag that selects the message: header field {@code $L}.\n", framing.tagField())
                    .returns(read(framing.tagField()).type()).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                    .addStatement("return $L(frame)", accessor(framing.tagField())).build());
        }
        if (framing.sequenceField() != null) {
            type.addMethod(MethodSpec.methodBuilder("sequenceOf").addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The frame's sequence number: header field {@code $L}.\n", framing.sequenceField())
                    .returns(read(framing.sequenceField()).type()).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                    .addStatement("return $L(frame)", accessor(framing.sequenceField())).build());
            WireType.Int sequence = IntReads.intOf(framing.header().field(framing.sequenceField()).orElseThrow().type());
            type.addMethod(MethodSpec.methodBuilder("sequenceBits").addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addStatement("return $L", sequence.kind().size() * 8).build());
            type.addMethod(MethodSpec.methodBuilder("sequenceNumber").addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(TypeName.LONG).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                    .addStatement("return $L", unsigned(read(framing.sequenceField()), sequence)).build());
        }
        if (BuiltinTransforms.isZlib(framing) && BuiltinTransforms.plainLength(framing).isEmpty()) {
            type.addMethod(MethodSpec.methodBuilder("plainLength").addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(TypeName.LONG).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                    .addJavadoc("The header does not announce the inflated size: bodies are inflated to their end.\n")
                    .addStatement("return -1").build());
        }
        if (framing.continuedIf() != null) {
            type.addMethod(MethodSpec.methodBuilder("continues").addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                    .addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                    .addStatement("return $L", exprs.condition(framing.continuedIf())).build());
        }
    }

    /** The read of a named header field, as its accessor returns it. */
    public JExpr read(String fieldName) {
        return reads.computeIfAbsent(fieldName, n -> {
            Field field = framing.header().field(n).orElseThrow();
            WireType.Int base = IntReads.intOf(field.type());
            JExpr raw = IntReads.read(base, CodeBlock.of("frame"), CodeBlock.of("$L", offsets.get(n)),
                    context.model().byteOrder());
            TypeName type = SessionTypes.intType(base.kind());
            return new JExpr(raw.as(type), type);
        });
    }

    /** Names in the framing's expressions: header fields and lets through their accessors on {@code frame}. */
    public ExprWriter.Names names() {
        return names("frame");
    }

    /** The same, reading the header at the start of the buffer {@code buffer}. */
    public ExprWriter.Names names(String buffer) {
        return new ExprWriter.Names() {
            @Override
            public JExpr field(List<String> path, ExprType type) {
                return JExpr.of(read(path.get(0)).type(), "$L($L)", accessor(path.get(0)), buffer);
            }

            @Override
            public JExpr let(String name, ExprType type) {
                Let let = (Let) framing.header().member(name).orElseThrow();
                JExpr value = new ExprWriter(context, names(buffer)).write(let.value());
                return JExpr.of(value.type(), "$L($L)", accessor(name), buffer);
            }
        };
    }

    private MethodSpec fieldAccessor(Field field) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(accessor(field.name())).addModifiers(Modifier.PUBLIC)
                .returns(read(field.name()).type()).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                .addStatement("return $L", read(field.name()).code());
        method.addJavadoc(field.doc() != null && !field.doc().isBlank() ? field.doc() + "\n"
                : "Header field {@code " + field.name() + "}.\n");
        return method.build();
    }

    /** The frame's sequence number as an unsigned {@code long}. */
    private static CodeBlock unsigned(JExpr read, WireType.Int type) {
        int bits = type.kind().size() * 8;
        if (type.kind().signed() && bits < 64) {
            return CodeBlock.of("$L & 0x$LL", read.code(), Long.toHexString((1L << bits) - 1));
        }
        return read.code();
    }

    /** The zlib transform's plain size, from the header let {@code plain_length}. */
    private static MethodSpec plainLength(Let let, JExpr value) {
        return MethodSpec.methodBuilder("plainLength").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addJavadoc(let.doc() != null && !let.doc().isBlank() ? let.doc() + "\n"
                        : "The body's size after the zlib transform; 0: the body is stored as is.\n")
                .returns(TypeName.LONG).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                .addStatement("return $L", value.code()).build();
    }

    private static MethodSpec accessorMethod(String name, String doc, JExpr value) {
        return MethodSpec.methodBuilder(accessor(name)).addModifiers(Modifier.PUBLIC)
                .addJavadoc(doc != null && !doc.isBlank() ? doc + "\n" : "Header value {@code " + name + "}.\n")
                .returns(value.type()).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                .addStatement("return $L", value.code()).build();
    }

    private MethodSpec bodyLength() {
        ExprWriter exprs = new ExprWriter(context, names());
        MethodSpec.Builder method = MethodSpec.methodBuilder("bodyLength").addModifiers(Modifier.PUBLIC)
                .returns(TypeName.LONG).addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                .addJavadoc("The body size the header at the start of {@code frame} announces, after checking the\n"
                        + "header's constant fields and checksums and the framing's maximum.\n\n"
                        + "@throws $T for a malformed header or a body above {@link #MAX_BODY}\n", RuntimeTypes.CODEC_EXCEPTION);
        for (Field field : framing.header().fields()) {
            if (field.value() instanceof FieldValue.Constant constant && IntReads.intOf(field.type()) != null) {
                JExpr expected = exprs.write(constant.value());
                JExpr actual = read(field.name());
                method.beginControlFlow("if ($L != $L)", actual.code(), expected.code())
                        .addStatement(FramerGenerator.fail("frame", CodeBlock.of("$S + $L", label + ": header field "
                                + field.name() + " must be " + expected + ", not ", actual.code()),
                                CodeBlock.of("$L", offsets.get(field.name()))))
                        .endControlFlow();
            } else if (field.value() instanceof FieldValue.Checksum checksum) {
                checksumCheck(method, field, checksum);
            }
        }
        method.addStatement("long body = $L", exprs.write(framing.bodySize()).code());
        method.beginControlFlow("if (body < 0)")
                .addStatement(FramerGenerator.fail("frame", CodeBlock.of("$S + body", label + ": negative body size "),
                        CodeBlock.of("0")))
                .endControlFlow();
        method.beginControlFlow("if (body > MAX_BODY)")
                .addStatement(FramerGenerator.fail("frame", CodeBlock.of("$S + body + $S + MAX_BODY",
                        label + ": body of ", " bytes exceeds the maximum of "), CodeBlock.of("0")))
                .endControlFlow();
        return method.addStatement("return body").build();
    }

    private void checksumCheck(MethodSpec.Builder method, Field field, FieldValue.Checksum checksum) {
        if (checksum.kind() != FieldValue.ChecksumKind.CRC24 || checksum.fromField() != null || checksum.seed().length() > 0) {
            throw new UnsupportedOperationException(label + ": only a CRC24 of the header before it is supported "
                    + "as a header checksum (" + field.name() + ")");
        }
        long at = offsets.get(field.name());
        JExpr actual = read(field.name());
        method.beginControlFlow("if ($T.cqlCrc24(frame, 0, $L) != $L)", RuntimeTypes.CHECKSUMS, at, actual.code())
                .addStatement(FramerGenerator.fail("frame", CodeBlock.of("$S",
                        label + ": header checksum " + field.name() + " does not match"), CodeBlock.of("$L", at)))
                .endControlFlow();
    }
}
