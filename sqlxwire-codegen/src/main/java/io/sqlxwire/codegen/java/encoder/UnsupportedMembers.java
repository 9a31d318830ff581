package io.sqlxwire.codegen.java.encoder;

import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;

/**
 * Decides, before anything is generated, which members an encoder cannot write and why
 * (each becomes a setter that throws and a line in the class Javadoc).
 */
final class UnsupportedMembers extends EncoderPart {

    UnsupportedMembers(EncoderLayout ctx) {
        super(ctx);
    }

    void markUnsupported() {
        boolean positionedSeen = false;
        for (MemberPlan plan : plans) {
            Field f = plan.field;
            if (f == null) {
                continue;
            }
            if (f.transform() != null && !(plan.kind == MemberPlan.Kind.BYTES
                    && !(ValueWriters.extentOf(f.type()) instanceof Extent.Prefixed) && !(ValueWriters.extentOf(f.type()) instanceof Extent.Terminated))) {
                // Applied in place to exactly the value's bytes: a prefix or terminator would be transformed too.
                plan.unsupported = "hand-written transform '" + f.transform() + "' on a value with a length prefix or terminator";
            }
            if (f.position() != null) {
                positionedSeen = true;
            } else if (positionedSeen && writesBytes(plan)) {
                plan.unsupported = "positioned data must follow the fixed part; a member after a positioned one is not supported";
            }
            if (plan.unsupported == null && f.position() != null && plans.stream().skip(plan.index + 1)
                    .anyMatch(p -> p.field != null && p.field.position() == null && writesBytes(p))) {
                plan.unsupported = "positioned data followed by unpositioned members (written in place only when last)";
            }
            if (plan.unsupported == null && f.value() instanceof FieldValue.Checksum c) {
                if (c.kind() == FieldValue.ChecksumKind.CRC24 && c.seed().length() > 0) {
                    plan.unsupported = "CRC24 with a seed";
                } else if (c.fromFrame() && frameType == null) {
                    plan.unsupported = "checksum over the frame without a single framing with a header";
                }
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.ARRAY) {
                WireType element = ((WireType.Array) f.type()).element();
                if (!elementSupported(element)) {
                    plan.unsupported = "arrays of " + element.getClass().getSimpleName().toLowerCase() + " elements";
                }
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.UNION) {
                for (UnionArm arm : ((WireType.Union) f.type()).allArms()) {
                    if (!armSupported(arm.type())) {
                        plan.unsupported = arm.type() instanceof WireType.Array
                                ? "union arms holding an array with a count prefix or of unsupported elements"
                                : "union arms of type " + arm.type().getClass().getSimpleName().toLowerCase();
                    }
                }
            }
            if (plan.unsupported == null && f.type() instanceof WireType.Bitmap bitmap
                    && ctx.encoderScopes.numeric(bitmap.bits(), ctx.encoderScopes.scopeAt(plan.index, null)).isEmpty()) {
                plan.unsupported = "a bitmap whose size is not known while encoding";
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.PADDING
                    && ((f.type() instanceof WireType.Padding p && !(p.extent() instanceof Extent.Fixed)
                    && !(p.extent() instanceof Extent.Computed)))) {
                plan.unsupported = "padding without a size";
            }
            if (plan.unsupported == null && plan.kind == MemberPlan.Kind.CONSTANT && !constantSupported(f)) {
                plan.unsupported = "constant of this type";
            }
            if (plan.unsupported != null) {
                unsupported.add(ownerName + "." + plan.idlName() + ": " + plan.unsupported);
            }
        }
    }

    static boolean writesBytes(MemberPlan plan) {
        return plan.field != null && !(plan.field.type() instanceof WireType.Empty);
    }

    static boolean elementSupported(WireType element) {
        return element instanceof WireType.StructRef || EncoderValueTypes.isIntegral(element)
                || EncoderValueTypes.isByteLike(element) || isFloat(element);
    }

    static boolean isFloat(WireType type) {
        return type instanceof WireType.Int i && i.kind().floating();
    }

    static boolean armSupported(WireType type) {
        if (type instanceof WireType.Array array) {
            // The count of an array arm is checked or terminated at completion; a count prefix would
            // need a back-patched slot per arm.
            return !(array.count() instanceof Extent.Prefixed) && elementSupported(array.element());
        }
        return type instanceof WireType.Empty || type instanceof WireType.StructRef || EncoderValueTypes.isIntegral(type)
                || isFloat(type) || EncoderValueTypes.isByteLike(type);
    }

    static boolean constantSupported(Field f) {
        TypedExpr value = ((FieldValue.Constant) f.value()).value();
        if (EncoderValueTypes.isIntegral(f.type())) {
            return value instanceof TypedExpr.IntConst || value instanceof TypedExpr.NamedConst;
        }
        if (EncoderValueTypes.isByteLike(f.type())) {
            return value instanceof TypedExpr.TextConst || value instanceof TypedExpr.BytesConst;
        }
        return false;
    }
}
