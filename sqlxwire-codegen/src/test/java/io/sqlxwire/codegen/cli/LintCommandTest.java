package io.sqlxwire.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final String VALID = """
            protocol demo;

            struct Point {
                x: u16;
                y: u16;
            }
            """;

    // Line 4, column 11 is the '$'.
    private static final String SYNTAX_ERROR = """
            protocol demo;

            struct Point {
                x: u8 $;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void validFileExitsZeroWithSummaryAndNoDiagnostics() throws IOException {
        Path file = write("valid.wire", VALID);
        CliRun run = CliRun.of("lint", file.toString());
        assertEquals("", run.err());
        assertEquals(List.of("1 file checked, 0 errors"), run.outLines());
        assertEquals(ExitCode.OK, run.exitCode());
    }

    @Test
    void syntaxErrorIsPrintedCompilerStyleWithSourceLineAndCaret() throws IOException {
        Path file = write("broken.wire", SYNTAX_ERROR);
        CliRun run = CliRun.of("lint", file.toString());
        assertEquals(List.of(
                file + ":4:11: error: syntax error: unexpected character '$'",
                "        x: u8 $;",
                "              ^"), run.errLines());
        assertEquals(List.of("1 file checked, 1 error"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void semanticErrorsAreAllReportedWithSuggestionAndCaretUnderTheWholeName() throws IOException {
        Path file = write("types.wire", """
                protocol demo;

                struct Point {
                    x: u33;
                    y: u16;
                    z: Pointt;
                }
                """);
        CliRun run = CliRun.of("lint", file.toString());
        assertEquals(List.of(
                file + ":4:8: error: unknown type 'u33'; did you mean 'u32'?",
                "        x: u33;",
                "           ^^^",
                file + ":6:8: error: unknown type 'Pointt'; did you mean 'Point'?",
                "        z: Pointt;",
                "           ^^^^^^"), run.errLines());
        assertEquals(List.of("1 file checked, 2 errors"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void warningsArePrintedAndCountedButDoNotFailTheRun() throws IOException {
        Path file = write("warn.wire", """
                protocol demo;

                enum Kind: u8 {
                    A = 1;
                    B = 1;
                }

                struct P {
                    k: Kind;
                }
                """);
        CliRun run = CliRun.of("lint", file.toString());
        assertEquals(file + ":5:9: warning: enum Kind gives value 1 to both A and B; decoding yields the first",
                run.errLines().get(0));
        assertEquals(List.of("1 file checked, 0 errors, 1 warning"), run.outLines());
        assertEquals(ExitCode.OK, run.exitCode());
    }

    @Test
    void everyFileIsCheckedAndErrorsAreCountedAcrossFiles() throws IOException {
        Path good = write("good.wire", VALID);
        Path bad1 = write("bad1.wire", SYNTAX_ERROR);
        Path bad2 = write("bad2.wire", SYNTAX_ERROR);
        CliRun run = CliRun.of("lint", bad1.toString(), good.toString(), bad2.toString());
        List<String> headlines = run.errLines().stream().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of(bad1 + ":4:11: error: syntax error: unexpected character '$'",
                bad2 + ":4:11: error: syntax error: unexpected character '$'"), headlines);
        assertEquals(List.of("3 files checked, 2 errors"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void missingFileIsReportedAndTheOthersAreStillChecked() throws IOException {
        Path missing = dir.resolve("missing.wire");
        Path good = write("good.wire", VALID);
        CliRun run = CliRun.of("lint", missing.toString(), good.toString());
        assertEquals(List.of(missing + ": error: no such file or directory"), run.errLines());
        assertEquals(List.of("1 file checked, 1 error"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void directoryStandsForEveryWireFileBelowItInPathOrder() throws IOException {
        write("a/good.wire", VALID);
        Path nested = write("a/b/c/broken.wire", SYNTAX_ERROR);
        Path other = write("z.wire", SYNTAX_ERROR);
        write("a/notes.txt", SYNTAX_ERROR); // not a .wire file: ignored
        CliRun run = CliRun.of("lint", dir.toString());
        List<String> headlines = run.errLines().stream().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of(nested + ":4:11: error: syntax error: unexpected character '$'",
                other + ":4:11: error: syntax error: unexpected character '$'"), headlines);
        assertEquals(List.of("3 files checked, 2 errors"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void directoryScanSkipsMavenOutputAndHiddenDirectories() throws IOException {
        write("module/pom.xml", "<project/>");
        write("module/src/main/sqlxwire/good.wire", VALID);
        write("module/target/classes/good.wire", SYNTAX_ERROR);
        write("module/.cache/good.wire", SYNTAX_ERROR);
        CliRun run = CliRun.of("lint", dir.resolve("module").toString());
        assertEquals("", run.err());
        assertEquals(List.of("1 file checked, 0 errors"), run.outLines());
        assertEquals(ExitCode.OK, run.exitCode());
    }

    @Test
    void directoryWithoutWireFilesIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Path empty = dir.resolve("empty");
        CliRun run = CliRun.of("lint", empty.toString());
        assertEquals(List.of(empty + ": error: no .wire files in this directory"), run.errLines());
        assertEquals(List.of("0 files checked, 1 error"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void aFileNamedTwiceIsCheckedAndReportedOnce() throws IOException {
        Path bad = write("bad.wire", SYNTAX_ERROR);
        CliRun run = CliRun.of("lint", bad.toString(), dir.toString());
        assertEquals(1, run.errLines().stream().filter(l -> l.contains(": error: ")).count(), run.err());
        assertEquals(List.of("1 file checked, 1 error"), run.outLines());
    }

    @Test
    void errorInAnImportedFileIsReportedOnceThoughTwoFilesImportIt() throws IOException {
        Path shared = write("shared/types.wire", "struct Shared {\n    v: u8 $;\n}\n");
        write("one.wire", "protocol one;\nimport \"shared/types.wire\";\n");
        write("two.wire", "protocol two;\nimport \"shared/types.wire\";\n");
        CliRun run = CliRun.of("lint", dir.resolve("one.wire").toString(), dir.resolve("two.wire").toString());
        List<String> headlines = run.errLines().stream().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of(shared + ":2:11: error: syntax error: unexpected character '$'"), headlines);
        assertEquals(List.of("2 files checked, 1 error"), run.outLines());
    }

    @Test
    void fileThatIsNotUtf8TextIsAnErrorNotACrash() throws IOException {
        Path binary = dir.resolve("binary.wire");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        CliRun run = CliRun.of("lint", binary.toString());
        assertEquals(List.of(binary + ": error: cannot read " + binary + ": not UTF-8 text"), run.errLines());
        assertEquals(List.of("0 files checked, 1 error"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void noOperandIsAUsageError() {
        CliRun run = CliRun.of("lint");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertEquals("sqlxwire lint: no files given", run.errLines().get(0));
        assertEquals("usage: sqlxwire lint FILE|DIR...", run.errLines().get(1));
    }

    @Test
    void unknownOptionIsAUsageErrorAndChecksNothing() throws IOException {
        Path good = write("good.wire", VALID);
        CliRun run = CliRun.of("lint", "--strict", good.toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertEquals("sqlxwire lint: unknown option '--strict'", run.errLines().get(0));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
