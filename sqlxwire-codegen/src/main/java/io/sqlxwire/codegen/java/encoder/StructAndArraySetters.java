package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Setters of nested structs (returning the positioned child encoder) and arrays
 * ({@code xxxAdd(...)} per element; the count or terminator is written at completion).
 */
final class StructAndArraySetters extends EncoderPart {

    StructAndArraySetters(EncoderLayout ctx) {
        super(ctx);
    }

    MethodSpec structSetter(MemberPlan plan, String name, WireType.StructRef struct, ArmInfo arm, String child) {
        ClassName childType = names.encoder(struct.name());
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(childType)
                .addJavadoc("$L", arm != null ? ValueSetters.docOf(arm.arm().doc()) : ValueSetters.docOf(plan.field.doc()))
                .addJavadoc("Returns the nested encoder, positioned here; it is finished when the next member starts.\n")
                .addCode(ctx.valueSetters.opening(plan));
        if (arm != null) {
            m.addCode(ctx.unionSetters.armCheck(plan, arm));
            m.addStatement("$LArm = $L", plan.base, arm.index());
        }
        m.addCode(wrapChild(plan, struct, child, null));
        m.addStatement("open = $L", plan.index);
        m.addStatement("childOpen = true");
        m.addStatement("return $L", child);
        return m.build();
    }

    CodeBlock wrapChild(MemberPlan plan, WireType.StructRef struct, String child, String elementCount) {
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
        ExpressionScope scope = ctx.encoderScopes.scopeAt(plan.index, elementCount);
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

    MethodSpec arrayStart(MemberPlan plan) {
        WireType.Array array = (WireType.Array) plan.field.type();
        MethodSpec.Builder m = MethodSpec.methodBuilder(plan.setter + "Begin").addModifiers(Modifier.PRIVATE)
                .addCode(assign("true", plan.base + "Present"))
                .addCode(assign("out.position()", plan.base + "Start"))
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
    MethodSpec arrayPresence(MemberPlan plan) {
        return MethodSpec.methodBuilder(plan.setter).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("$L", ValueSetters.docOf(plan.field.doc()))
                .addJavadoc("Makes this optional array present: empty unless elements are added with {@code $LAdd(...)}.\n",
                        plan.setter)
                .addCode(openArray(plan))
                .addStatement("return this")
                .build();
    }

    /** Makes the array the open member (starting it when it is not open yet). */
    CodeBlock openArray(MemberPlan plan) {
        CodeBlock.Builder b = CodeBlock.builder()
                .beginControlFlow("if (open != $L)", plan.index)
                .add(ctx.encoderCursor.enter(plan.index, plan.setter))
                .add(ctx.memberConditions.conditionCheck(plan))
                .addStatement("$LBegin()", plan.setter)
                .addStatement("open = $L", plan.index);
        if (ctx.hasChildren()) {
            b.nextControlFlow("else if (childOpen)").addStatement("closeChild()");
        }
        return b.endControlFlow().build();
    }

    /**
     * The element size of an array whose elements are fixed-size integers: its count is worked out
     * from the bytes written when it is completed instead of kept per element (a field increment
     * per element costs more than the element's write). 0 for other arrays.
     */
    static int positionalElementSize(MemberPlan plan) {
        if (plan.kind != MemberPlan.Kind.ARRAY || plan.unsupported != null) {
            return 0;
        }
        WireType element = ((WireType.Array) plan.field.type()).element();
        WireType.Int fixed = EncoderValueTypes.intBase(element);
        return fixed == null || UnsupportedMembers.isFloat(element) ? 0 : fixed.kind().size();
    }

    List<MethodSpec> elementSetters(MemberPlan plan) {
        return elementSetters(plan, (WireType.Array) plan.field.type(), plan.setter + "Add", openArray(plan), plan.base + "Count",
                plan.base + "Encoder", ValueSetters.docOf(plan.field.doc()));
    }

    /**
     * The {@code xxxAdd(...)} setters of an array: {@code enter} makes the array the open member,
     * {@code count} counts the elements, {@code child} holds the element encoder of struct elements.
     */
    List<MethodSpec> elementSetters(MemberPlan plan, WireType.Array array, String name, CodeBlock enter,
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
        if (EncoderValueTypes.isIntegral(element) || UnsupportedMembers.isFloat(element)) {
            TypeName javaType = EncoderValueTypes.numberType(element);
            shapes.add(List.of(com.palantir.javapoet.ParameterSpec.builder(javaType, "value").build()));
            writes.add(ctx.valueWriters.writeNumber(plan, element, "value", javaType, false));
            ctx.valueSetters.typedOverload(name, element, fieldDoc, javaType).ifPresent(out::add);
        } else if (element instanceof WireType.Text text) {
            shapes.add(List.of(com.palantir.javapoet.ParameterSpec.builder(CharSequence.class, "value").build()));
            writes.add(ctx.valueWriters.writeText(plan, text, text.extent()));
        } else {
            Extent extent = ValueWriters.extentOf(element);
            out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("$L", fieldDoc).addParameter(byte[].class, "value")
                    .addStatement("return $L(value, 0, value.length)", name).build());
            shapes.add(List.of(com.palantir.javapoet.ParameterSpec.builder(byte[].class, "value").build(),
                    com.palantir.javapoet.ParameterSpec.builder(TypeName.INT, "offset").build(),
                    com.palantir.javapoet.ParameterSpec.builder(TypeName.INT, "length").build()));
            writes.add(ctx.valueWriters.writeBytes(plan, extent, "value", "offset", "length", false));
            if (JavaValueTypes.isNullable(element) && extent instanceof Extent.Prefixed p) {
                shapes.add(List.of());
                writes.add(ctx.valueWriters.writeNull(plan, p));
            }
        }
        int positional = count.equals(plan.base + "Count") ? positionalElementSize(plan) : 0;
        String index = positional == 0 ? count : "(out.position() - " + plan.base + "Start) / " + positional;
        for (int i = 0; i < shapes.size(); i++) {
            String methodName = shapes.get(i).isEmpty() ? name + "Null" : name;
            out.add(MethodSpec.methodBuilder(methodName).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("$L", fieldDoc).addJavadoc(shapes.get(i).isEmpty() ? "Adds a NULL element.\n" : "Adds an element.\n")
                    .addParameters(shapes.get(i))
                    .addCode(enter)
                    .beginControlFlow("try")
                    .addCode(writes.get(i))
                    .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                    .addStatement("throw e.inElement($L).inField($S).inMessage(PROTOCOL, TYPE)", index, plan.setter)
                    .endControlFlow()
                    .addCode(positional == 0 ? CodeBlock.builder().addStatement("$L++", count).build() : CodeBlock.of(""))
                    .addStatement("return this")
                    .build());
        }
        return out;
    }
}
