package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertDiagnostics;
import static io.sqlxwire.idl.check.Diags.check;
import static io.sqlxwire.idl.check.Diags.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.SourceLoader;
import io.sqlxwire.idl.WireCompiler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How diagnostics reach the user: all of a file's problems in one run, in order, rendered like a compiler's. */
class ReportingDiagnosticsTest {

    @Test
    void allErrorsOfAFileAreReportedInOneRunInPositionOrder() {
        // Five problems found by five different passes; the option (checked first) is written last
        // and the recursion (checked last) comes before it, so the order must come from positions.
        CheckResult result = check("""
                protocol P;
                direction d from client;
                message M: d tag 'Q' {
                    length: u33;
                    data: bytes[size];
                }
                message N: d tag 'Q' { x: u8; }
                struct Node { child: Node; }
                option colour = red;
                """);
        assertDiagnostics(result,
                error(4, 13, "unknown type 'u33'; did you mean 'u32'?"),
                error(5, 17, "unknown name 'size'"),
                error(7, 18, "duplicate tag 'Q' in direction d: message M at line 3 has it too "
                        + "(tell them apart with 'when', on a session variable)"),
                error(8, 15, "recursive type Node without a size bound: it can contain itself without reading a byte "
                        + "(Node -> Node)"),
                error(9, 8, "unknown option 'colour' (known options: byte_order, charset, java_package, java_prefix, "
                        + "max_depth)"));
    }

    @Test
    void renderShowsHeadlineSourceLineAndCaretsUnderTheSpan() {
        CheckResult result = check("""
                struct S { x: u33; }
                """);
        assertEquals("""
                test.wire:1:15: error: unknown type 'u33'; did you mean 'u32'?
                    struct S { x: u33; }
                                  ^^^""", result.render());
    }

    @Test
    void renderUnderlinesASpanInsideAnIndentedLine() {
        CheckResult result = check("""
                struct S {
                    a: u8;
                    b: bytes[lenght];
                }
                """);
        assertEquals("""
                test.wire:3:14: error: unknown name 'lenght'
                        b: bytes[lenght];
                                 ^^^^^^""", result.render());
    }

    @Test
    void renderKeepsTabsSoTheCaretsLineUp() {
        CheckResult result = check("struct S {\n\tx: u33;\n}\n");
        assertEquals("test.wire:2:5: error: unknown type 'u33'; did you mean 'u32'?\n"
                + "    \tx: u33;\n"
                + "    \t   ^^^", result.render());
    }

    @Test
    void renderOfAWarning() {
        CheckResult result = check("""
                enum E: u8 { A = 1; B = 1; }
                """);
        assertEquals("""
                test.wire:1:25: warning: enum E gives value 1 to both A and B; decoding yields the first
                    enum E: u8 { A = 1; B = 1; }
                                            ^""", result.render());
    }

    @Test
    void renderJoinsSeveralDiagnosticsInOrder() {
        CheckResult result = check("""
                struct S { x: u33; }
                struct T { y: Quux; }
                """);
        assertEquals("""
                test.wire:1:15: error: unknown type 'u33'; did you mean 'u32'?
                    struct S { x: u33; }
                                  ^^^
                test.wire:2:15: error: unknown type 'Quux'
                    struct T { y: Quux; }
                                  ^^^^""", result.render());
    }

    @Test
    void renderOfAnErrorAtTheEndOfTheFileShowsOneCaret() {
        CheckResult result = check("protocol P");
        assertEquals("""
                test.wire:1:11: error: syntax error: unexpected end of file, expected ';'
                    protocol P
                              ^""", result.render());
    }

    @Test
    void renderOfAFileThatCannotBeReadIsTheHeadlineAlone() {
        CheckResult result = WireCompiler.check("nowhere.wire", SourceLoader.inMemory(Map.of()));
        assertEquals("nowhere.wire:0:0: error: cannot read file nowhere.wire", result.render());
    }
}
