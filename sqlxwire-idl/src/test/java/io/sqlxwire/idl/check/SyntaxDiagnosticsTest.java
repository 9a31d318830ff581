package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertDiagnostics;
import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;
import static io.sqlxwire.idl.check.Diags.error;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Diagnostics of the parser and the syntax tree builder: one test per message, each at its exact place. */
class SyntaxDiagnosticsTest {

    @Test
    void unexpectedCharacter() {
        CheckResult result = check("""
                struct S { a: u8 # 1; }
                """);
        assertError(result, 1, 18, "syntax error: unexpected character '#'");
        assertUnderlines(result, "#");
    }

    @Test
    void unexpectedCharacterBetweenDeclarationsKeepsTheRestOfTheFile() {
        CheckResult result = check("""
                struct S { a: u8; } $ struct T { b: u33; }
                """);
        // The struct after the stray character is still checked.
        assertDiagnostics(result,
                error(1, 21, "syntax error: unexpected character '$'"),
                error(1, 37, "unknown type 'u33'; did you mean 'u32'?"));
    }

    @Test
    void missingSemicolonBeforeClosingBrace() {
        CheckResult result = check("""
                enum E: u8 { A = 1 }
                """);
        assertError(result, 1, 20, "syntax error: unexpected '}', expected ';'");
    }

    @Test
    void missingSemicolonAfterField() {
        CheckResult result = check("""
                struct S { a: u8 }
                """);
        assertError(result, 1, 18,
                "syntax error: unexpected '}', expected ';', '=', 'transform', 'if', 'size' or 'at'");
    }

    @Test
    void missingSemicolonBetweenFields() {
        CheckResult result = check("""
                struct S {
                    a: u8
                    b: u16;
                }
                """);
        assertError(result, 3, 5,
                "syntax error: unexpected 'b', expected ';', '=', 'transform', 'if', 'size' or 'at'");
    }

    @Test
    void unexpectedEndOfFile() {
        CheckResult result = check("""
                protocol P
                """);
        // The end of the file is after the last newline: line 2, column 1.
        assertError(result, 2, 1, "syntax error: unexpected end of file, expected ';'");
    }

    @Test
    void unexpectedEndOfFileInsideAField() {
        CheckResult result = check("struct S { a: u8");
        assertError(result, 1, 17, "syntax error: unexpected end of file, "
                + "expected ';', '=', 'transform', 'if', 'size' or 'at'");
    }

    @Test
    void everySyntaxErrorIsReportedInOneRun() {
        CheckResult result = check("""
                struct S { a: u8 b: u16 }
                struct T { c: u8 d: u8; }
                """);
        String expected = ", expected ';', '=', 'transform', 'if', 'size' or 'at'";
        assertDiagnostics(result,
                error(1, 18, "syntax error: unexpected 'b'" + expected),
                error(1, 25, "syntax error: unexpected '}'" + expected),
                error(2, 18, "syntax error: unexpected 'd'" + expected));
    }

    @Test
    void byteStringWithAnOddNumberOfHexDigits() {
        CheckResult result = check("""
                struct S { magic: bytes until 0 = x"012"; }
                """);
        assertError(result, 1, 35, "byte string x\"012\" has an odd number of hex digits");
        assertUnderlines(result, "x\"012\"");
    }

    @Test
    void characterLiteralThatIsNotOneByte() {
        CheckResult result = check("""
                struct S { a: u8 = '€'; }
                """);
        assertError(result, 1, 20, "character literal '€' is not a single byte");
        assertUnderlines(result, "'€'");
    }
}
