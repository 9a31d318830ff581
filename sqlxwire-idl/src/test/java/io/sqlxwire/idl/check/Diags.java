package io.sqlxwire.idl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.diag.Diagnostic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Shared helpers for the diagnostic tests: check a source held in memory and compare its
 * diagnostics, as compiler headlines ({@code test.wire:2:8: error: message}), with what is expected.
 * Comparing the whole list in one assertion checks position, severity, wording and that nothing
 * else was reported, and a failure shows everything the checker said.
 */
final class Diags {

    /** The path every single-file test source is checked under. */
    static final String FILE = "test.wire";

    private Diags() {}

    static CheckResult check(String source) {
        return WireCompiler.checkSource(FILE, source);
    }

    /** Checks {@code source} as {@code path}; its imports are looked up in {@code others} (path to text). */
    static CheckResult check(String path, String source, Map<String, String> others) {
        return WireCompiler.checkSource(path, source, others);
    }

    static String error(int line, int column, String message) {
        return error(FILE, line, column, message);
    }

    static String error(String file, int line, int column, String message) {
        return file + ":" + line + ":" + column + ": error: " + message;
    }

    static String warning(int line, int column, String message) {
        return FILE + ":" + line + ":" + column + ": warning: " + message;
    }

    /** Asserts that the result holds exactly one diagnostic: this error, in {@value #FILE}. */
    static void assertError(CheckResult result, int line, int column, String message) {
        assertDiagnostics(result, error(line, column, message));
    }

    /** Asserts that the result holds exactly one diagnostic: this warning, and that a model was still built. */
    static void assertWarning(CheckResult result, int line, int column, String message) {
        assertDiagnostics(result, warning(line, column, message));
    }

    /**
     * Asserts the exact diagnostics, in the order reported, each written as by {@link #error} or
     * {@link #warning}. A result with errors must have no model; one with only warnings must have one.
     */
    static void assertDiagnostics(CheckResult result, String... expected) {
        assertEquals(Arrays.asList(expected), headlines(result), () -> "rendered:\n" + result.render());
        if (result.hasErrors()) {
            assertTrue(result.model().isEmpty(), "a description with errors must not produce a model");
        } else {
            assertTrue(result.model().isPresent(), "a description without errors must produce a model");
        }
    }

    static void assertClean(CheckResult result) {
        assertDiagnostics(result);
    }

    /** The text the only diagnostic underlines, to check its span and not just where it starts. */
    static void assertUnderlines(CheckResult result, String expected) {
        assertEquals(1, result.diagnostics().size(), () -> "rendered:\n" + result.render());
        Diagnostic only = result.diagnostics().get(0);
        String source = result.sources().get(only.span().file());
        assertEquals(expected, source.substring(only.span().start(), only.span().end()));
    }

    static List<String> headlines(CheckResult result) {
        return result.diagnostics().stream().map(Diagnostic::headline).toList();
    }
}
