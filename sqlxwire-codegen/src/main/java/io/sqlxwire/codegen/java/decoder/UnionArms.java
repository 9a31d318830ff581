package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.values.Literals;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names and tests of union arms. An arm is named after the enum constant of its first pattern
 * ({@code MD5_PASSWORD} gives {@code Md5Password}), else {@code Case<value>} ({@code Case10},
 * {@code CaseMinus1}); the fallback {@code _} arm is {@code Other}.
 */
public final class UnionArms {

    public static final String FALLBACK = "Other";

    private UnionArms() {}

    /** The names of the non-fallback arms, in order; a repeated name gets the arm's index appended. */
    public static List<String> names(GenerationContext context, WireType.Union union) {
        Optional<EnumModel> subjectEnum = Optional.empty();
        ExprType subjectType = union.subject().type();
        if (subjectType.kind() == ExprType.Kind.ENUM) {
            subjectEnum = context.model().enumeration(subjectType.name());
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(FALLBACK);
        for (int i = 0; i < union.arms().size(); i++) {
            UnionArm arm = union.arms().get(i);
            String name = name(subjectEnum, arm);
            if (!seen.add(name)) {
                name = name + i;
                seen.add(name);
            }
            names.add(name);
        }
        return names;
    }

    private static String name(Optional<EnumModel> subjectEnum, UnionArm arm) {
        if (arm.patterns().isEmpty()) {
            return FALLBACK;
        }
        BigInteger first = arm.patterns().get(0).low();
        if (subjectEnum.isPresent()) {
            for (EnumModel.Constant constant : subjectEnum.get().constants()) {
                if (constant.value().equals(first)) {
                    return Naming.pascal(constant.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return "Case" + (first.signum() < 0 ? "Minus" + first.negate() : first.toString());
    }

    /** The condition that {@code subject} (a long variable) matches one of the arm's patterns. */
    public static CodeBlock matches(UnionArm arm, String subject) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (arm.patterns().size() > 1) {
            code.add("(");
        }
        for (int i = 0; i < arm.patterns().size(); i++) {
            UnionArm.Range range = arm.patterns().get(i);
            code.add(i == 0 ? "" : " || ");
            if (range.low().equals(range.high())) {
                code.add("$L == $L", subject, Literals.integer(range.low(), true));
            } else {
                code.add("($L >= $L && $L <= $L)", subject, Literals.integer(range.low(), true), subject,
                        Literals.integer(range.high(), true));
            }
        }
        if (arm.patterns().size() > 1) {
            code.add(")");
        }
        return code.build();
    }
}
