package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * {@code complete(member)}: records where a member ended, checks region sizes and array ends,
 * and back-patches the lengths, counts and offsets derived from it (inserting variable-width ones
 * and shifting recorded positions).
 */
final class BackPatching extends EncoderPart {

    BackPatching(EncoderLayout ctx) {
        super(ctx);
    }

    MethodSpec complete() {
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

    /** {@code complete(member);}, or nothing when completing that member has nothing to do. */
    CodeBlock completeCall(MemberPlan plan) {
        if (completeCase(plan).isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder().addStatement("complete($L)", plan.index).build();
    }

    CodeBlock completeCase(MemberPlan plan) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (plan.field == null) {
            return b.build();
        }
        int positional = StructAndArraySetters.positionalElementSize(plan);
        if (positional > 0) {
            // Completed right where its last element ends (nothing is written while it is open).
            b.addStatement("$LCount = (out.position() - $LStart) / $L", plan.base, plan.base, positional);
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
                    String arm = ctx.unionSetters.armName(u, arms.get(i));
                    CodeBlock end = arrayEnd(plan, array, plan.base + arm + "Count", plan.setter + "As" + arm);
                    if (!end.isEmpty()) {
                        b.beginControlFlow("if ($LPresent && $LArm == $L)", plan.base, plan.base, i).add(end).endControlFlow();
                    }
                }
            }
        }
        b.add(assign("out.position()", plan.base + "End"));
        if (plan.field.regionSize() != null) {
            Optional<JavaExpr> size = ctx.encoderScopes.numeric(plan.field.regionSize(), ctx.encoderScopes.scopeAt(plan.index, null));
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
            b.add(assign(derivedValue(role, plan), derived.base + "Value"));
            if (derived.index < plan.index) {
                b.beginControlFlow("if ($LSlot >= 0)", derived.base).add(patchDerived(derived)).endControlFlow();
            }
        }
        return b.build();
    }

    static String targetOf(FieldRole role) {
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

    String derivedValue(FieldRole role, MemberPlan target) {
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

    static String divide(String value, long unit) {
        return unit == 1 ? value : value + " / " + unit;
    }

    static String plus(long adjustment) {
        return adjustment == 0 ? "" : adjustment > 0 ? " + " + adjustment : " - " + (-adjustment);
    }

    /** Writes a derived value into its reserved slot (fixed width) or inserts it (lenenc, ascii_int). */
    CodeBlock patchDerived(MemberPlan derived) {
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
            ctx.usesShift = true;
            String insert = type instanceof WireType.LenEnc
                    ? support + ".insertLenenc(out, " + derived.base + "Slot, " + derived.base + "Value)"
                    : support + ".insertAsciiInt(out, " + derived.base + "Slot, " + derived.base + "Value, "
                    + ctx.byteConstants.constant(derived.base + "Terminator", ((WireType.AsciiInt) type).terminator().toArray()) + ")";
            b.addStatement("shift($LSlot, $L, $L)", derived.base, insert, derived.index);
        }
        return b.build();
    }

    MethodSpec shift() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("shift").addModifiers(Modifier.PRIVATE)
                .addJavadoc("Moves recorded positions after an insertion of {@code by} bytes at {@code at} by member {@code member}.\n")
                .addParameter(TypeName.INT, "at").addParameter(TypeName.INT, "by").addParameter(TypeName.INT, "member");
        for (MemberPlan plan : plans) {
            if (plan.field == null) {
                continue;
            }
            List<String> positions = new ArrayList<>(List.of(plan.base + "Start", plan.base + "End"));
            if (EncoderStateFields.hasSlot(plan)) {
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
    CodeBlock arrayEnd(MemberPlan plan, WireType.Array array, String count, String setter) {
        CodeBlock.Builder b = CodeBlock.builder();
        Extent extent = array.count();
        if (extent instanceof Extent.Terminated t) {
            b.addStatement("out.putBytes($L)", ctx.byteConstants.constant(plan.base + "Terminator", t.terminator().toArray()));
        } else if (extent instanceof Extent.Prefixed p) {
            if (p.lengthType() instanceof WireType.Int prefix) {
                b.addStatement("$L.checkRange($L, $LL, $LL, $LSlot)", support, count,
                        prefix.kind().min().max(BigInteger.ZERO).longValueExact(), prefix.kind().max().longValueExact(), plan.base);
                b.addStatement("$L", WireIo.patch(prefix, plan.base + "Slot", count, TypeName.INT));
            } else {
                ctx.usesShift = true;
                b.addStatement("shift($LSlot, $L.insertLenenc(out, $LSlot, $L), $L)", plan.base, support, plan.base,
                        count, plan.index);
            }
        } else if (extent instanceof Extent.Fixed f) {
            b.beginControlFlow("if ($L != $L)", count, f.value())
                    .addStatement("throw new $T(TYPE + \".$L: needs exactly $L elements, got \" + $L)",
                            IllegalStateException.class, setter, f.value(), count)
                    .endControlFlow();
        } else if (extent instanceof Extent.Computed c) {
            Optional<JavaExpr> expected = ctx.encoderScopes.numeric(c.value(), ctx.encoderScopes.scopeAt(plan.index, null));
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
}
