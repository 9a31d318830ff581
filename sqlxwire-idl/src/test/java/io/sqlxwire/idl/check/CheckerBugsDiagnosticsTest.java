package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertClean;
import static io.sqlxwire.idl.check.Diags.assertDiagnostics;
import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.check;
import static io.sqlxwire.idl.check.Diags.error;
import static io.sqlxwire.idl.check.Diags.headlines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics that are wrong today: bad wording, follow-on errors that repeat or contradict the real
 * one, and mistakes that get no diagnostic at all. Each test states what a user should see; they fail
 * until the checker is fixed.
 */
class CheckerBugsDiagnosticsTest {

    // ------------------------------------------------------------------ wording

    @Test
    void enumValueMessageSaysAnEnum() {
        CheckResult result = check("""
                enum E: u8 { A = "x"; }
                """);
        assertError(result, 1, 18, "an enum value must be a constant integer, but this expression is not");
    }

    @Test
    void duplicateOfAnEnumSaysAnEnum() {
        CheckResult result = check("""
                enum Kind: u8 { A = 1; }
                struct Kind { y: u8; }
                """);
        assertError(result, 2, 8, "duplicate name 'Kind': an enum of that name is declared at line 1");
    }

    @Test
    void unexpectedEndOfFileNamesWhatIsMissingInsteadOfEveryKeyword() {
        CheckResult result = check("""
                struct S {
                """);
        assertEquals(1, result.diagnostics().size(), () -> result.render());
        Diagnostic only = result.diagnostics().get(0);
        assertEquals("test.wire:2:1", only.span().toString());
        assertTrue(only.message().startsWith("syntax error: unexpected end of file"), only.message());
        assertTrue(only.message().contains("'}'"), only.message());
        // Soft keywords are names here; listing every one of them hides the '}' that is missing.
        assertFalse(only.message().contains("'protocol'"), only.message());
    }

    @Test
    void parameterMissingFromTheHeaderOfItsFramingSaysTheFramingHasNone() {
        CheckResult result = check("""
                direction d from client;
                framing F { header { len: u32; } body len; }
                message M(kind: u8): d via F { x: u8; }
                """);
        // Today: "... and framing F has one", the opposite of the problem.
        assertError(result, 3, 11, "message parameter 'kind' takes its value from a framing header field of the same "
                + "name and type, and framing F has none");
    }

    // ------------------------------------------------------------------ follow-on errors

    @Test
    void hasOnTextIsReportedOnce() {
        CheckResult result = check("""
                struct S { t: text[2]; b: u8 if t has 1; }
                """);
        // Today also: 1:39 "type mismatch: cannot test text for a constant of int".
        assertError(result, 1, 33, "type mismatch: 'has' tests bits of a flags or integer value, but 't' is text");
    }

    @Test
    void badSignatureMatchDoesNotAlsoClaimTheSignatureMatchesNothing() {
        CheckResult result = check("""
                signature S from client { at 70000 match "x"; }
                """);
        // Today also: 1:11 "signature S matches nothing: give 'at OFFSET match BYTES;' or 'alpn NAME;'".
        assertError(result, 1, 30, "a signature offset must be from 0 to 65536");
    }

    @Test
    void oddHexDigitsAreReportedOnce() {
        CheckResult result = check("""
                struct S { a: bytes[2] = x"012"; }
                """);
        // Today also: 1:26 "constant x\"\" does not fit its type: the field is 2 bytes", about a value never written.
        assertError(result, 1, 26, "byte string x\"012\" has an odd number of hex digits");
    }

    @Test
    void brokenSyntaxIsNotAlsoCheckedAsAnExpression() {
        CheckResult result = check("""
                struct S { x: f32 = 1.5; }
                """);
        // Today also: 1:21 "type mismatch: only struct values have fields, but this expression is int".
        assertEquals(1, result.diagnostics().size(), () -> result.render());
        assertTrue(result.diagnostics().get(0).message().startsWith("syntax error: "), () -> result.render());
    }

    // ------------------------------------------------------------------ constants not recognised

    @Test
    void conditionalOfConstantsIsAConstantFieldValue() {
        CheckResult result = check("""
                struct S { x: u8 = true ? 1 : 2; }
                """);
        // Today: "the value of field 'x' must be a constant ...", about a constant.
        assertClean(result);
    }

    @Test
    void conditionalOfConstantsIsAConstantSessionInitialValue() {
        CheckResult result = check("""
                session { a: u8 = true ? 1 : 2; }
                """);
        // Today: "the initial value of session variable 'a' must be a constant", about a constant.
        assertClean(result);
    }

    @Test
    void largeShiftInAConstantValueIsReportedAsTooLarge() {
        CheckResult result = check("""
                struct S { x: u8 = 1 << 200; }
                """);
        // Today: "the value of field 'x' must be a constant ...": shifts by 128 or more are not folded.
        assertError(result, 1, 20, "constant 1606938044258990275541962092341162602522202993782792835301376 does not "
                + "fit its type u8 (0 to 255)");
    }

    // ------------------------------------------------------------------ missing diagnostics

    @Test
    void elementCountFromAHugeShiftIsOutOfRange() {
        CheckResult result = check("""
                struct S { x: u8[1 << 200]; }
                """);
        // Today: no diagnostic; the unfolded constant is taken for a count computed at run time.
        assertError(result, 1, 18, "the element count of 'x' must be from 0 to 2147483647, not "
                + "1606938044258990275541962092341162602522202993782792835301376");
    }

    @Test
    void divisionByZeroInASizeIsReported() {
        CheckResult result = check("""
                struct S { x: bytes[1 / 0]; }
                """);
        // Today: no diagnostic; the decoder would divide by zero.
        assertEquals(1, result.errors().size(), () -> "rendered:\n" + result.render());
        assertEquals("test.wire:1:21", result.errors().get(0).span().toString());
        assertTrue(result.errors().get(0).message().contains("zero"), result.errors().get(0).message());
    }

    @Test
    void secondIfOfAFieldIsReported() {
        CheckResult result = check("""
                struct S { a: u8 if true if false; }
                """);
        // Today: no diagnostic; the parser keeps the last condition and drops the first.
        assertEquals(1, result.errors().size(), () -> "rendered:\n" + String.join("\n", headlines(result)));
        assertEquals("test.wire:1:26", result.errors().get(0).span().toString());
    }

    @Test
    void unionWithoutArmsIsReported() {
        CheckResult result = check("""
                struct S { x: switch (1) { }; }
                """);
        // Today: no diagnostic, though no value can ever be decoded.
        assertEquals(1, result.errors().size(), () -> "rendered:\n" + String.join("\n", headlines(result)));
        assertEquals("test.wire:1:15", result.errors().get(0).span().toString());
    }

    @Test
    void followOnErrorsDoNotInflateTheCountOfAFilesProblems() {
        // The follow-on errors above also distort the count of a file's problems.
        CheckResult result = check("""
                struct S { t: text[2]; b: u8 if t has 1; }
                signature G from client { at 70000 match "x"; }
                """);
        assertDiagnostics(result,
                error(1, 33, "type mismatch: 'has' tests bits of a flags or integer value, but 't' is text"),
                error(2, 30, "a signature offset must be from 0 to 65536"));
    }
}
