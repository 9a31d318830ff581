package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Constant field values and checksums: the value must fit the field's type. */
class ConstantDiagnosticsTest {

    @Test
    void integerConstantTooLarge() {
        CheckResult result = check("""
                struct S { a: u8 = 256; }
                """);
        assertError(result, 1, 20, "constant 256 does not fit its type u8 (0 to 255)");
        assertUnderlines(result, "256");
    }

    @Test
    void integerConstantTooSmall() {
        CheckResult result = check("""
                struct S { a: i8 = -129; }
                """);
        assertError(result, 1, 20, "constant -129 does not fit its type i8 (-128 to 127)");
    }

    @Test
    void negativeLenenc() {
        CheckResult result = check("""
                struct S { a: lenenc = -1; }
                """);
        assertError(result, 1, 24, "constant -1 does not fit its type lenenc (0 to 2^64-1)");
    }

    @Test
    void textForAFloat() {
        CheckResult result = check("""
                struct S { f: f32 = "x"; }
                """);
        assertError(result, 1, 21, "type mismatch: a f32 constant must be a number");
    }

    @Test
    void textForAnInteger() {
        CheckResult result = check("""
                struct S { a: u8 = "x"; }
                """);
        assertError(result, 1, 20, "type mismatch: the value must be an integer for a u8 field, not text");
    }

    @Test
    void nullForAnInteger() {
        CheckResult result = check("""
                struct S { x: u8 = null; }
                """);
        assertError(result, 1, 20, "type mismatch: the value must be an integer for a u8 field, not null");
    }

    @Test
    void integerForText() {
        CheckResult result = check("""
                struct S { a: text[2] = 5; }
                """);
        assertError(result, 1, 25, "type mismatch: a text field's value must be a string, not int");
    }

    @Test
    void textThatTheCharsetCannotWrite() {
        CheckResult result = check("""
                option charset = ascii;
                struct S { a: text[2] = "é"; }
                """);
        assertError(result, 2, 25, "constant \"é\" cannot be written in charset ascii");
    }

    @Test
    void textOfTheWrongLength() {
        CheckResult result = check("""
                struct S { a: text[3] = "ab"; }
                """);
        assertError(result, 1, 25, "constant \"ab\" does not fit its type: the field is 3 bytes");
    }

    @Test
    void integerForBytes() {
        CheckResult result = check("""
                struct S { a: bytes[2] = 5; }
                """);
        assertError(result, 1, 26, "type mismatch: a bytes field's value must be bytes (x\"...\") or a string, not int");
    }

    @Test
    void bytesOfTheWrongLength() {
        CheckResult result = check("""
                struct S { a: bytes[2] = x"010203"; }
                """);
        assertError(result, 1, 26, "constant x\"010203\" does not fit its type: the field is 2 bytes");
    }

    @Test
    void integerForABitmap() {
        CheckResult result = check("""
                struct S { b: bitmap(8) = 1; }
                """);
        assertError(result, 1, 27, "type mismatch: the value is int but the field is bitmap");
    }

    @Test
    void textForAnAsciiInteger() {
        CheckResult result = check("""
                struct S { y: ascii_int = "z"; }
                """);
        assertError(result, 1, 27, "type mismatch: the value is text but the field is int");
    }

    @Test
    void valueComputedFromAnotherField() {
        CheckResult result = check("""
                struct S { a: u8; b: u8 = a; }
                """);
        assertError(result, 1, 27, "the value of field 'b' must be a constant (or a checksum such as crc32()); "
                + "a value computed from other fields is a 'let'");
    }

    // ------------------------------------------------------------------ checksums

    @Test
    void checksumOfTheWrongWidth() {
        CheckResult result = check("""
                struct S { c: u16 = crc32(); }
                """);
        assertError(result, 1, 21, "type mismatch: crc32() is a 32-bit checksum; the field must be u32 "
                + "(with le/be as the protocol writes it)");
        assertUnderlines(result, "crc32()");
    }

    @Test
    void crc24OnAU32() {
        CheckResult result = check("""
                struct S { c: u32 = crc24(); }
                """);
        assertError(result, 1, 21, "type mismatch: crc24() is a 24-bit checksum; the field must be u24 "
                + "(with le/be as the protocol writes it)");
    }

    @Test
    void checksumWithTwoArguments() {
        CheckResult result = check("""
                struct S { a: u8; c: u32 = crc32(a, a); }
                """);
        assertError(result, 1, 37, "crc32() takes where the checksummed bytes start (a field read before it, or 'frame') "
                + "and an optional seed = x\"...\"");
    }

    @Test
    void checksumFromAnUnknownField() {
        CheckResult result = check("""
                struct S { c: u32 = crc32c(nope); }
                """);
        assertError(result, 1, 28, "the checksum must start at a field read before it (or at 'frame', its first header byte), "
                + "and 'nope' is neither");
        assertUnderlines(result, "nope");
    }

    @Test
    void checksumFromALet() {
        CheckResult result = check("""
                struct S { a: u8; let l = a; c: u32 = crc32c(l); }
                """);
        assertError(result, 1, 46, "the checksum must start at a field read before it (or at 'frame', its first header byte), "
                + "and 'l' is neither");
    }

    @Test
    void checksumSeedThatIsNotBytes() {
        CheckResult result = check("""
                struct S { c: u32 = crc32(seed = "x"); }
                """);
        assertError(result, 1, 34, "a checksum seed is bytes fed to it first, written x\"fa2d55ca\"");
        assertUnderlines(result, "\"x\"");
    }
}
