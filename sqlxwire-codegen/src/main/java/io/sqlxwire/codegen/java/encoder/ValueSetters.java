package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.values.TransformNames;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The public setters of an encoder: dispatch per member kind, scalar/byte-like/bitmap setters,
 * join-let setters and the typed enum/flags overloads.
 */
final class ValueSetters extends EncoderPart {

    ValueSetters(EncoderLayout ctx) {
        super(ctx);
    }

    List<MethodSpec> setters(MemberPlan plan) {
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
            case STRUCT -> out.add(ctx.structAndArraySetters.structSetter(plan, plan.setter, (WireType.StructRef) type, null, plan.base + "Encoder"));
            case ARRAY -> {
                out.add(ctx.structAndArraySetters.arrayStart(plan));
                if (plan.isOptional()) {
                    out.add(ctx.structAndArraySetters.arrayPresence(plan));
                }
                out.addAll(ctx.structAndArraySetters.elementSetters(plan));
            }
            case UNION -> out.addAll(ctx.unionSetters.unionSetters(plan));
            default -> { }
        }
        return out;
    }

    MethodSpec joinLetSetter(MemberPlan plan) {
        Let let = (Let) plan.member;
        MethodSpec.Builder m = MethodSpec.methodBuilder(plan.setter).addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(TypeName.LONG, "value")
                .addJavadoc("$L", docOf(let.doc()))
                .addJavadoc("The joined value; the encoder writes its parts ($L).\n", partsOf(plan))
                .addStatement("begin($L, $S)", plan.index, plan.setter)
                .addCode(assign("value", plan.base + "Value"))
                .addCode(assign("true", plan.base + "Present"));
        m.beginControlFlow("try");
        for (MemberPlan part : plans) {
            if (part.kind == MemberPlan.Kind.PART && ((FieldRole.PartOf) part.field.role()).let().equals(let.name())
                    && part.index < plan.index) {
                m.beginControlFlow("if ($LSlot >= 0)", part.base)
                        .addStatement("$LValue = $L", part.base, OwnedMemberWriters.partValue((FieldRole.PartOf) part.field.role(), plan))
                        .addStatement("$L", WireIo.patch(OwnedMemberWriters.intType(part.field.type()), part.base + "Slot", part.base + "Value",
                                TypeName.LONG))
                        .endControlFlow();
            }
        }
        m.nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inField($S).inMessage(PROTOCOL, TYPE)", plan.setter)
                .endControlFlow();
        return m.addStatement("return this").build();
    }

    String partsOf(MemberPlan let) {
        List<String> parts = new ArrayList<>();
        for (MemberPlan p : plans) {
            if (p.kind == MemberPlan.Kind.PART && ((FieldRole.PartOf) p.field.role()).let().equals(let.idlName())) {
                parts.add(p.idlName());
            }
        }
        return String.join(", ", parts);
    }

    static String docOf(String doc) {
        return doc == null || doc.isBlank() ? "" : doc.strip() + "\n\n";
    }

    /** Opening code shared by setters: cursor, condition, start position. */
    CodeBlock opening(MemberPlan plan) {
        return CodeBlock.builder()
                .add(ctx.encoderCursor.enter(plan.index, plan.setter))
                .add(ctx.memberConditions.conditionCheck(plan))
                .add(assign("true", plan.base + "Present"))
                .add(assign("out.position()", plan.base + "Start"))
                .build();
    }

    /**
     * Setters for a scalar, byte-like or bitmap value. {@code arm} is set for a union arm (the
     * member is the union), {@code null} for a plain field.
     */
    List<MethodSpec> valueSetters(MemberPlan plan, String name, WireType type, ArmInfo arm) {
        List<MethodSpec> out = new ArrayList<>();
        String fieldDoc = arm != null ? docOf(arm.arm().doc()) : docOf(plan.field.doc());
        if (type instanceof WireType.Empty) {
            out.add(setter(plan, name, arm, fieldDoc, List.of(), CodeBlock.of("")));
            return out;
        }
        if (EncoderValueTypes.isIntegral(type) || UnsupportedMembers.isFloat(type)) {
            TypeName javaType = EncoderValueTypes.numberType(type);
            CodeBlock body = ctx.valueWriters.writeNumber(plan, type, "value", javaType, arm == null);
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
                    List.of(com.palantir.javapoet.ParameterSpec.builder(BIT_SET, "bits").build()), ctx.valueWriters.writeBitmap(plan, bitmap)));
            return out;
        }
        Extent extent = ValueWriters.extentOf(type);
        boolean nullable = JavaValueTypes.isNullable(type);
        if (type instanceof WireType.Text text) {
            CodeBlock.Builder body = CodeBlock.builder();
            if (arm == null) {
                body.add(assign("value", plan.base + "Text"));
            }
            body.add(ctx.valueWriters.writeText(plan, text, extent));
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
                    CodeBlock.builder().add(ctx.valueWriters.writeBytes(plan, extent, "value", "offset", "length", true))
                            .add(applyTransform(plan, arm)).build()));
        }
        if (nullable) {
            out.add(setter(plan, name + "Null", arm, fieldDoc + "Writes NULL.\n", List.of(), ctx.valueWriters.writeNull(plan, (Extent.Prefixed) extent)));
        }
        return out;
    }

    /**
     * For a field marked {@code transform(name)}: hands the bytes just written to the installed
     * hand-written transform, which rewrites them in place into their wire form.
     */
    CodeBlock applyTransform(MemberPlan plan, ArmInfo arm) {
        if (arm != null || plan.field.transform() == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .addStatement("$T.require($S).$L(out, $LStart, out.position() - $LStart)", names.transformRegistry(),
                        plan.field.transform(), TransformNames.encodeMethod(plan.field.transform()), plan.base, plan.base)
                .build();
    }

    /**
     * For an enum or flags member, a setter taking the generated value class next to the one taking
     * the raw number (which stays for hot paths that already hold the number).
     */
    Optional<MethodSpec> typedOverload(String name, WireType type, String fieldDoc, TypeName rawType) {
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

    MethodSpec setter(MemberPlan plan, String name, ArmInfo arm, String javadoc,
                              List<com.palantir.javapoet.ParameterSpec> params, CodeBlock write) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("$L", javadoc).addParameters(params)
                .addCode(opening(plan));
        if (arm != null) {
            m.addCode(ctx.unionSetters.armCheck(plan, arm));
            m.addStatement("$LArm = $L", plan.base, arm.index());
        }
        m.beginControlFlow("try")
                .addCode(write)
                .addCode(ctx.backPatching.completeCall(plan))
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inField($S).inMessage(PROTOCOL, TYPE)", plan.setter)
                .endControlFlow();
        m.addCode(ctx.encoderCursor.fillFollowing(plan));
        return m.addStatement("return this").build();
    }
}
