package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.codegen.java.values.Conditions;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The member cursor of an encoder: {@code begin} (advance, filling what the user skipped),
 * {@code fill} (members the encoder writes or that may be absent), {@code missing}, and closing
 * the open array, struct or union member.
 */
final class EncoderCursor extends EncoderPart {

    EncoderCursor(EncoderLayout ctx) {
        super(ctx);
    }

    MethodSpec begin() {
        return MethodSpec.methodBuilder("begin").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Moves the cursor to {@code member}, writing or checking every member before it.\n")
                .addParameter(TypeName.INT, "member").addParameter(String.class, "name")
                .beginControlFlow("if (step < 0)")
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

    /**
     * A setter's move to {@code member}: when the member before it is done and nothing is open
     * (the usual order) that is one comparison; anything else (skipped members, an open array,
     * misuse, no {@code wrap}: {@code step} is -1 then) goes through {@code begin}.
     */
    CodeBlock enter(int member, String name) {
        CodeBlock.Builder b = CodeBlock.builder()
                .beginControlFlow("if (step == $L && open < 0)", member)
                .addStatement("step = $L", member + 1);
        // Right after the elements of an array before it: what begin() would do, unrolled.
        for (MemberPlan array : arraysBefore(member)) {
            CodeBlock.Builder close = CodeBlock.builder()
                    .add("// the elements of $L are done: close it and write what lies between (as begin() would)\n",
                            array.setter)
                    .addStatement("open = -1")
                    .add(ctx.backPatching.completeCall(array));
            for (MemberPlan between : plans.subList(array.index + 1, member)) {
                close.add(fillCase(between));
            }
            close.addStatement("step = $L", member + 1);
            b.nextControlFlow(ctx.hasChildren() ? "else if (open == $L && !childOpen)" : "else if (open == $L)", array.index)
                    .beginControlFlow("try")
                    .add(close.build())
                    .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                    .addStatement("throw e.inMessage(PROTOCOL, TYPE)")
                    .endControlFlow();
        }
        return b.nextControlFlow("else")
                .addStatement("begin($L, $S)", member, name)
                .endControlFlow()
                .build();
    }

    /**
     * The (at most two) nearest arrays before {@code member} that may be the open member when its
     * setter runs: every member between them can be filled by the encoder (not a required value).
     */
    private List<MemberPlan> arraysBefore(int member) {
        List<MemberPlan> arrays = new ArrayList<>();
        for (int i = member - 1; i >= 0 && arrays.size() < 2; i--) {
            MemberPlan plan = plans.get(i);
            if (plan.unsupported != null) {
                break;
            }
            if (plan.kind == MemberPlan.Kind.ARRAY) {
                arrays.add(plan);
            }
            if (endsWithThrow(fillCase(plan))) {
                break;
            }
        }
        return arrays;
    }

    /**
     * Writes right away the members after {@code plan} that the encoder owns (constants, padding,
     * reserved slots), up to the next member the caller sets: the same bytes {@code begin} would
     * write when that member's setter runs, without its loop.
     */
    CodeBlock fillFollowing(MemberPlan plan) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (MemberPlan next : plans.subList(plan.index + 1, plans.size())) {
            if (next.isUserSet() || next.unsupported != null) {
                break;
            }
            b.add(fillCase(next)).addStatement("step = $L", next.index + 1);
        }
        if (b.isEmpty()) {
            return b.build();
        }
        return CodeBlock.builder()
                .beginControlFlow("try")
                .add(b.build())
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inMessage(PROTOCOL, TYPE)")
                .endControlFlow()
                .build();
    }

    MethodSpec missing() {
        return MethodSpec.methodBuilder("missing").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(IllegalStateException.class)
                .addParameter(String.class, "name").addParameter(String.class, "why")
                .addStatement("return new $T(TYPE + \".\" + name + \": \" + why)", IllegalStateException.class)
                .build();
    }

    MethodSpec fill() {
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

    static boolean endsWithThrow(CodeBlock body) {
        String[] lines = body.toString().strip().split("\n");
        return lines[lines.length - 1].strip().startsWith("throw ");
    }

    CodeBlock fillCase(MemberPlan plan) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (plan.kind == MemberPlan.Kind.LET) {
            return b.build();
        }
        if (plan.kind == MemberPlan.Kind.JOIN_LET) {
            return b.addStatement("throw missing($S, \"required (its parts are derived from it)\")", plan.setter).build();
        }
        if (plan.isUserSet()) {
            CodeBlock required = ctx.memberConditions.requiredCondition(plan);
            if (plan.kind == MemberPlan.Kind.ARRAY && plan.unsupported == null) {
                // An array nobody added to is an empty array when present.
                CodeBlock present = ctx.memberConditions.presence(plan);
                if (present.toString().equals("true")) {
                    return b.addStatement("$LBegin()", plan.setter).addStatement("complete($L)", plan.index).build();
                }
                b.beginControlFlow("if ($L)", Conditions.bare(present))
                        .addStatement("$LBegin()", plan.setter)
                        .addStatement("complete($L)", plan.index)
                        .nextControlFlow("else")
                        .add(assign("out.position()", plan.base + "Start", plan.base + "End"))
                        .endControlFlow();
                return b.build();
            }
            if (plan.kind == MemberPlan.Kind.UNION) {
                CodeBlock emptyArm = ctx.unionSetters.emptyArmMatches(plan);
                if (emptyArm != null) {
                    required = CodeBlock.of("$L && !($L)", required, emptyArm);
                }
            }
            if (required.toString().equals("true")) {
                return b.addStatement("throw missing($S, $S)", plan.setter, plan.isOptional()
                        ? "required here (its condition holds)" : "required").build();
            }
            if (!required.toString().equals("false")) {
                b.beginControlFlow("if ($L)", Conditions.bare(required))
                        .addStatement("throw missing($S, $S)", plan.setter, plan.isOptional()
                                ? "required here (its condition holds)" : "required")
                        .endControlFlow();
            }
            b.add(assign("out.position()", plan.base + "Start", plan.base + "End"));
            b.add(ctx.backPatching.completeCall(plan));
            return b.build();
        }
        if (plan.unsupported != null) {
            return b.addStatement("throw new $T(TYPE + \".$L: $L\")", UnsupportedOperationException.class,
                    plan.displayName(), plan.unsupported).build();
        }
        CodeBlock present = ctx.memberConditions.presence(plan);
        b.add(assign("out.position()", plan.base + "Start"));
        boolean always = present.toString().equals("true");
        if (!always) {
            b.beginControlFlow("if ($L)", Conditions.bare(present));
        }
        b.add(assign("true", plan.base + "Present"));
        b.add(ctx.ownedMemberWriters.autoWrite(plan));
        if (!always) {
            b.endControlFlow();
        }
        b.add(ctx.backPatching.completeCall(plan));
        return b.build();
    }

    MethodSpec closeOpen() {
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

    MethodSpec closeChild() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("closeChild").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Finishes the nested encoder handed out for the open member.\n")
                .addStatement("childOpen = false");
        m.beginControlFlow("switch (open)");
        for (MemberPlan plan : plans) {
            Map<String, ClassName> children = ctx.encoderStateFields.children(plan);
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
                                .addStatement("$L$LEncoder.finish()", plan.base, ctx.unionSetters.armName(u, arms.get(i)))
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
}
