package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertDiagnostics;
import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;
import static io.sqlxwire.idl.check.Diags.error;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Framings: how a frame's size is found, and the header fields its items refer to. */
class FramingDiagnosticsTest {

    @Test
    void itemGivenTwice() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; body len; }
                """);
        assertError(result, 1, 44, "framing F has two 'body' lines (the first at line 1)");
        assertUnderlines(result, "body len;");
    }

    @Test
    void delimitedFramingWithAHeader() {
        CheckResult result = check("""
                framing F { delimited u8; header { len: u32; } }
                """);
        assertError(result, 1, 13, "framing F is delimited by its content and cannot also have a header");
    }

    @Test
    void frameSizeThatCanNeverBeKnown() {
        CheckResult result = check("""
                framing F { header { len: u32; } }
                """);
        assertError(result, 1, 9, "the frame size of framing F can never be known: give 'body EXPR;' "
                + "(the body size from header fields) or 'delimited TYPE;'");
        assertUnderlines(result, "F");
    }

    @Test
    void bodyAndDelimitedTogether() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len - 4; delimited u8; }
                """);
        assertDiagnostics(result,
                error(1, 48, "framing F has both 'body' and 'delimited'; a frame's end is found one way"),
                error(1, 48, "framing F is delimited by its content and cannot also have a header"));
    }

    @Test
    void maximumBodyOfZero() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; max 0; }
                """);
        assertError(result, 1, 48, "the maximum body size must be from 1 to 2^62 bytes, not 0");
    }

    @Test
    void maximumBodyThatIsNotConstant() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; max n; }
                """);
        assertError(result, 1, 48, "unknown name 'n'");
    }

    @Test
    void unknownTransform() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; transform zz; }
                """);
        assertError(result, 1, 54, "unknown transform 'zz' (declare it with: transform zz;)");
    }

    @Test
    void tagThatIsNoHeaderField() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; tag tpye; }
                """);
        assertError(result, 1, 48, "framing F has no header field 'tpye' to use as its tag");
    }

    @Test
    void tagThatIsNoHeaderFieldWithSuggestion() {
        CheckResult result = check("""
                framing F { header { len: u32; type: u8; } body len; tag tpye; }
                """);
        assertError(result, 1, 58, "framing F has no header field 'tpye' to use as its tag; did you mean 'type'?");
    }

    @Test
    void sequenceThatIsNoHeaderField() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; sequence nope; }
                """);
        assertError(result, 1, 53, "framing F has no header field 'nope' to use as its sequence");
    }

    @Test
    void tagThatIsNotAnInteger() {
        CheckResult result = check("""
                framing F { header { len: u32; t: bytes[2]; } body len; tag t; }
                """);
        assertError(result, 1, 61, "type mismatch: the tag of framing F must be an integer header field");
    }

    @Test
    void bodySizeThatIsNotAnInteger() {
        CheckResult result = check("""
                framing F { header { len: u32; } body "x"; }
                """);
        assertError(result, 1, 39, "type mismatch: a body size must be an integer, but this expression is text");
    }

    @Test
    void continuationThatIsNotACondition() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; continued if len; }
                """);
        assertError(result, 1, 57, "type mismatch: a condition must be true or false, but 'len' is int (compare it, e.g. '!= 0')");
    }
}
