package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Typing expressions: operators, conditions, member and index access, the built-in functions. */
class ExpressionDiagnosticsTest {

    // ------------------------------------------------------------------ type mismatches

    @Test
    void conditionalBranchesOfDifferentTypes() {
        CheckResult result = check("""
                struct S { a: u8; b: bytes[a == 1 ? 2 : "x"]; }
                """);
        assertError(result, 1, 41, "type mismatch: the branches of '?:' have different types: int and text");
        assertUnderlines(result, "\"x\"");
    }

    @Test
    void integerUsedAsACondition() {
        CheckResult result = check("""
                struct S { a: u8; b: u8 if a; }
                """);
        assertError(result, 1, 28, "type mismatch: a condition must be true or false, but 'a' is int (compare it, e.g. '!= 0')");
    }

    @Test
    void integerNegatedWithNot() {
        CheckResult result = check("""
                struct S { a: u8; b: u8 if !a; }
                """);
        assertError(result, 1, 29, "type mismatch: a condition must be true or false, but 'a' is int (compare it, e.g. '!= 0')");
    }

    @Test
    void integerOperandOfAnd() {
        CheckResult result = check("""
                struct S { a: u8; b: u8 if a > 1 && 2; }
                """);
        assertError(result, 1, 37, "type mismatch: a condition must be true or false, but this expression is int "
                + "(compare it, e.g. '!= 0')");
    }

    @Test
    void integerAsTheConditionOfAConditional() {
        CheckResult result = check("""
                struct S { a: u8; d: bytes[a ? 1 : 2]; }
                """);
        assertError(result, 1, 28, "type mismatch: a condition must be true or false, but 'a' is int (compare it, e.g. '!= 0')");
    }

    @Test
    void textAsASize() {
        CheckResult result = check("""
                struct S { x: bytes["a"]; }
                """);
        assertError(result, 1, 21, "type mismatch: a size must be an integer, but this expression is text");
    }

    @Test
    void textAsARegionSize() {
        CheckResult result = check("""
                struct S { a: u8; b: u8[a] size("x"); }
                """);
        assertError(result, 1, 33, "type mismatch: a region size must be an integer, but this expression is text");
    }

    @Test
    void textAsAPosition() {
        CheckResult result = check("""
                struct S { n: u8; data: bytes[n] at("x"); }
                """);
        assertError(result, 1, 37, "type mismatch: a position must be an integer, but this expression is text");
    }

    @Test
    void memberOfAnInteger() {
        CheckResult result = check("""
                struct S { a: u8; d: bytes[a.b]; }
                """);
        assertError(result, 1, 28, "type mismatch: only struct values have fields, but 'a' is int");
        assertUnderlines(result, "a.b");
    }

    @Test
    void indexOfAnInteger() {
        CheckResult result = check("""
                struct S { a: u8; d: bytes[a[0]]; }
                """);
        assertError(result, 1, 28, "type mismatch: only arrays, lists and bitmaps can be indexed, but 'a' is int");
    }

    @Test
    void negatedText() {
        CheckResult result = check("""
                struct S { t: text[2]; d: bytes[-t]; }
                """);
        assertError(result, 1, 34, "type mismatch: '-' needs a number, but 't' is text");
    }

    @Test
    void comparingAnIntegerWithText() {
        CheckResult result = check("""
                struct S { a: u8; b: u8 if a == "x"; }
                """);
        assertError(result, 1, 28, "type mismatch: cannot compare int with text");
        assertUnderlines(result, "a == \"x\"");
    }

    @Test
    void orderingText() {
        CheckResult result = check("""
                struct S { t: text[2]; b: u8 if t < 3; }
                """);
        assertError(result, 1, 33, "type mismatch: '<' needs numbers, but 't' is text");
    }

    @Test
    void hasWithTextOnTheRight() {
        CheckResult result = check("""
                struct S { a: u8; b: u8 if a has "x"; }
                """);
        assertError(result, 1, 34, "type mismatch: 'has' needs a flag or bit mask on its right, but this expression is text");
    }

    @Test
    void hasWithAFlagOfAnotherFlagsType() {
        CheckResult result = check("""
                flags F: u8 { X = 1; }
                flags G: u8 { Y = 1; }
                struct S { f: F; b: u8 if f has G.Y; }
                """);
        assertError(result, 3, 33, "type mismatch: cannot test flags F for a constant of flags G");
    }

    @Test
    void bitwiseOperatorOnAFloat() {
        CheckResult result = check("""
                struct S { a: f32; let l = a & 1; }
                """);
        assertError(result, 1, 28, "type mismatch: '&' needs integers, not floating-point numbers");
    }

    @Test
    void textArgumentOfMin() {
        CheckResult result = check("""
                struct S { d: bytes[min(1, "x")]; }
                """);
        assertError(result, 1, 28, "type mismatch: min() argument must be an integer, but this expression is text");
    }

    @Test
    void countOfAnInteger() {
        CheckResult result = check("""
                struct S { a: u8; d: bytes[count(a)]; }
                """);
        assertError(result, 1, 34, "type mismatch: count() needs an array or list, but 'a' is int");
    }

    @Test
    void textOffsetOfPeek() {
        CheckResult result = check("""
                struct S { d: bytes[peek(u8, "x")]; }
                """);
        assertError(result, 1, 30, "type mismatch: the offset of peek() must be an integer, but this expression is text");
    }

    // ------------------------------------------------------------------ functions

    @Test
    void namedArgumentOfAFunction() {
        CheckResult result = check("""
                struct S { d: bytes[min(a = 1, 2)]; }
                """);
        assertError(result, 1, 25, "min() takes no named arguments");
        assertUnderlines(result, "a = 1");
    }

    @Test
    void minWithOneArgument() {
        CheckResult result = check("""
                struct S { d: bytes[min(1)]; }
                """);
        assertError(result, 1, 21, "min() needs at least two arguments");
    }

    @Test
    void sizeofOfAConstant() {
        CheckResult result = check("""
                struct S { d: bytes[sizeof(1)]; }
                """);
        assertError(result, 1, 21, "sizeof() takes one field read earlier, e.g. sizeof(parameters)");
    }

    @Test
    void countWithTwoArguments() {
        CheckResult result = check("""
                struct S { d: bytes[count(1, 2)]; }
                """);
        assertError(result, 1, 21, "count() takes one array field or list, e.g. count(fields)");
    }

    @Test
    void joinInsideAnExpression() {
        CheckResult result = check("""
                struct S { a: u8; d: bytes[join(a, a)]; }
                """);
        assertError(result, 1, 28, "join() combines split fields and may only be the whole value of a let: "
                + "let NAME: FLAGS = join(low, high);");
    }

    @Test
    void checksumInsideAnExpression() {
        CheckResult result = check("""
                struct S { d: bytes[crc32()]; }
                """);
        assertError(result, 1, 21, "crc32() computes a checksum and may only be the value of a field: "
                + "checksum: u32 = crc32();");
    }

    @Test
    void peekWithoutAType() {
        CheckResult result = check("""
                struct S { d: bytes[peek()]; }
                """);
        assertError(result, 1, 21, "peek() takes an integer type and an optional offset, e.g. peek(u8) or peek(u32, 4)");
    }

    @Test
    void peekOfAFloat() {
        CheckResult result = check("""
                struct S { d: bytes[peek(f32)]; }
                """);
        assertError(result, 1, 26, "peek() reads an integer type such as u8 or u32le, not 'f32'");
        assertUnderlines(result, "f32");
    }
}
