package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertClean;
import static io.sqlxwire.idl.check.Diags.assertDiagnostics;
import static io.sqlxwire.idl.check.Diags.check;
import static io.sqlxwire.idl.check.Diags.error;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.SourceLoader;
import io.sqlxwire.idl.WireCompiler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Imports: cycles, missing files, what a library may declare, and diagnostics that point into imported files. */
class ImportDiagnosticsTest {

    @Test
    void importCycleIsReportedAtTheImportThatClosesIt() {
        CheckResult result = check("a.wire", """
                import "b.wire";
                struct A { x: u8; }
                """, Map.of("b.wire", """
                struct B { x: u8; }
                import "a.wire";
                """));
        assertDiagnostics(result, error("b.wire", 2, 1, "import cycle: a.wire -> b.wire -> a.wire"));
    }

    @Test
    void importCycleAmongImportedFiles() {
        CheckResult result = check("a.wire", """
                import "b.wire";
                struct A { x: u8; }
                """, Map.of("b.wire", "import \"c.wire\";\n", "c.wire", "import \"b.wire\";\n"));
        assertDiagnostics(result, error("c.wire", 1, 1, "import cycle: b.wire -> c.wire -> b.wire"));
    }

    @Test
    void missingImport() {
        CheckResult result = check("a.wire", """
                protocol P;
                import "missing.wire";
                struct A { x: u8; }
                """, Map.of());
        assertDiagnostics(result, error("a.wire", 2, 1, "cannot find imported file \"missing.wire\" (looked for missing.wire)"));
    }

    @Test
    void missingImportNamesTheResolvedPath() {
        CheckResult result = check("dir/a.wire", """
                import "../lib/c.wire";
                """, Map.of("dir/lib/c.wire", "struct C { x: u8; }\n"));
        assertDiagnostics(result, error("dir/a.wire", 1, 1,
                "cannot find imported file \"../lib/c.wire\" (looked for lib/c.wire)"));
    }

    @Test
    void importRelativeToTheImportingFile() {
        CheckResult result = check("dir/a.wire", """
                import "../lib/c.wire";
                struct A { c: C; }
                """, Map.of("lib/c.wire", "struct C { x: u8; }\n"));
        assertClean(result);
    }

    @Test
    void rootFileThatCannotBeRead() {
        CheckResult result = WireCompiler.check("nowhere.wire", SourceLoader.inMemory(Map.of()));
        assertDiagnostics(result, error("nowhere.wire", 0, 0, "cannot read file nowhere.wire"));
    }

    @Test
    void importedFileThatDeclaresADirection() {
        CheckResult result = check("main.wire", """
                protocol P;
                import "lib.wire";
                """, Map.of("lib.wire", "direction d from client;\n"));
        assertDiagnostics(result, error("lib.wire", 1, 1, "an imported file may only declare enums, flags, structs and "
                + "transforms; this direction belongs in the protocol's own file"));
    }

    @Test
    void duplicateOfAnImportedTypeNamesTheOtherFile() {
        CheckResult result = check("a.wire", """
                import "b.wire";
                struct A { x: u8; }
                """, Map.of("b.wire", "struct A { y: u8; }\n"));
        assertDiagnostics(result, error("a.wire", 2, 8, "duplicate name 'A': a struct of that name is declared at b.wire:1:1"));
    }

    @Test
    void errorInsideAnImportedFilePointsIntoThatFile() {
        CheckResult result = check("a.wire", """
                import "b.wire";
                struct A { x: B; }
                """, Map.of("b.wire", "struct B { y: u33; }\n"));
        assertDiagnostics(result, error("b.wire", 1, 15, "unknown type 'u33'; did you mean 'u32'?"));
    }
}
