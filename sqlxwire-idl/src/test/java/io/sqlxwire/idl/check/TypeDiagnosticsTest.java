package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Resolving written types: built-in types and their arguments, extents, length prefixes, arrays, struct arguments. */
class TypeDiagnosticsTest {

    @Test
    void unionAsAParameterType() {
        CheckResult result = check("""
                struct S(p: switch (1) { _ => u8; }) { x: u8; }
                """);
        assertError(result, 1, 13, "a union (switch) can only be the type of a field");
        assertUnderlines(result, "switch (1) { _ => u8; }");
    }

    @Test
    void unionAsALengthPrefix() {
        CheckResult result = check("""
                struct S { x: bytes prefix(switch (1) { _ => u8; }); }
                """);
        assertError(result, 1, 28, "a union (switch) can only be the type of a field");
    }

    @Test
    void boolAsAFieldType() {
        CheckResult result = check("""
                struct S { x: bool; }
                """);
        assertError(result, 1, 15, "bool is not a wire type; it is for parameters, lets and session variables "
                + "(use u8 with a comparison, or a flags type)");
    }

    @Test
    void structArgumentCountMissingOne() {
        CheckResult result = check("""
                struct T(a: u8) { x: u8; }
                struct S { t: T; }
                """);
        assertError(result, 2, 15, "struct T takes 1 argument (a) but 0 are given");
    }

    @Test
    void structArgumentCountTooFew() {
        CheckResult result = check("""
                struct T(a: u8, b: u8) { x: u8; }
                struct S { t: T(1); }
                """);
        assertError(result, 2, 15, "struct T takes 2 arguments (a, b) but 1 is given");
        assertUnderlines(result, "T(1)");
    }

    @Test
    void namedStructArgumentInTheWrongPlace() {
        CheckResult result = check("""
                struct T(a: u8, b: u8) { x: u8; }
                struct S { t: T(b = 1, 2); }
                """);
        assertError(result, 2, 17, "argument 1 of T is 'a', not 'b'");
        assertUnderlines(result, "b");
    }

    @Test
    void structArgumentOfTheWrongType() {
        CheckResult result = check("""
                struct T(a: u8) { x: u8; }
                struct S { t: T("x"); }
                """);
        assertError(result, 2, 17, "type mismatch: parameter 'a' of T is int, but the argument is text");
    }

    @Test
    void bitmapWithoutBitCount() {
        CheckResult result = check("""
                struct S { b: bitmap; }
                """);
        assertError(result, 1, 15, "bitmap takes a bit count and an optional offset: bitmap(column_count, offset = 2)");
    }

    @Test
    void bitmapOffsetOutOfRange() {
        CheckResult result = check("""
                struct S { b: bitmap(8, offset = 65); }
                """);
        assertError(result, 1, 34, "the offset of a bitmap must be from 0 to 64 bits");
        assertUnderlines(result, "65");
    }

    @Test
    void bitmapOffsetThatIsNotConstant() {
        CheckResult result = check("""
                struct S { n: u8; b: bitmap(8, offset = n); }
                """);
        assertError(result, 1, 41, "the offset of a bitmap must be a constant integer, but 'n' is not");
    }

    @Test
    void argumentsToATypeWithoutParameters() {
        CheckResult result = check("""
                struct S { x: u8(); }
                """);
        assertError(result, 1, 15, "type 'u8' takes no arguments");
    }

    @Test
    void charsetArgumentToBytes() {
        CheckResult result = check("""
                struct S { x: bytes(latin1)[3]; }
                """);
        assertError(result, 1, 15, "type 'bytes' takes no arguments");
    }

    @Test
    void paddingWithALengthPrefix() {
        CheckResult result = check("""
                struct S { x: pad prefix(u8); }
                """);
        assertError(result, 1, 15, "padding needs a size [n] or 'rest'");
    }

    @Test
    void textWithTwoCharsets() {
        CheckResult result = check("""
                struct S { x: text(latin1, ascii)[4]; }
                """);
        assertError(result, 1, 15, "text takes one charset: text(latin1)");
    }

    @Test
    void textWithANumberForCharset() {
        CheckResult result = check("""
                struct S { x: text(5)[3]; }
                """);
        assertError(result, 1, 15, "text takes one charset: text(latin1)");
    }

    @Test
    void unknownCharsetOfText() {
        CheckResult result = check("""
                struct S { x: text(latin2)[4]; }
                """);
        assertError(result, 1, 20, "unknown charset 'latin2'; did you mean 'latin1'? "
                + "(known: utf8, ascii, latin1, utf16le, utf16be, cp500, cp037)");
        assertUnderlines(result, "latin2");
    }

    @Test
    void sizeOutOfRange() {
        CheckResult result = check("""
                struct S { x: bytes[-1]; }
                """);
        assertError(result, 1, 21, "the size of 'x' must be from 0 to 2147483647, not -1");
    }

    @Test
    void sizeFarTooLarge() {
        CheckResult result = check("""
                struct S { x: bytes[99999999999999999999]; }
                """);
        assertError(result, 1, 21, "the size of 'x' must be from 0 to 2147483647, not 99999999999999999999");
    }

    @Test
    void elementCountOutOfRange() {
        CheckResult result = check("""
                struct S { x: u8[-1]; }
                """);
        assertError(result, 1, 18, "the element count of 'x' must be from 0 to 2147483647, not -1");
    }

    @Test
    void sizeNotAMultipleOfTheCharsetUnit() {
        CheckResult result = check("""
                struct S { x: text(utf16le)[3]; }
                """);
        assertError(result, 1, 29, "the size of 'x' must be a multiple of 2 bytes for its charset");
    }

    @Test
    void lengthPrefixThatIsNotAnInteger() {
        CheckResult result = check("""
                struct S { x: bytes prefix(f32); }
                """);
        assertError(result, 1, 28, "a length prefix must be an integer type or lenenc");
    }

    @Test
    void lengthPrefixThatIsAnArray() {
        CheckResult result = check("""
                struct S { x: bytes prefix(u8[2]); }
                """);
        assertError(result, 1, 30, "arrays can only be the type of a field");
    }

    @Test
    void nullMarkerThatDoesNotFitTheLengthType() {
        CheckResult result = check("""
                struct S { x: bytes prefix(u8, null = 256); }
                """);
        assertError(result, 1, 39, "constant 256 does not fit the length type u8 (0 to 255)");
    }

    @Test
    void nullMarkerOnLenenc() {
        CheckResult result = check("""
                struct S { x: bytes prefix(lenenc, null = 251); }
                """);
        assertError(result, 1, 43, "lenenc has its own NULL marker (0xFB); remove 'null = ...'");
    }

    @Test
    void nullMarkerThatIsNotAnInteger() {
        CheckResult result = check("""
                struct S { x: bytes prefix(u8, null = "a"); }
                """);
        assertError(result, 1, 39, "a NULL marker must be a constant integer, but this expression is not");
    }

    @Test
    void numericTerminatorWiderThanAByte() {
        CheckResult result = check("""
                struct S { x: bytes until 256; }
                """);
        assertError(result, 1, 27, "a terminator given as a number must be one byte (0 to 255), not 256");
    }

    @Test
    void asciiIntTerminatorWiderThanAByte() {
        CheckResult result = check("""
                struct S { x: ascii_int until 300; }
                """);
        assertError(result, 1, 31, "a terminator given as a number must be one byte (0 to 255), not 300");
    }

    @Test
    void emptyTerminator() {
        CheckResult result = check("""
                struct S { x: bytes until x""; }
                """);
        assertError(result, 1, 27, "a terminator must be a non-empty constant: a byte (0), a character ('\\n'), "
                + "a string (\"\\r\\n\") or bytes (x\"0d0a\")");
    }

    @Test
    void extentSuffixOnAScalar() {
        CheckResult result = check("""
                struct S { x: u8 until 0; }
                """);
        assertError(result, 1, 18, "'until' cannot follow u8 here; for an array write u8[] until ...");
        assertUnderlines(result, "until 0");
    }

    @Test
    void extentSuffixAfterAFixedArray() {
        CheckResult result = check("""
                struct S { x: u8[2][3] until 0; }
                """);
        assertError(result, 1, 24, "'until' cannot follow u8 here; for an array write u8[] until ...");
    }

    @Test
    void arrayAsASessionVariable() {
        CheckResult result = check("""
                session { x: u8[3]; }
                """);
        assertError(result, 1, 16, "arrays can only be the type of a field; a session list is written T[]");
        assertUnderlines(result, "[3]");
    }

    @Test
    void arrayAsAParameter() {
        CheckResult result = check("""
                struct S(p: u8[3]) { x: u8; }
                """);
        assertError(result, 1, 15, "arrays can only be the type of a field");
    }
}
