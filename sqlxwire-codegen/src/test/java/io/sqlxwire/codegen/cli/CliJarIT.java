package io.sqlxwire.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar and {@code bin/sqlxwire} as a user would, in a separate process. Bound to the
 * integration-test phase (see the pom), after {@code package} has built the jar; the in-process
 * tests cannot see a wrong Main-Class, a class missing from the jar, or a broken script.
 */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("sqlxwire.cli.jar", "target/sqlxwire-cli.jar"));
    private static final Path REPO_ROOT = Path.of(System.getProperty("sqlxwire.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path SCRIPT = REPO_ROOT.resolve("bin/sqlxwire");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void jarStartsMainAndKnowsItsVersion() throws Exception {
        Result result = run(List.of(JAVA, "-jar", JAR.toString(), "--version"), dir);
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().matches("sqlxwire \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), result.out());
    }

    @Test
    void jarLintsWithTheParserBundledInsideIt() throws Exception {
        Path bad = dir.resolve("bad.wire");
        Files.writeString(bad, "protocol demo;\nstruct P {\n    x: u8 $;\n}\n");
        Result result = run(List.of(JAVA, "-jar", JAR.toString(), "lint", bad.toString()), dir);
        assertEquals(1, result.exit(), result.err());
        assertTrue(result.err().startsWith(bad + ":3:11: error: syntax error: unexpected character '$'"), result.err());
    }

    @Test
    void scriptRunsTheJarFromAnyWorkingDirectory() throws Exception {
        Path protocols = REPO_ROOT.resolve("protocols-idl/src/main/sqlxwire");
        Result result = run(List.of("bash", SCRIPT.toString(), "lint", protocols.toString()), dir);
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().matches("\\d+ files? checked, 0 errors\\R"), result.out());
    }

    @Test
    void scriptWithoutAJarSaysHowToBuildItAndFails() throws Exception {
        // A copy of the script in an empty checkout-shaped tree, where no jar exists.
        Path copy = dir.resolve("checkout/bin/sqlxwire");
        Files.createDirectories(copy.getParent());
        Files.copy(SCRIPT, copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result result = run(List.of(copy.toString(), "lint", "x.wire"), dir);
        assertEquals(1, result.exit());
        assertEquals("", result.out());
        assertTrue(result.err().contains("./mvnw -q -B package -DskipTests -pl sqlxwire-codegen -am"), result.err());
        assertTrue(result.err().contains(dir.toRealPath().resolve("checkout/sqlxwire-codegen/target/sqlxwire-cli.jar").toString()),
                result.err());
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        Path outFile = Files.createTempFile("sqlxwire-out", ".txt");
        Path errFile = Files.createTempFile("sqlxwire-err", ".txt");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(workingDirectory.toFile())
                    .redirectOutput(outFile.toFile())
                    .redirectError(errFile.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(),
                    Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }
}
