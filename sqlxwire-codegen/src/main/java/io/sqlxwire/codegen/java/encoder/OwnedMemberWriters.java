package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Writes the members the encoder owns: constants, padding, reserved slots for checksums,
 * derived values and parts of joined lets.
 */
final class OwnedMemberWriters extends EncoderPart {

    OwnedMemberWriters(EncoderLayout ctx) {
        super(ctx);
    }

    CodeBlock autoWrite(MemberPlan plan) {
        Field f = plan.field;
        CodeBlock.Builder b = CodeBlock.builder();
        switch (plan.kind) {
            case CONSTANT -> b.add(writeConstant(plan));
            case PADDING -> {
                if (f.value() instanceof FieldValue.Constant) {
                    b.add(writeConstant(plan));
                } else if (f.type() instanceof WireType.Padding p && p.extent() instanceof Extent.Fixed fixed) {
                    b.addStatement("out.putZeros($L)", fixed.value());
                } else if (f.type() instanceof WireType.Padding p && p.extent() instanceof Extent.Computed c) {
                    Optional<JavaExpr> size = ctx.encoderScopes.numeric(c.value(), ctx.encoderScopes.scopeAt(plan.index, null));
                    if (size.isPresent()) {
                        b.addStatement("out.putZeros((int) $L)", size.get().asLong());
                    } else {
                        b.addStatement("throw new $T(TYPE + \".$L: padding size not known while encoding\")",
                                UnsupportedOperationException.class, plan.displayName());
                    }
                } else if (EncoderValueTypes.intBase(f.type()) != null) {
                    b.addStatement("out.putZeros($L)", EncoderValueTypes.intBase(f.type()).kind().size());
                } else if (f.type().fixedSize().isPresent()) {
                    b.addStatement("out.putZeros($L)", f.type().fixedSize().getAsLong());
                } else {
                    b.addStatement("throw new $T(TYPE + \".$L: padding size not known while encoding\")",
                            UnsupportedOperationException.class, plan.displayName());
                }
            }
            case CHECKSUM -> b.addStatement("$LSlot = out.reserve($L)", plan.base, intType(f.type()).kind().size());
            case DERIVED -> {
                MemberPlan target = byName.get(BackPatching.targetOf(f.role()));
                if (target != null && target.index < plan.index) {
                    // The target is complete: its value is known, write it directly.
                    b.add(writeStoredNumber(plan));
                } else if (EncoderValueTypes.intBase(f.type()) != null) {
                    b.addStatement("$LSlot = out.reserve($L)", plan.base, intType(f.type()).kind().size());
                } else {
                    b.addStatement("$LSlot = out.position()", plan.base);
                }
            }
            case PART -> {
                FieldRole.PartOf part = (FieldRole.PartOf) f.role();
                MemberPlan let = byName.get(part.let());
                if (let != null && let.index < plan.index) {
                    b.addStatement("$LValue = $L", plan.base, partValue(part, let));
                    b.add(writeStoredNumber(plan));
                } else {
                    b.addStatement("$LSlot = out.reserve($L)", plan.base, intType(f.type()).kind().size());
                }
            }
            default -> throw new IllegalStateException("not written by the encoder: " + plan.kind);
        }
        return b.build();
    }

    static String partValue(FieldRole.PartOf part, MemberPlan let) {
        long mask = part.bitWidth() >= 64 ? -1L : (1L << part.bitWidth()) - 1;
        return "(" + let.base + "Value >>> " + part.bitOffset() + ") & " + mask + "L";
    }

    CodeBlock writeStoredNumber(MemberPlan plan) {
        WireType type = plan.field.type();
        WireType.Int fixed = EncoderValueTypes.intBase(type);
        if (fixed != null) {
            CodeBlock.Builder b = CodeBlock.builder();
            CodeBlock range = WireIo.rangeCheck(fixed.kind(), plan.base + "Value", TypeName.LONG, support);
            if (range != null) {
                b.addStatement("$L", range);
            }
            return b.addStatement("$L", WireIo.put(fixed, plan.base + "Value", TypeName.LONG)).build();
        }
        if (type instanceof WireType.LenEnc) {
            return CodeBlock.builder().addStatement("$T.write(out, $LValue)", RuntimeTypes.LENGTH_ENCODED_INT, plan.base).build();
        }
        WireType.AsciiInt ascii = (WireType.AsciiInt) type;
        return CodeBlock.builder().addStatement("$T.put(out, $LValue)", RuntimeTypes.ASCII_DECIMAL, plan.base)
                .addStatement("out.putBytes($L)", ctx.byteConstants.constant(plan.base + "Terminator", ascii.terminator().toArray())).build();
    }

    CodeBlock writeConstant(MemberPlan plan) {
        Field f = plan.field;
        TypedExpr value = ((FieldValue.Constant) f.value()).value();
        if (EncoderValueTypes.isIntegral(f.type())) {
            BigInteger v = value instanceof TypedExpr.IntConst c ? c.value() : ((TypedExpr.NamedConst) value).value();
            return CodeBlock.builder().addStatement("$LValue = $LL", plan.base, v.longValue()).add(writeStoredNumber(plan)).build();
        }
        byte[] bytes;
        if (value instanceof TypedExpr.BytesConst bc) {
            bytes = bc.value().toArray();
        } else {
            Charset charset = f.type() instanceof WireType.Text t ? Charset.forName(t.encoding().javaName())
                    : java.nio.charset.StandardCharsets.UTF_8;
            bytes = ((TypedExpr.TextConst) value).value().getBytes(charset);
        }
        String name = ctx.byteConstants.constant(plan.base + "Constant", bytes);
        return ctx.valueWriters.writeBytes(plan, ValueWriters.extentOf(f.type()), name, "0", name + ".length", false);
    }

    static WireType.Int intType(WireType type) {
        WireType.Int base = EncoderValueTypes.intBase(type);
        if (base == null) {
            throw new IllegalArgumentException("not a fixed-width integer: " + type);
        }
        return base;
    }
}
