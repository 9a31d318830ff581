package io.sqlxwire.codegen.java.record;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.decoder.UnionArms;
import io.sqlxwire.codegen.java.encoder.EncoderNames;
import io.sqlxwire.codegen.java.encoder.EncoderPlanner;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * {@code encode()}, {@code encodeTo(WireWriter)} and {@code writeTo(XEncoder)} of a record, calling
 * the encoder API of CODEGEN.md: one setter per component in wire order, {@code x()} for a nested
 * struct's encoder, {@code xAdd(...)} per array element, {@code xNull()} for NULL, then {@code finish()}.
 */
final class EncodeMethods {

    private EncodeMethods() {}

    /**
     * @param extra the session (first, when the layout reads it) and the parameters, passed to the
     *              encoder's {@code wrap} in the order the encoders take them
     */
    static void add(GenerationContext context, TypeSpec.Builder type, String idlName, Layout layout,
                    List<RecordComponents.Component> components, List<ParameterSpec> extra) {
        ClassName encoder = JavaValueTypes.encoderClass(context, idlName);
        CodeBlock passOn = CodeBlock.join(extra.stream().map(p -> CodeBlock.of("$N", p)).toList(), ", ");
        String tail = extra.isEmpty() ? "" : ", ";
        Optional<ClassName> frame = frameEncoder(context, idlName, layout);
        type.addMethod(MethodSpec.methodBuilder("encode").addModifiers(Modifier.PUBLIC).returns(byte[].class)
                .addJavadoc("The encoded body (or value).\n")
                .addJavadoc(frame.isPresent() ? FRAME_NOTE : "")
                .addParameters(extra)
                .addStatement("$T out = $T.growable()", RuntimeTypes.WIRE_WRITER, RuntimeTypes.WIRE_WRITER)
                .addStatement("encodeTo(out$L$L)", tail, passOn)
                .addStatement("return out.toByteArray()").build());
        MethodSpec.Builder encodeTo = MethodSpec.methodBuilder("encodeTo").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Writes the encoded body (or value) at the writer's position.\n")
                .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                .addParameters(extra);
        if (frame.isEmpty()) {
            type.addMethod(encodeTo
                    .addStatement("$T encoder = new $T().wrap(out$L$L)", encoder, encoder, tail, passOn)
                    .addStatement("writeTo(encoder)")
                    .addStatement("encoder.finish()").build());
        } else {
            // A checksum over the whole frame needs the frame encoder the body is written into.
            type.addMethod(encodeTo.addJavadoc(FRAME_NOTE)
                    .addStatement("encodeTo(out$L$L, null)", tail, passOn).build());
            boolean session = new EncoderPlanner(context.model()).needsSession(layout);
            List<CodeBlock> args = new ArrayList<>();
            args.add(CodeBlock.of("out"));
            for (int i = 0; i < extra.size(); i++) {
                if (i == (session ? 1 : 0)) {
                    args.add(CodeBlock.of("frame"));
                }
                args.add(CodeBlock.of("$N", extra.get(i)));
            }
            if (extra.size() == (session ? 1 : 0)) {
                args.add(CodeBlock.of("frame"));
            }
            type.addMethod(MethodSpec.methodBuilder("encodeTo").addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Writes the encoded body as the body of the frame {@code frame} is writing on {@code out}: wrap the\n"
                            + "frame encoder on {@code out}, set its header and call {@code body()} first, and\n"
                            + "{@code finish()} it afterwards. Checksums over the frame are computed here.\n")
                    .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                    .addParameters(extra)
                    .addParameter(frame.get(), "frame")
                    .addStatement("$T encoder = new $T().wrap($L)", encoder, encoder, CodeBlock.join(args, ", "))
                    .addStatement("writeTo(encoder)")
                    .addStatement("encoder.finish()").build());
        }
        MethodSpec.Builder writeTo = MethodSpec.methodBuilder("writeTo").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Supplies every component to {@code encoder}, in wire order (it may be a nested encoder).\n")
                .addParameter(encoder, "encoder");
        for (RecordComponents.Component component : components) {
            String name = component.name();
            // The encoder's setters keep the member name; a component may have had to change its own.
            String setter = Naming.member(component.member().name());
            if (!(component.member() instanceof Field field)) {
                writeTo.addStatement("encoder.$L($L)", setter, raw(component.type(), name));
                continue;
            }
            CodeBlock write = write(context, idlName, field, name, setter);
            if (field.isOptional()) {
                writeTo.beginControlFlow("if ($L != null)", name).addCode(write).endControlFlow();
            } else {
                writeTo.addCode(write);
            }
        }
        type.addMethod(writeTo.build());
    }

    private static CodeBlock write(GenerationContext context, String owner, Field field, String name, String setter) {
        WireType type = field.type();
        CodeBlock.Builder code = CodeBlock.builder();
        if (type instanceof WireType.StructRef) {
            return code.addStatement("$L.writeTo(encoder.$L())", name, setter).build();
        }
        if (type instanceof WireType.Array array) {
            if (field.isOptional()) {
                // Present though perhaps empty: the encoder cannot always tell an empty array from an absent one.
                code.addStatement("encoder.$L()", setter);
            }
            return code.add(elements(context, array, setter, name).build()).build();
        }
        if (type instanceof WireType.Union union) {
            ClassName face = JavaValueTypes.unionInterface(context, owner, field.name());
            List<String> names = new ArrayList<>(UnionArms.names(context, union));
            List<UnionArm> arms = new ArrayList<>(union.arms());
            if (union.fallback() != null) {
                names.add(UnionArms.FALLBACK);
                arms.add(union.fallback());
            }
            for (int i = 0; i < arms.size(); i++) {
                ClassName arm = face.nestedClass(names.get(i));
                code.beginControlFlow(i == 0 ? "if ($L instanceof $T arm)" : "else if ($L instanceof $T arm)", name, arm);
                if (arms.get(i).type() instanceof WireType.Empty) {
                    code.addStatement("encoder.$LAs$L()", setter, names.get(i));
                } else if (arms.get(i).type() instanceof WireType.StructRef) {
                    code.addStatement("arm.value().writeTo(encoder.$LAs$L())", setter, names.get(i));
                } else if (arms.get(i).type() instanceof WireType.Array array) {
                    code.addStatement("encoder.$LAs$L()", setter, names.get(i));
                    code.add(elements(context, array, setter + "As" + names.get(i), "arm.value()").build());
                } else if (JavaValueTypes.isNullable(arms.get(i).type())) {
                    code.beginControlFlow("if (arm.value() == null)").addStatement("encoder.$LAs$LNull()", setter, names.get(i))
                            .nextControlFlow("else").addStatement("encoder.$LAs$L(arm.value())", setter, names.get(i))
                            .endControlFlow();
                } else {
                    code.addStatement("encoder.$LAs$L(arm.value())", setter, names.get(i));
                }
                code.endControlFlow();
            }
            return code.build();
        }
        if (JavaValueTypes.isNullable(type) && !field.isOptional()) {
            return code.beginControlFlow("if ($L == null)", name).addStatement("encoder.$LNull()", setter)
                    .nextControlFlow("else").addStatement("encoder.$L($L)", setter, name).endControlFlow().build();
        }
        // An optional nullable value: null means absent (the caller tests it), so it is written as present.
        return code.addStatement("encoder.$L($L)", setter, name).build();
    }

    /** {@code xxxAdd(...)} per element of {@code collection}, through the setters named {@code setter + "Add"}. */
    private static CodeBlock.Builder elements(GenerationContext context, WireType.Array array, String setter, String collection) {
        CodeBlock.Builder code = CodeBlock.builder();
        TypeName element = JavaValueTypes.recordType(context, array.element()).box();
        code.beginControlFlow("for ($T element : $L)", element, collection);
        if (array.element() instanceof WireType.StructRef) {
            code.addStatement("element.writeTo(encoder.$LAdd())", setter);
        } else if (JavaValueTypes.isNullable(array.element())) {
            code.beginControlFlow("if (element == null)").addStatement("encoder.$LAddNull()", setter)
                    .nextControlFlow("else").addStatement("encoder.$LAdd(element)", setter).endControlFlow();
        } else {
            code.addStatement("encoder.$LAdd(element)", setter);
        }
        return code.endControlFlow();
    }

    private static final String FRAME_NOTE = "\n<p>A checksum over the frame cannot be computed from the body alone: when the\n"
            + "values call for one, this throws {@code IllegalStateException}; encode into a frame with\n"
            + "{@code encodeTo(out, ..., frame)} instead.\n";

    /** The frame encoder the layout's encoder takes because a checksum covers the frame, if any. */
    private static Optional<ClassName> frameEncoder(GenerationContext context, String idlName, Layout layout) {
        EncoderPlanner planner = new EncoderPlanner(context.model());
        if (!planner.needsFrame(layout)) {
            return Optional.empty();
        }
        String via = context.model().message(idlName).map(MessageModel::framing).orElse(null);
        return planner.checksumFraming(via).map(f -> new EncoderNames(context).frameEncoder(f.name()));
    }

    /** A joined flags let: the encoder's join setter takes the bits. */
    private static CodeBlock raw(TypeName recordType, String name) {
        return recordType instanceof ClassName ? CodeBlock.of("$L.bits()", name) : CodeBlock.of("$L", name);
    }
}
