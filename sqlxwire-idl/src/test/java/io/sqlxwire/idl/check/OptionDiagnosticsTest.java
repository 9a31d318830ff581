package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** The {@code option} lines: unknown names, values of the wrong kind, options set twice. */
class OptionDiagnosticsTest {

    @Test
    void optionSetTwice() {
        CheckResult result = check("""
                option byte_order = big;
                option byte_order = little;
                """);
        assertError(result, 2, 8, "option 'byte_order' is set twice (first at line 1)");
        assertUnderlines(result, "byte_order");
    }

    @Test
    void byteOrderNeitherBigNorLittle() {
        CheckResult result = check("""
                option byte_order = middle;
                """);
        assertError(result, 1, 21, "option byte_order must be 'big' or 'little'");
        assertUnderlines(result, "middle");
    }

    @Test
    void unknownCharsetName() {
        CheckResult result = check("""
                option charset = ebcdic;
                """);
        assertError(result, 1, 18, "unknown charset 'ebcdic'; known: utf8, ascii, latin1, utf16le, utf16be, cp500, cp037");
    }

    @Test
    void charsetThatIsNotAName() {
        CheckResult result = check("""
                option charset = 5;
                """);
        assertError(result, 1, 18, "unknown charset; known: utf8, ascii, latin1, utf16le, utf16be, cp500, cp037");
    }

    @Test
    void javaPackageThatIsNotAPackageName() {
        CheckResult result = check("""
                option java_package = "1abc";
                """);
        assertError(result, 1, 23, "option java_package must be a string holding a Java package name");
    }

    @Test
    void javaPrefixThatCannotStartAClassName() {
        CheckResult result = check("""
                option java_prefix = "pg";
                """);
        assertError(result, 1, 22, "option java_prefix must be a string that starts a Java class name (e.g. \"Pg\")");
    }

    @Test
    void maxDepthOutOfRange() {
        CheckResult result = check("""
                option max_depth = 0;
                """);
        assertError(result, 1, 20, "option max_depth must be a whole number from 1 to 32767");
    }

    @Test
    void maxDepthFarTooLarge() {
        CheckResult result = check("""
                option max_depth = 99999999999999999999;
                """);
        assertError(result, 1, 20, "option max_depth must be a whole number from 1 to 32767");
    }

    @Test
    void unknownOptionWithSuggestion() {
        CheckResult result = check("""
                option byte_ordre = big;
                """);
        assertError(result, 1, 8, "unknown option 'byte_ordre'; did you mean 'byte_order'? "
                + "(known options: byte_order, charset, java_package, java_prefix, max_depth)");
    }

    @Test
    void unknownOptionWithoutSuggestion() {
        CheckResult result = check("""
                option colour = red;
                """);
        assertError(result, 1, 8, "unknown option 'colour' (known options: byte_order, charset, java_package, java_prefix, max_depth)");
    }
}
