package io.sqlxwire.codegen.java.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.CodeBlock;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static String bare(String condition) {
        return Conditions.bare(CodeBlock.of("$L", condition)).toString();
    }

    @Test
    void anOuterPairAroundEverythingGoes() {
        assertEquals("count >= 0", bare("(count >= 0)"));
        assertEquals("a && (b || c)", bare("(a && (b || c))"));
    }

    @Test
    void pairsThatDoNotEncloseEverythingStay() {
        assertEquals("(a) && (b)", bare("(a) && (b)"));
        assertEquals("x.has(1)", bare("x.has(1)"));
        assertEquals("flag", bare("flag"));
    }

    @Test
    void parenthesesInsideLiteralsDoNotCount() {
        assertEquals("(s.equals(\")\")) && t", bare("(s.equals(\")\")) && t"));
        assertEquals("c == ')'", bare("(c == ')')"));
        assertEquals("s.equals(\"\\\")(\")", bare("(s.equals(\"\\\")(\"))"));
    }
}
