package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A translated IDL expression: Java code, what kind of Java value it yields, and the run-time
 * guards under which the value means anything (a struct parameter whose argument the parent could
 * not compute is carried with a "known" flag; checks that read it are skipped when it is false).
 */
public record JavaExpr(CodeBlock code, Kind kind, List<CodeBlock> guards) {

    public enum Kind { INT, LONG, DOUBLE, BOOL, TEXT, BITMAP }

    public JavaExpr {
        guards = List.copyOf(guards);
    }

    public static JavaExpr of(Kind kind, String format, Object... args) {
        return new JavaExpr(CodeBlock.of(format, args), kind, List.of());
    }

    /** The value as a {@code long} expression, widening an {@code int} without a redundant cast. */
    public CodeBlock asLong() {
        return kind == Kind.INT ? CodeBlock.of("(long) ($L)", code) : code;
    }

    public boolean isNumber() {
        return kind == Kind.INT || kind == Kind.LONG || kind == Kind.DOUBLE;
    }

    public JavaExpr withGuardsOf(JavaExpr... others) {
        List<CodeBlock> all = new ArrayList<>(guards);
        for (JavaExpr other : others) {
            for (CodeBlock g : other.guards) {
                if (!all.contains(g)) {
                    all.add(g);
                }
            }
        }
        return new JavaExpr(code, kind, all);
    }

    /** {@code guard1 && guard2} or {@code null} when nothing guards the value. */
    public CodeBlock guardCondition() {
        if (guards.isEmpty()) {
            return null;
        }
        return CodeBlock.join(guards, " && ");
    }
}
