package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Setters of union members ({@code xxxAsArm(...)} per arm), the checks that an arm matches
 * the union's subject, and arm names.
 */
final class UnionSetters extends EncoderPart {

    UnionSetters(EncoderLayout ctx) {
        super(ctx);
    }

    List<MethodSpec> unionSetters(MemberPlan plan) {
        WireType.Union union = (WireType.Union) plan.field.type();
        List<MethodSpec> out = new ArrayList<>();
        List<UnionArm> arms = union.allArms();
        for (int i = 0; i < arms.size(); i++) {
            UnionArm arm = arms.get(i);
            ArmInfo info = new ArmInfo(union, arm, i);
            String name = plan.setter + "As" + armName(union, arm);
            if (arm.type() instanceof WireType.StructRef s) {
                out.add(ctx.structAndArraySetters.structSetter(plan, name, s, info, plan.base + armName(union, arm) + "Encoder"));
            } else if (arm.type() instanceof WireType.Array array) {
                out.addAll(arrayArmSetters(plan, name, array, info));
            } else {
                out.addAll(ctx.valueSetters.valueSetters(plan, name, arm.type(), info));
            }
        }
        return out;
    }

    /**
     * An arm holding an array: {@code xxxAsArm()} selects it (an empty array until elements are
     * added), then {@code xxxAsArmAdd(...)} adds each element; the array ends when the next member
     * starts or at {@code ctx.wrapAndFinish.finish()}.
     */
    List<MethodSpec> arrayArmSetters(MemberPlan plan, String name, WireType.Array array, ArmInfo arm) {
        String armName = armName(arm.union(), arm.arm());
        String count = plan.base + armName + "Count";
        List<MethodSpec> out = new ArrayList<>();
        out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("$L", ValueSetters.docOf(arm.arm().doc()))
                .addJavadoc("Selects this arm, an array: add its elements with {@code $LAdd(...)} (none gives an empty array).\n", name)
                .addCode(ctx.valueSetters.opening(plan))
                .addCode(armCheck(plan, arm))
                .addStatement("$LArm = $L", plan.base, arm.index())
                .addStatement("$L = 0", count)
                .addStatement("open = $L", plan.index)
                .addStatement("return this")
                .build());
        CodeBlock enter = CodeBlock.builder()
                .beginControlFlow("if (open != $L || $LArm != $L)", plan.index, plan.base, arm.index())
                .addStatement("throw new $T(TYPE + \".$LAdd: call $L() first\")", IllegalStateException.class, name, name)
                .endControlFlow()
                .beginControlFlow("if (childOpen)")
                .addStatement("closeChild()")
                .endControlFlow()
                .build();
        out.addAll(ctx.structAndArraySetters.elementSetters(plan, array, name + "Add", enter, count, plan.base + armName + "Encoder",
                ValueSetters.docOf(arm.arm().doc())));
        return out;
    }

    String armName(WireType.Union union, UnionArm arm) {
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
    Optional<CodeBlock> armMatches(MemberPlan plan, WireType.Union union, UnionArm arm) {
        Optional<JavaExpr> subject = ctx.encoderScopes.numeric(union.subject(), ctx.encoderScopes.scopeAt(plan.index, null));
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
            Optional<JavaExpr> guard = translator.translate(arm.guard(), ctx.encoderScopes.scopeAt(plan.index, null));
            if (guard.isPresent() && guard.get().kind() == Kind.BOOL && guard.get().guards().isEmpty()) {
                match = CodeBlock.of("($L && $L)", match, guard.get().code());
            }
        }
        CodeBlock known = subject.get().guardCondition();
        return Optional.of(known == null ? match : CodeBlock.of("(!($L) || $L)", known, match));
    }

    static CodeBlock patterns(CodeBlock subject, UnionArm arm) {
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

    CodeBlock armCheck(MemberPlan plan, ArmInfo arm) {
        Optional<CodeBlock> match = armMatches(plan, arm.union(), arm.arm());
        if (match.isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder().beginControlFlow("if (!$L)", match.get())
                .addStatement("throw new $T(TYPE + \".$L: arm $L does not match the union's subject\")",
                        IllegalStateException.class, plan.setter, armName(arm.union(), arm.arm()))
                .endControlFlow().build();
    }

    /** True when the subject selects an arm that carries no bytes, so leaving the union unset is fine. */
    CodeBlock emptyArmMatches(MemberPlan plan) {
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
}
