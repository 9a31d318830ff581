package io.sqlxwire.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {

    private static final String WIRE = "../protocols-idl/src/main/sqlxwire";
    private static final Path CONV = Path.of("/work/shared/captures/conv");

    @TempDir
    Path temp;

    @Test
    void printsOneJsonLinePerConnection() {
        CliRun run = CliRun.of("detect", "--wire", WIRE,
                "--conv", CONV.resolve("local/pg-psql-scram-simple.conv").toString(),
                "--conv", CONV.resolve("local/my-pymysql.conv").toString(),
                "--conv", CONV.resolve("third-party/postgresql/zeek-http-on-port-5432.conv").toString());
        assertEquals(List.of(
                "{\"connection\":0,\"file\":\"pg-psql-scram-simple.conv\",\"protocol\":\"postgresql\",\"by\":\"signature startup\"}",
                "{\"connection\":1,\"file\":\"my-pymysql.conv\",\"protocol\":\"mysql\",\"by\":\"server signature handshake\"}",
                "{\"connection\":2,\"file\":\"zeek-http-on-port-5432.conv\",\"protocol\":\"http\",\"by\":\"signature get\"}"),
                run.outLines(), run.err());
        assertEquals(ExitCode.OK, run.exitCode());
    }

    @Test
    void aConnectionNoSignatureMatchesIsNoneAndFails() throws IOException {
        Path conv = temp.resolve("x.conv");
        Files.writeString(conv, "# made up\nC 0102030405060708090a\n");
        CliRun run = CliRun.of("detect", "--wire", WIRE + "/postgresql.wire", "--conv", conv.toString());
        assertEquals(List.of("{\"connection\":0,\"file\":\"x.conv\",\"protocol\":null,\"by\":\"none\"}"), run.outLines());
        assertEquals(ExitCode.FAILED, run.exitCode());
    }

    @Test
    void aServerThatSpeaksFirstWithoutAKnownGreetingIsChosenBySilence() throws IOException {
        Path conv = temp.resolve("s.conv");
        Files.writeString(conv, "# server first\nS 00\n");
        CliRun run = CliRun.of("detect", "--wire", WIRE + "/mysql.wire", "--conv", conv.toString());
        assertEquals(List.of("{\"connection\":0,\"file\":\"s.conv\",\"protocol\":\"mysql\",\"by\":\"silence\"}"), run.outLines());
    }

    @Test
    void argumentsAreChecked() throws IOException {
        assertEquals(ExitCode.USAGE, CliRun.of("detect", "--conv", "x.conv").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("detect", "--wire", WIRE).exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("detect", "--wire", temp.toString(), "--conv", "x").exitCode());
        CliRun unknown = CliRun.of("detect", "--wire", WIRE, "--port", "5432");
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown option '--port'"), unknown.err());
    }

    @Test
    void aBrokenWireFileIsReportedWithItsPosition() throws IOException {
        Path wire = temp.resolve("bad.wire");
        Files.writeString(wire, "protocol bad;\nsignature s from client { at 0 match x\"00\" mask x\"ffff\"; }\n");
        Path conv = temp.resolve("c.conv");
        Files.writeString(conv, "# c\nC 00\n");
        CliRun run = CliRun.of("detect", "--wire", wire.toString(), "--conv", conv.toString());
        assertEquals(ExitCode.FAILED, run.exitCode());
        assertTrue(run.err().contains("bad.wire:2:"), run.err());
    }
}
