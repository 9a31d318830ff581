package io.sqlxwire.idl.check;

import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.Optional;

/** Reports a constant that cannot be stored in the type it is given to. */
final class ConstantFit {

    private ConstantFit() {}

    static void check(TypedExpr value, WireType type, SourceSpan span, CheckContext ctx) {
        Optional<BigInteger> integer = Constants.integer(value);
        IntKind kind = intKind(type);
        if (kind != null) {
            if (kind.floating()) {
                if (integer.isEmpty()) {
                    ctx.error(span, "type mismatch: a " + kind.idlName() + " constant must be a number");
                }
                return;
            }
            if (integer.isEmpty()) {
                ctx.error(span, "type mismatch: the value must be an integer for a " + kind.idlName() + " field, not "
                        + value.type().describe());
            } else if (!kind.fits(integer.get())) {
                ctx.error(span, "constant " + integer.get() + " does not fit its type " + kind.idlName() + " ("
                        + kind.min() + " to " + kind.max() + ")");
            }
            return;
        }
        if (type instanceof WireType.LenEnc && integer.isPresent()) {
            if (integer.get().signum() < 0 || integer.get().bitLength() > 64) {
                ctx.error(span, "constant " + integer.get() + " does not fit its type lenenc (0 to 2^64-1)");
            }
            return;
        }
        if (type instanceof WireType.Text t) {
            if (!(value instanceof TypedExpr.TextConst text)) {
                ctx.error(span, "type mismatch: a text field's value must be a string, not " + value.type().describe());
            } else if (!t.encoding().javaName().isEmpty()
                    && !java.nio.charset.Charset.forName(t.encoding().javaName()).newEncoder().canEncode(text.value())) {
                ctx.error(span, "constant \"" + text.value() + "\" cannot be written in charset " + t.encoding().idlName());
            } else if (t.fixedSize().isPresent()
                    && text.value().getBytes(java.nio.charset.Charset.forName(t.encoding().javaName())).length != t.fixedSize().getAsLong()) {
                ctx.error(span, "constant \"" + text.value() + "\" does not fit its type: the field is "
                        + t.fixedSize().getAsLong() + " bytes");
            }
            return;
        }
        if (type instanceof WireType.Bytes b) {
            if (!(value instanceof TypedExpr.BytesConst) && !(value instanceof TypedExpr.TextConst)) {
                ctx.error(span, "type mismatch: a bytes field's value must be bytes (x\"...\") or a string, not "
                        + value.type().describe());
            } else if (value instanceof TypedExpr.BytesConst bytes && b.fixedSize().isPresent()
                    && bytes.value().length() != b.fixedSize().getAsLong()) {
                ctx.error(span, "constant " + bytes.value() + " does not fit its type: the field is "
                        + b.fixedSize().getAsLong() + " bytes");
            }
            return;
        }
        ExprType expected = ExprTypes.of(type);
        if (!ExprTypes.assignable(expected, value.type())) {
            ctx.error(span, "type mismatch: the value is " + value.type().describe() + " but the field is " + expected.describe());
        }
    }

    private static IntKind intKind(WireType type) {
        if (type instanceof WireType.Int i) {
            return i.kind();
        } else if (type instanceof WireType.EnumRef e) {
            return e.base().kind();
        } else if (type instanceof WireType.FlagsRef f) {
            return f.base().kind();
        }
        return null;
    }
}
