package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.assertWarning;
import static io.sqlxwire.idl.check.Diags.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine: states, transitions, framing switches and the session actions of transitions. */
class MachineDiagnosticsTest {

    private static final String ONE_MESSAGE = """
            direction d from client;
            message M: d { x: u8; }
            """;

    @Test
    void secondMachine() {
        CheckResult result = check(ONE_MESSAGE + """
                machine { initial S; state S { on d M; } }
                machine { initial S; }
                """);
        assertError(result, 4, 1, "a protocol has one machine; merge this one into the machine at line 3");
    }

    @Test
    void noInitialState() {
        CheckResult result = check("""
                machine { state S { final; } }
                """);
        assertError(result, 1, 1, "the machine needs an initial state: initial NAME;");
    }

    @Test
    void secondInitialState() {
        CheckResult result = check("""
                machine { initial S; initial S; state S { final; } }
                """);
        assertError(result, 1, 22, "the machine has one initial state; it is already given at line 1");
        assertUnderlines(result, "initial S;");
    }

    @Test
    void unknownInitialState() {
        CheckResult result = check("""
                machine { initial T; state S { final; } }
                """);
        assertError(result, 1, 19, "unknown state 'T'");
    }

    @Test
    void unknownTargetState() {
        CheckResult result = check(ONE_MESSAGE + """
                machine { initial S; state S { on d M -> T; } }
                """);
        assertError(result, 3, 42, "unknown state 'T'");
    }

    @Test
    void framingInTheWildcardState() {
        CheckResult result = check("""
                direction d from client;
                framing F { header { len: u32; } body len; }
                machine { initial S; state S { final; } state * { framing d F; } }
                """);
        assertError(result, 3, 41, "'state *' may only list transitions accepted in every state");
        assertUnderlines(result, "state * { framing d F; }");
    }

    @Test
    void framingOfADirectionSetTwice() {
        CheckResult result = check("""
                direction d from client;
                framing F { header { len: u32; } body len; }
                framing G { header { len: u32; } body len; }
                machine { initial S; state S { framing d F; framing d G; } }
                """);
        assertError(result, 4, 45, "state S sets the framing of d twice");
    }

    @Test
    void duplicateTransition() {
        CheckResult result = check(ONE_MESSAGE + """
                machine { initial S; state S { on d M; on d M; } }
                """);
        assertError(result, 3, 40, "unreachable transition: state S already has a transition on d M without a guard "
                + "at line 3; give one of them a guard (on d M if ... -> STATE)");
    }

    @Test
    void guardedTransitionsOnOneMessageAreFine() {
        CheckResult result = check(ONE_MESSAGE + """
                machine { initial S; state S { on d M if x == 1 -> T; on d M; } state T { final; } }
                """);
        assertEquals(List.of(), result.diagnostics(), result::render);
    }

    @Test
    void guardMustBeACondition() {
        CheckResult result = check(ONE_MESSAGE + """
                machine { initial S; state S { on d M if x -> S; } }
                """);
        assertError(result, 3, 42, "type mismatch: a condition must be true or false, but 'x' is int (compare it, e.g. '!= 0')");
    }

    @Test
    void unknownMessageWithSuggestion() {
        CheckResult result = check("""
                direction d from client;
                message Query: d { x: u8; }
                machine { initial S; state S { on d Qeury; } }
                """);
        assertError(result, 3, 37, "unknown message 'Qeury'; did you mean 'Query'?");
    }

    @Test
    void messageOfTheOtherDirection() {
        CheckResult result = check("""
                direction d from client;
                direction e from server;
                message M: d { x: u8; }
                machine { initial S; state S { on e M; } }
                """);
        assertError(result, 4, 37, "message M is sent in direction d, not e");
    }

    @Test
    void unknownDirectionOfATransition() {
        CheckResult result = check(ONE_MESSAGE + """
                machine { initial S; state S { on dd M; } }
                """);
        assertError(result, 3, 35, "unknown direction 'dd'");
    }

    @Test
    void unknownFraming() {
        CheckResult result = check("""
                direction d from client;
                machine { initial S; state S { framing d FF; } }
                """);
        assertError(result, 2, 42, "unknown framing 'FF'");
    }

    @Test
    void unknownSessionVariableInAnAction() {
        CheckResult result = check("""
                direction d from client;
                session { count: u8; }
                message M: d { x: u8; }
                machine { initial S; state S { on d M { set cuont = 1; } } }
                """);
        assertError(result, 4, 45, "unknown session variable 'cuont'; did you mean 'count'?");
    }

    @Test
    void addingToText() {
        CheckResult result = check("""
                direction d from client;
                session { name: text[4]; }
                message M: d { x: u8; }
                machine { initial S; state S { on d M { set name += 1; } } }
                """);
        assertError(result, 4, 41, "type mismatch: '+=' adds to a number or appends to a list, and session variable "
                + "'name' is text");
        assertUnderlines(result, "set name += 1;");
    }

    @Test
    void assigningAFieldOfTheWrongType() {
        CheckResult result = check("""
                direction d from client;
                session { count: u8; }
                message M: d { t: text[2]; }
                machine { initial S; state S { on d M { set count = t; } } }
                """);
        assertError(result, 4, 53, "type mismatch: session variable 'count' is int, but the value is text");
    }

    @Test
    void appendingAnElementOfTheWrongType() {
        CheckResult result = check("""
                direction d from client;
                session { seen: u8[]; }
                message M: d { t: text[2]; }
                machine { initial S; state S { on d M { set seen += t; } } }
                """);
        assertError(result, 4, 53, "type mismatch: session variable 'seen' holds int elements, but the value is text");
    }

    @Test
    void unreachableStateIsAWarning() {
        CheckResult result = check(ONE_MESSAGE + """
                machine { initial S; state S { on d M; } state T { on d M; } }
                """);
        assertWarning(result, 3, 48, "state T can never be reached from S");
    }

    // ------------------------------------------------------------------ session block

    @Test
    void secondSessionBlock() {
        CheckResult result = check("""
                session { a: u8; }
                session { b: u8; }
                """);
        assertError(result, 2, 1, "a protocol has one session block; merge this one into the block at line 1");
    }

    @Test
    void initialValueThatNamesAnotherVariable() {
        CheckResult result = check("""
                session { a: u8 = b; }
                """);
        assertError(result, 1, 19, "unknown name 'b'");
    }

    @Test
    void initialValueOfAList() {
        CheckResult result = check("""
                session { b: u8[] = 1; }
                """);
        assertError(result, 1, 21, "a session list starts empty and takes no initial value");
    }

    @Test
    void initialValueThatDoesNotFit() {
        CheckResult result = check("""
                session { a: u8 = 300; }
                """);
        assertError(result, 1, 19, "constant 300 does not fit its type u8 (0 to 255)");
    }

    @Test
    void initialValueOfTheWrongType() {
        CheckResult result = check("""
                session { b: bool = 1; }
                """);
        assertError(result, 1, 21, "type mismatch: the value is int but the field is bool");
    }
}
