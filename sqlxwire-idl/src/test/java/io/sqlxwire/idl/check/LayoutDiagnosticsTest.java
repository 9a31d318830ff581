package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** The members of a struct in wire order: what may be used where, sizes that must be knowable, lets and joins. */
class LayoutDiagnosticsTest {

    @Test
    void fieldUsedBeforeItIsRead() {
        CheckResult result = check("""
                struct S {
                    a: u8 if b == 1;
                    b: u8;
                }
                """);
        assertError(result, 2, 14, "field 'b' is used before it is read (it is declared at line 3)");
        assertUnderlines(result, "b");
    }

    @Test
    void fieldUsedAsItsOwnSize() {
        CheckResult result = check("""
                struct S { data: bytes[data]; }
                """);
        assertError(result, 1, 24, "field 'data' is used before it is read (it is declared at line 1)");
    }

    @Test
    void sizeThatCanNeverBeKnown() {
        CheckResult result = check("""
                struct S { x: bytes; }
                """);
        assertError(result, 1, 15, "the size of 'x' can never be known: bytes needs a size [n], a terminator (until ...), "
                + "'rest' or a length prefix (prefix(u32))");
        assertUnderlines(result, "bytes");
    }

    @Test
    void textSizeThatCanNeverBeKnown() {
        CheckResult result = check("""
                struct S { name: text(latin1); }
                """);
        assertError(result, 1, 18, "the size of 'name' can never be known: text needs a size [n], a terminator (until ...), "
                + "'rest' or a length prefix (prefix(u32))");
    }

    @Test
    void emptyBracketsGiveNoSize() {
        CheckResult result = check("""
                struct S { x: bytes[]; }
                """);
        assertError(result, 1, 20, "the size of 'x' can never be known: '[]' needs 'until ...', 'rest' or 'prefix(...)' after it");
        assertUnderlines(result, "[]");
    }

    @Test
    void emptyBracketsGiveNoElementCount() {
        CheckResult result = check("""
                struct S { x: u8[]; }
                """);
        assertError(result, 1, 17, "the element count of 'x' can never be known: '[]' needs 'until ...', 'rest' "
                + "or 'prefix(...)' after it");
    }

    @Test
    void fieldAfterOneThatTakesTheRest() {
        CheckResult result = check("""
                struct S { a: bytes rest; b: u8; }
                """);
        assertError(result, 1, 27, "field 'b' can never be read: 'a' before it takes the rest of the region");
    }

    @Test
    void anonymousFieldThatIsNeitherPaddingNorConstant() {
        CheckResult result = check("""
                struct S { _: u8; }
                """);
        assertError(result, 1, 12, "an anonymous field '_' must be padding (pad[n]) or have a constant value, "
                + "since nothing could read or write it otherwise");
    }

    @Test
    void letOfTheWrongDeclaredType() {
        CheckResult result = check("""
                struct S { a: u8; let l: bool = a; }
                """);
        assertError(result, 1, 33, "type mismatch: let 'l' is declared bool but its value is int");
    }

    @Test
    void joinOfOneField() {
        CheckResult result = check("""
                struct S { a: u8; let l = join(a); }
                """);
        assertError(result, 1, 27, "join() needs at least two fields, lowest bits first: join(low, high)");
    }

    @Test
    void joinOfAText() {
        CheckResult result = check("""
                struct S { a: u8; t: text[1]; let l = join(a, t); }
                """);
        assertError(result, 1, 47, "join() combines integer fields of this struct read earlier; 't' is not one");
    }

    @Test
    void joinOfAConstantField() {
        CheckResult result = check("""
                struct S { a: u8 = 1; b: u8; let l = join(a, b); }
                """);
        assertError(result, 1, 43, "join() combines integer fields of this struct read earlier; 'a' is not one");
    }

    @Test
    void joinOfALet() {
        CheckResult result = check("""
                struct S { a: u8; b: u8; let l = join(a, b); let m = join(l, a); }
                """);
        assertError(result, 1, 59, "join() combines integer fields of this struct read earlier; 'l' is not one");
    }

    @Test
    void joinWiderThanSixtyFourBits() {
        CheckResult result = check("""
                struct S { a: u64; b: u64; let l = join(a, b); }
                """);
        assertError(result, 1, 36, "join() combines 128 bits, more than the 64 a value can hold");
    }

    @Test
    void joinDeclaredAsBool() {
        CheckResult result = check("""
                struct S { a: u8; b: u8; let l: bool = join(a, b); }
                """);
        assertError(result, 1, 33, "type mismatch: join() makes an integer, enum or flags value, not bool");
        assertUnderlines(result, "bool");
    }
}
