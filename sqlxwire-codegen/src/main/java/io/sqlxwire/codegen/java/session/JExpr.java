package io.sqlxwire.codegen.java.session;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * A Java expression with its static type, so that generated code casts only where a cast changes
 * something ({@code -Xlint:cast} rejects redundant ones).
 */
public record JExpr(CodeBlock code, TypeName type) {

    public static JExpr of(TypeName type, String format, Object... args) {
        return new JExpr(CodeBlock.of(format, args), type);
    }

    public boolean isLong() {
        return type.equals(TypeName.LONG);
    }

    /** The expression as a value of {@code target}, cast when its type differs. */
    public CodeBlock as(TypeName target) {
        if (type.equals(target)) {
            return code;
        }
        // Widening int to long needs no cast at all.
        if (target.equals(TypeName.LONG) && (type.equals(TypeName.INT) || type.equals(TypeName.SHORT)
                || type.equals(TypeName.BYTE) || type.equals(TypeName.CHAR))) {
            return code;
        }
        return CodeBlock.of("($T) $L", target, code);
    }

    /** The expression cast to exactly {@code target} unless it has that type (for boxing into a list). */
    public CodeBlock exactly(TypeName target) {
        return type.equals(target) ? code : CodeBlock.of("($T) $L", target, code);
    }

    /** The expression as an {@code int} (a Java index or switch value). */
    public CodeBlock asInt() {
        return as(TypeName.INT);
    }

    @Override
    public String toString() {
        return code.toString();
    }
}
