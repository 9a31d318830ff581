package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import java.util.Optional;

/**
 * What expressions evaluated while encoding may read at each member: values already written
 * and kept, parameters, lets, element indexes, sizes and counts of completed members.
 */
final class EncoderScopes extends EncoderPart {

    EncoderScopes(EncoderLayout ctx) {
        super(ctx);
    }

    Optional<JavaExpr> numeric(TypedExpr expr, ExpressionScope scope) {
        return translator.translate(expr, scope).filter(JavaExpr::isNumber);
    }

    ExpressionScope emptyScope() {
        return scopeAt(0, null);
    }

    /** What expressions evaluated for member {@code at} may read. */
    ExpressionScope scopeAt(int at, String elementCount) {
        return new ExpressionScope() {
            @Override
            public Optional<JavaExpr> field(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.field == null || p.index >= at) {
                    return Optional.empty();
                }
                switch (p.kind) {
                    case SCALAR, CONSTANT, PADDING:
                        return p.keepsValue() ? Optional.of(JavaExpr.of(Kind.LONG, "$LValue", p.base)) : Optional.empty();
                    case BYTES:
                        return p.field.type() instanceof WireType.Text ? Optional.of(JavaExpr.of(Kind.TEXT, "$LText", p.base))
                                : Optional.empty();
                    case BITMAP:
                        return Optional.of(JavaExpr.of(Kind.BITMAP, "$LBits", p.base));
                    default:
                        return Optional.empty();
                }
            }

            @Override
            public Optional<JavaExpr> let(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.field != null) {
                    return Optional.empty();
                }
                if (p.kind == MemberPlan.Kind.JOIN_LET) {
                    return p.index < at ? Optional.of(JavaExpr.of(Kind.LONG, "$LValue", p.base)) : Optional.empty();
                }
                return translator.translate(((Let) p.member).value(), this);
            }

            @Override
            public Optional<JavaExpr> param(String name) {
                for (Parameter p : parameters) {
                    if (p.name().equals(name)) {
                        Kind kind = p.type() instanceof WireType.Bool ? Kind.BOOL : Kind.LONG;
                        return Optional.of(new JavaExpr(CodeBlock.of("$L", EncoderStateFields.paramField(p)), kind,
                                List.of(CodeBlock.of("$LKnown", EncoderStateFields.paramField(p)))));
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<JavaExpr> elementIndex() {
                return elementCount == null ? Optional.empty() : Optional.of(JavaExpr.of(Kind.INT, "$L", elementCount));
            }

            @Override
            public Optional<JavaExpr> sizeOf(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.field == null || p.index >= at) {
                    return Optional.empty();
                }
                return Optional.of(JavaExpr.of(Kind.INT, "($LEnd - $LStart)", p.base, p.base));
            }

            @Override
            public Optional<JavaExpr> countOf(String name) {
                MemberPlan p = byName.get(name);
                if (p == null || p.kind != MemberPlan.Kind.ARRAY || p.index >= at) {
                    return Optional.empty();
                }
                return Optional.of(JavaExpr.of(Kind.INT, "$LCount", p.base));
            }

            @Override
            public boolean hasSession() {
                return needsSession;
            }
        };
    }
}
