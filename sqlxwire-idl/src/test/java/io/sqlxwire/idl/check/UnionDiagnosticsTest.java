package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertClean;
import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Unions: the subject, the patterns, and arms that can never be chosen. */
class UnionDiagnosticsTest {

    @Test
    void armAfterTheFallback() {
        CheckResult result = check("""
                struct S {
                    a: u8;
                    b: switch (a) {
                        1 => u8;
                        _ => bytes rest;
                        2 => u16;
                    };
                }
                """);
        assertError(result, 6, 9, "unreachable union arm: it follows the fallback arm '_' at line 5");
        assertUnderlines(result, "2 => u16;");
    }

    @Test
    void valueAlreadyMatchedByAnEarlierRange() {
        CheckResult result = check("""
                struct S {
                    a: u8;
                    b: switch (a) {
                        1 .. 5 => u8;
                        3 => u16;
                        _ => bytes rest;
                    };
                }
                """);
        assertError(result, 5, 9, "unreachable union arm: value 3 is already matched by the arm at line 4");
        assertUnderlines(result, "3");
    }

    @Test
    void valueRepeatedInOneArm() {
        CheckResult result = check("""
                struct S { a: u8; b: switch (a) { 1, 1 => u8; _ => bytes rest; }; }
                """);
        assertError(result, 1, 38, "unreachable union arm: value 1 is already matched earlier in the same arm");
    }

    @Test
    void overlappingRanges() {
        CheckResult result = check("""
                struct S {
                    a: u8;
                    b: switch (a) {
                        1 .. 5 => u8;
                        4 .. 9 => u16;
                        _ => bytes rest;
                    };
                }
                """);
        assertError(result, 5, 9, "overlapping union arm: range 4 .. 9 overlaps range 1 .. 5 matched by the arm at line 4");
        assertUnderlines(result, "4 .. 9");
    }

    @Test
    void sameValueAfterAGuardedArmIsReachable() {
        CheckResult result = check("""
                struct S { a: u8; b: switch (a) { 1 if a > 0 => u8; 1 => u16; _ => bytes rest; }; }
                """);
        assertClean(result);
    }

    @Test
    void rangeWrittenBackwards() {
        CheckResult result = check("""
                struct S { a: u8; b: switch (a) { 5 .. 1 => u8; _ => bytes rest; }; }
                """);
        assertError(result, 1, 35, "empty range: 5 .. 1 (the low end must come first)");
        assertUnderlines(result, "5 .. 1");
    }

    @Test
    void patternThatDoesNotFitTheSubject() {
        CheckResult result = check("""
                struct S { a: u8; b: switch (a) { 300 => u8; _ => bytes rest; }; }
                """);
        assertError(result, 1, 35, "constant 300 does not fit the union's subject type u8 (0 to 255)");
    }

    @Test
    void patternThatDoesNotFitAPeekedSubject() {
        CheckResult result = check("""
                struct S { b: switch (peek(u8)) { 1 .. 256 => u8; _ => bytes rest; }; }
                """);
        assertError(result, 1, 35, "constant 256 does not fit the union's subject type u8 (0 to 255)");
    }

    @Test
    void textSubject() {
        CheckResult result = check("""
                struct S { t: text[1]; b: switch (t) { 1 => u8; _ => bytes rest; }; }
                """);
        assertError(result, 1, 35, "type mismatch: a union's subject must be an integer or enum value, but 't' is text");
    }

    @Test
    void patternThatIsAField() {
        CheckResult result = check("""
                struct S { a: u8; c: u8; b: switch (a) { c => u8; _ => bytes rest; }; }
                """);
        assertError(result, 1, 42, "a union pattern must be a constant integer, but 'c' is not");
    }

    @Test
    void unknownConstantOfTheSubjectsEnum() {
        CheckResult result = check("""
                enum K: u8 { A = 1; B = 2; }
                struct S { k: K; b: switch (k) { A => u8; C => u16; _ => bytes rest; }; }
                """);
        assertError(result, 2, 43, "unknown name 'C'");
    }
}
