package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.codegen.java.values.Conditions;
import java.util.Optional;

/**
 * The run-time tests of optional members: whether one is present, when leaving it unset is an
 * error, and the check a setter makes.
 */
final class MemberConditions extends EncoderPart {

    MemberConditions(EncoderLayout ctx) {
        super(ctx);
    }

    /** Whether a member the encoder writes, or an array, is there: its condition, or a guess when it cannot be known. */
    CodeBlock presence(MemberPlan plan) {
        if (!plan.isOptional()) {
            return CodeBlock.of("true");
        }
        Optional<JavaExpr> cond = translator.translate(plan.field.condition(), ctx.encoderScopes.scopeAt(plan.index, null));
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
    CodeBlock requiredCondition(MemberPlan plan) {
        if (!plan.isOptional()) {
            return CodeBlock.of("true");
        }
        Optional<JavaExpr> cond = translator.translate(plan.field.condition(), ctx.encoderScopes.scopeAt(plan.index, null));
        if (cond.isEmpty() || cond.get().kind() != Kind.BOOL) {
            return CodeBlock.of("false");
        }
        CodeBlock guard = cond.get().guardCondition();
        return guard == null ? cond.get().code() : CodeBlock.of("($L && $L)", guard, cond.get().code());
    }

    /** The check a user-set optional member makes when it is set. */
    CodeBlock conditionCheck(MemberPlan plan) {
        if (!plan.isOptional()) {
            return CodeBlock.of("");
        }
        Optional<JavaExpr> cond = translator.translate(plan.field.condition(), ctx.encoderScopes.scopeAt(plan.index, null));
        if (cond.isEmpty() || cond.get().kind() != Kind.BOOL) {
            return CodeBlock.of("");
        }
        CodeBlock guard = cond.get().guardCondition();
        CodeBlock test = guard == null ? CodeBlock.of("!$L", cond.get().code())
                : CodeBlock.of("$L && !$L", guard, cond.get().code());
        return CodeBlock.builder().beginControlFlow("if ($L)", Conditions.bare(test))
                .addStatement("throw new $T(TYPE + \".$L: must be absent here (its condition is false)\")",
                        IllegalStateException.class, plan.setter)
                .endControlFlow().build();
    }
}
