package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertClean;
import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Directions and message catalogues: who sends, tags, and telling messages with one tag apart. */
class MessageDiagnosticsTest {

    @Test
    void directionFromNeitherClientNorServer() {
        CheckResult result = check("""
                direction d from peer;
                """);
        assertError(result, 1, 18, "a direction is 'from client' or 'from server', not from 'peer'");
        assertUnderlines(result, "peer");
    }

    @Test
    void unknownDirectionWithoutAnyDeclared() {
        CheckResult result = check("""
                message M: frontend { x: u8; }
                """);
        assertError(result, 1, 12, "unknown direction 'frontend' (declare it: direction frontend from client;)");
    }

    @Test
    void unknownDirectionWithSuggestion() {
        CheckResult result = check("""
                direction frontend from client;
                message M: frontnd { x: u8; }
                """);
        assertError(result, 2, 12, "unknown direction 'frontnd'; did you mean 'frontend'?");
    }

    @Test
    void tagThatDoesNotFit() {
        CheckResult result = check("""
                direction d from client;
                message M: d tag 0x1_0000_0000 { x: u8; }
                """);
        assertError(result, 2, 18, "constant 4294967296 does not fit a tag (0 to 4294967295)");
        assertUnderlines(result, "0x1_0000_0000");
    }

    @Test
    void negativeTag() {
        CheckResult result = check("""
                direction d from client;
                message M: d tag -1 { x: u8; }
                """);
        assertError(result, 2, 18, "constant -1 does not fit a tag (0 to 4294967295)");
    }

    @Test
    void duplicateTagInADirection() {
        CheckResult result = check("""
                direction d from client;
                message A: d tag 'Q' { x: u8; }
                message B: d tag 'Q' { y: u8; }
                """);
        assertError(result, 3, 18, "duplicate tag 'Q' in direction d: message A at line 2 has it too "
                + "(tell them apart with 'when', on a session variable)");
        assertUnderlines(result, "'Q'");
    }

    @Test
    void duplicateTagWrittenDifferently() {
        CheckResult result = check("""
                direction d from client;
                message A: d tag 81 { x: u8; }
                message B: d tag 0x51 { y: u8; }
                """);
        assertError(result, 3, 18, "duplicate tag 0x51 in direction d: message A at line 2 has it too "
                + "(tell them apart with 'when', on a session variable)");
    }

    @Test
    void sameTagInTwoDirectionsIsFine() {
        CheckResult result = check("""
                direction d from client;
                direction e from server;
                message A: d tag 'Q' { x: u8; }
                message B: e tag 'Q' { y: u8; }
                """);
        assertClean(result);
    }

    @Test
    void sameTagToldApartByWhenIsFine() {
        CheckResult result = check("""
                direction d from client;
                session { v: u8; }
                message A: d tag 'Q' { x: u8; }
                message B: d tag 'Q' when session.v == 1 { y: u8; }
                """);
        assertClean(result);
    }

    @Test
    void whenThatIsNotACondition() {
        CheckResult result = check("""
                direction d from client;
                message A: d tag 1 when 1 { x: u8; }
                """);
        assertError(result, 2, 25, "type mismatch: a condition must be true or false, but this expression is int "
                + "(compare it, e.g. '!= 0')");
    }

    @Test
    void whenThatNamesAField() {
        CheckResult result = check("""
                direction d from client;
                message A: d tag 1 when x == 1 { x: u8; }
                """);
        // 'when' is decided before the body is read, so the message's own fields are not in scope.
        assertError(result, 2, 25, "unknown name 'x'");
    }

    @Test
    void tagThatIsNotAConstant() {
        CheckResult result = check("""
                direction d from client;
                message A: d tag "Q" { x: u8; }
                """);
        assertError(result, 2, 18, "a message tag must be a constant integer, but this expression is not");
    }

    // ------------------------------------------------------------------ framings of messages

    @Test
    void viaAnUnknownFraming() {
        CheckResult result = check("""
                direction d from client;
                message M: d via FF { x: u8; }
                """);
        assertError(result, 2, 18, "unknown framing 'FF'");
    }

    @Test
    void viaAnUnknownFramingWithSuggestion() {
        CheckResult result = check("""
                direction d from client;
                framing Frame { header { len: u32; } body len; }
                message M: d via Frmae { x: u8; }
                """);
        assertError(result, 3, 18, "unknown framing 'Frmae'; did you mean 'Frame'?");
        assertUnderlines(result, "Frmae");
    }

    @Test
    void tagOfAMessageWhoseFramingHasNoTag() {
        CheckResult result = check("""
                direction d from client;
                framing F { header { len: u32; } body len; }
                message M: d via F tag 1 { x: u8; }
                """);
        assertError(result, 3, 24, "framing F has no tag field, so message M cannot have a tag");
    }

    @Test
    void parameterThatNoFramingHeaderProvides() {
        CheckResult result = check("""
                direction d from client;
                message M(kind: u8): d { x: u8; }
                """);
        assertError(result, 2, 11, "message parameter 'kind' takes its value from a framing header field of the same "
                + "name and type, and no framing has one");
        assertUnderlines(result, "kind");
    }
}
