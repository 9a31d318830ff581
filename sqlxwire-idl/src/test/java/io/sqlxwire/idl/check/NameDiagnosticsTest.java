package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Unknown and duplicate names of every namespace, each reported at the offending name. */
class NameDiagnosticsTest {

    // ------------------------------------------------------------------ unknown names

    @Test
    void unknownNameWithSuggestion() {
        CheckResult result = check("""
                struct S { length: u8; d: bytes[lenght]; }
                """);
        assertError(result, 1, 33, "unknown name 'lenght'; did you mean 'length'?");
        assertUnderlines(result, "lenght");
    }

    @Test
    void unknownNameWithoutSuggestion() {
        CheckResult result = check("""
                struct S { d: bytes[zzz]; }
                """);
        assertError(result, 1, 21, "unknown name 'zzz'");
    }

    @Test
    void bareEnumConstantWhereNoEnumIsExpectedNamesItsEnum() {
        CheckResult result = check("""
                enum E: u8 { A = 1; }
                struct S { d: bytes[A]; }
                """);
        assertError(result, 2, 21, "unknown name 'A'; it is a constant of E: write E.A");
    }

    @Test
    void unknownEnumConstant() {
        CheckResult result = check("""
                enum E: u8 { A = 1; }
                struct S { d: bytes[E.B]; }
                """);
        assertError(result, 2, 23, "enum E has no constant 'B'");
        assertUnderlines(result, "B");
    }

    @Test
    void unknownStructField() {
        CheckResult result = check("""
                struct T { n: u8; }
                struct S { t: T; d: bytes[t.m]; }
                """);
        assertError(result, 2, 29, "struct T has no field 'm'");
    }

    @Test
    void unknownTypeWithSuggestion() {
        CheckResult result = check("""
                struct S { x: u33; }
                """);
        assertError(result, 1, 15, "unknown type 'u33'; did you mean 'u32'?");
        assertUnderlines(result, "u33");
    }

    @Test
    void unknownTypeWithoutSuggestion() {
        CheckResult result = check("""
                struct S { x: Quux; }
                """);
        assertError(result, 1, 15, "unknown type 'Quux'");
    }

    @Test
    void unknownTypeOfAParameter() {
        CheckResult result = check("""
                struct S(t: T) { x: u8; }
                """);
        assertError(result, 1, 13, "unknown type 'T'");
    }

    @Test
    void messageUsedAsAType() {
        CheckResult result = check("""
                direction d from client;
                message M: d { x: u8; }
                struct S { m: M; }
                """);
        assertError(result, 3, 15, "'M' is a message; a field's type must be a struct, enum, flags or built-in type "
                + "(declare the shared part as a struct)");
    }

    @Test
    void unknownSessionVariableWithoutSessionBlock() {
        CheckResult result = check("""
                struct S { d: bytes[session.nope]; }
                """);
        assertError(result, 1, 29, "unknown session variable 'nope' (the file declares no session block)");
        assertUnderlines(result, "nope");
    }

    @Test
    void unknownSessionVariableWithSuggestion() {
        CheckResult result = check("""
                session { limit: u32; }
                struct S { d: bytes[session.limt]; }
                """);
        assertError(result, 2, 29, "unknown session variable 'limt'; did you mean 'limit'?");
    }

    @Test
    void sessionWithoutAVariableName() {
        CheckResult result = check("""
                struct S { a: bytes[session]; }
                """);
        assertError(result, 1, 21, "'session' needs a variable name: session.NAME");
    }

    @Test
    void indexOutsideAnArrayElementArgument() {
        CheckResult result = check("""
                struct S { a: bytes[_index]; }
                """);
        assertError(result, 1, 21, "'_index' names the array element being read and is only available in the "
                + "arguments of an array's element type");
    }

    @Test
    void unknownTransformWithoutSuggestion() {
        CheckResult result = check("""
                struct S { a: bytes[2] transform(zlib); }
                """);
        assertError(result, 1, 34, "unknown transform 'zlib' (declare it with: transform zlib;)");
    }

    @Test
    void unknownTransformWithSuggestion() {
        CheckResult result = check("""
                transform zlib;
                struct S { a: bytes[2] transform(zlbi); }
                """);
        assertError(result, 2, 34, "unknown transform 'zlbi'; did you mean 'zlib'? (declare it with: transform zlbi;)");
    }

    @Test
    void unknownFunctionWithSuggestion() {
        CheckResult result = check("""
                struct S { a: u8; d: bytes[cuont(a)]; }
                """);
        assertError(result, 1, 28, "unknown function 'cuont'; did you mean 'count'? (functions: min, max, peek, sizeof, count)");
        assertUnderlines(result, "cuont");
    }

    @Test
    void unknownFunctionWithoutSuggestion() {
        CheckResult result = check("""
                struct S { d: bytes[frobnicate(1)]; }
                """);
        assertError(result, 1, 21, "unknown function 'frobnicate' (functions: min, max, peek, sizeof, count)");
    }

    // ------------------------------------------------------------------ duplicates

    @Test
    void duplicateTypeName() {
        CheckResult result = check("""
                struct A { x: u8; }
                struct A { y: u8; }
                """);
        assertError(result, 2, 8, "duplicate name 'A': a struct of that name is declared at line 1");
        assertUnderlines(result, "A");
    }

    @Test
    void duplicateNameAcrossKindsOfType() {
        CheckResult result = check("""
                direction d from client;
                message Kind: d { x: u8; }
                struct Kind { y: u8; }
                """);
        // Messages, structs, enums and flags all become classes, so they share one namespace.
        assertError(result, 3, 8, "duplicate name 'Kind': a message of that name is declared at line 2");
    }

    @Test
    void builtinTypeDeclaredAgain() {
        CheckResult result = check("""
                struct u32 { x: u8; }
                """);
        assertError(result, 1, 8, "'u32' is a built-in type and cannot be declared again");
    }

    @Test
    void duplicateDirection() {
        CheckResult result = check("""
                direction d from client;
                direction d from server;
                """);
        assertError(result, 2, 11, "duplicate name 'd': a direction of that name is declared at line 1");
    }

    @Test
    void duplicateFraming() {
        CheckResult result = check("""
                framing F { header { len: u32; } body len; }
                framing F { header { len: u32; } body len; }
                """);
        assertError(result, 2, 9, "duplicate name 'F': a framing of that name is declared at line 1");
    }

    @Test
    void duplicateTransform() {
        CheckResult result = check("""
                transform t;
                transform t;
                """);
        assertError(result, 2, 11, "duplicate name 't': a transform of that name is declared at line 1");
    }

    @Test
    void duplicateSessionVariable() {
        CheckResult result = check("""
                session { a: u8; a: u16; }
                """);
        assertError(result, 1, 18, "duplicate name 'a': a session variable of that name is declared at line 1");
    }

    @Test
    void duplicateMember() {
        CheckResult result = check("""
                struct S { x: u8; x: u16; }
                """);
        assertError(result, 1, 19, "duplicate name 'x': struct S already has a member of that name at line 1");
    }

    @Test
    void duplicateLet() {
        CheckResult result = check("""
                struct S { let x = 1; let x = 2; }
                """);
        assertError(result, 1, 27, "duplicate name 'x': struct S already has a member of that name at line 1");
    }

    @Test
    void memberNamedLikeAParameter() {
        CheckResult result = check("""
                struct S(x: u8) { x: u8; }
                """);
        assertError(result, 1, 19, "duplicate name 'x': it is a parameter of struct S");
    }

    @Test
    void duplicateParameter() {
        CheckResult result = check("""
                struct S(p: u8, p: u16) { x: u8; }
                """);
        assertError(result, 1, 17, "duplicate name 'p': a parameter of that name is declared at line 1");
    }

    @Test
    void duplicateEnumConstant() {
        CheckResult result = check("""
                enum E: u8 { A = 1; A = 2; }
                """);
        assertError(result, 1, 21, "duplicate name 'A': enum E already has it at line 1");
    }

    @Test
    void duplicateState() {
        CheckResult result = check("""
                machine { initial S; state S { final; } state S { final; } }
                """);
        assertError(result, 1, 47, "duplicate name 'S': a state of that name is declared at line 1");
    }

    @Test
    void duplicateSignature() {
        CheckResult result = check("""
                signature S from client { at 0 match "x"; }
                signature S from client { at 0 match "y"; }
                """);
        assertError(result, 2, 11, "duplicate name 'S': another signature has it");
    }

    @Test
    void secondProtocolLine() {
        CheckResult result = check("""
                protocol P;
                protocol Q;
                """);
        assertError(result, 2, 1, "a file describes one protocol; 'P' is already declared at line 1");
        assertUnderlines(result, "protocol Q;");
    }

    @Test
    void protocolLineNotFirst() {
        CheckResult result = check("""
                struct S { x: u8; }
                protocol P;
                """);
        assertError(result, 2, 1, "the protocol line must come first in the file");
    }
}
