package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.assertWarning;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Enums and flag sets: the base type, values that fit it, flags with bits, shared values. */
class EnumDiagnosticsTest {

    @Test
    void baseThatIsNotAnInteger() {
        CheckResult result = check("""
                enum E: f32 { A = 1; }
                """);
        assertError(result, 1, 9, "the base of enum E must be an integer type such as u8 or i32le");
        assertUnderlines(result, "f32");
    }

    @Test
    void flagsBaseThatIsAnArray() {
        CheckResult result = check("""
                flags F: u8[2] { A = 1; }
                """);
        assertError(result, 1, 10, "the base of flags F must be an integer type such as u8 or i32le");
        assertUnderlines(result, "u8[2]");
    }

    @Test
    void enumBaseThatIsItself() {
        CheckResult result = check("""
                enum E: E { A = 1; }
                """);
        assertError(result, 1, 9, "the base of enum E must be an integer type such as u8 or i32le");
    }

    @Test
    void constantThatDoesNotFitTheBase() {
        CheckResult result = check("""
                enum E: u8 { A = 256; }
                """);
        assertError(result, 1, 18, "constant 256 does not fit its type u8 (0 to 255)");
        assertUnderlines(result, "256");
    }

    @Test
    void negativeConstantOfASignedBase() {
        CheckResult result = check("""
                enum E: i8 { A = -129; }
                """);
        assertError(result, 1, 18, "constant -129 does not fit its type i8 (-128 to 127)");
    }

    @Test
    void flagWithoutBits() {
        CheckResult result = check("""
                flags F: u8 { A = 0; }
                """);
        assertError(result, 1, 19, "flag A has no bits set; a flag is a bit mask such as 0x0200");
    }

    @Test
    void flagsValueThatIsNotAnInteger() {
        CheckResult result = check("""
                flags F: u8 { A = "x"; }
                """);
        assertError(result, 1, 19, "a flags value must be a constant integer, but this expression is not");
    }

    @Test
    void enumValueThatNamesASessionVariable() {
        CheckResult result = check("""
                enum E: u8 { A = session.x; }
                """);
        assertError(result, 1, 18, "session variables cannot be used here: the value must be known without a connection");
        assertUnderlines(result, "session.x");
    }

    @Test
    void enumValueThatPeeks() {
        CheckResult result = check("""
                enum E: u8 { A = peek(u8); }
                """);
        assertError(result, 1, 18, "peek() reads ahead in the input and can only be used inside a struct or message");
    }

    @Test
    void twoConstantsWithOneValueIsAWarning() {
        CheckResult result = check("""
                enum E: u8 { A = 1; B = 1; }
                """);
        assertWarning(result, 1, 25, "enum E gives value 1 to both A and B; decoding yields the first");
    }
}
