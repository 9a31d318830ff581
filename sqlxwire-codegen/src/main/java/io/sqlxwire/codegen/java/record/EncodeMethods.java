package io.sqlxwire.codegen.java.record;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.decoder.UnionArms;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
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
        type.addMethod(MethodSpec.methodBuilder("encode").addModifiers(Modifier.PUBLIC).returns(byte[].class)
                .addJavadoc("The encoded body (or value).\n")
                .addParameters(extra)
                .addStatement("$T out = $T.growable()", RuntimeTypes.WIRE_WRITER, RuntimeTypes.WIRE_WRITER)
                .addStatement("encodeTo(out$L$L)", tail, passOn)
                .addStatement("return out.toByteArray()").build());
        type.addMethod(MethodSpec.methodBuilder("encodeTo").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Writes the encoded body (or value) at the writer's position.\n")
                .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                .addParameters(extra)
                .addStatement("$T encoder = new $T().wrap(out$L$L)", encoder, encoder, tail, passOn)
                .addStatement("writeTo(encoder)")
                .addStatement("encoder.finish()").build());
        MethodSpec.Builder writeTo = MethodSpec.methodBuilder("writeTo").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Supplies every component to {@code encoder}, in wire order (it may be a nested encoder).\n")
                .addParameter(encoder, "encoder");
        for (RecordComponents.Component component : components) {
            String name = component.name();
            if (!(component.member() instanceof Field field)) {
                writeTo.addStatement("encoder.$L($L)", name, raw(component.type(), null, name));
                continue;
            }
            CodeBlock write = write(context, idlName, field, name);
            if (field.isOptional()) {
                writeTo.beginControlFlow("if ($L != null)", name).addCode(write).endControlFlow();
            } else {
                writeTo.addCode(write);
            }
        }
        type.addMethod(writeTo.build());
    }

    private static CodeBlock write(GenerationContext context, String owner, Field field, String name) {
        WireType type = field.type();
        CodeBlock.Builder code = CodeBlock.builder();
        if (type instanceof WireType.StructRef) {
            return code.addStatement("$L.writeTo(encoder.$L())", name, name).build();
        }
        if (type instanceof WireType.Array array) {
            TypeName element = JavaValueTypes.recordType(context, array.element()).box();
            code.beginControlFlow("for ($T element : $L)", element, name);
            if (array.element() instanceof WireType.StructRef) {
                code.addStatement("element.writeTo(encoder.$LAdd())", name);
            } else if (JavaValueTypes.isNullable(array.element())) {
                code.beginControlFlow("if (element == null)").addStatement("encoder.$LAddNull()", name)
                        .nextControlFlow("else").addStatement("encoder.$LAdd(element)", name).endControlFlow();
            } else {
                code.addStatement("encoder.$LAdd($L)", name, raw(element, array.element(), "element"));
            }
            return code.endControlFlow().build();
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
                    code.addStatement("encoder.$LAs$L()", name, names.get(i));
                } else if (arms.get(i).type() instanceof WireType.StructRef) {
                    code.addStatement("arm.value().writeTo(encoder.$LAs$L())", name, names.get(i));
                } else {
                    code.addStatement("encoder.$LAs$L($L)", name, names.get(i),
                            raw(JavaValueTypes.recordType(context, arms.get(i).type()), arms.get(i).type(), "arm.value()"));
                }
                code.endControlFlow();
            }
            return code.build();
        }
        if (JavaValueTypes.isNullable(type)) {
            return code.beginControlFlow("if ($L == null)", name).addStatement("encoder.$LNull()", name)
                    .nextControlFlow("else").addStatement("encoder.$L($L)", name, name).endControlFlow().build();
        }
        return code.addStatement("encoder.$L($L)", name, raw(JavaValueTypes.recordType(context, type), type, name)).build();
    }

    /**
     * The encoders take enum and flags values as their raw numbers (the width of the base type), so
     * the record's value objects are unwrapped.
     */
    private static CodeBlock raw(TypeName recordType, WireType wireType, String name) {
        if (wireType instanceof WireType.EnumRef) {
            return CodeBlock.of("$L.value()", name);
        }
        if (wireType instanceof WireType.FlagsRef f) {
            return TypeName.INT.equals(JavaValueTypes.primitive(f.base().kind()))
                    ? CodeBlock.of("(int) $L.bits()", name) : CodeBlock.of("$L.bits()", name);
        }
        if (wireType == null && recordType instanceof ClassName) {
            return CodeBlock.of("$L.bits()", name); // a joined flags let
        }
        return CodeBlock.of("$L", name);
    }
}
