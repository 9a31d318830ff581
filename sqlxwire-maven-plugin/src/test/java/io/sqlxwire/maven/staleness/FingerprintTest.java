package io.sqlxwire.maven.staleness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    private String of(String version, String includes, String... files) throws IOException {
        Fingerprint fingerprint = new Fingerprint().add("plugin", version).add("includes", includes);
        for (String file : files) {
            fingerprint.addFile(file, dir.resolve(file));
        }
        return fingerprint.hex();
    }

    @Test
    void sameInputsGiveTheSameFingerprint() throws IOException {
        Files.writeString(dir.resolve("a.wire"), "protocol a;");
        assertEquals(of("1.0", "[**/*.wire]", "a.wire"), of("1.0", "[**/*.wire]", "a.wire"));
    }

    @Test
    void contentVersionConfigurationAndFileNamesEachChangeIt() throws IOException {
        Files.writeString(dir.resolve("a.wire"), "protocol a;");
        Files.writeString(dir.resolve("b.wire"), "protocol a;");
        String base = of("1.0", "[**/*.wire]", "a.wire");
        assertNotEquals(base, of("1.1", "[**/*.wire]", "a.wire"));
        assertNotEquals(base, of("1.0", "[*.wire]", "a.wire"));
        assertNotEquals(base, of("1.0", "[**/*.wire]", "b.wire"), "same content under another name");
        Files.writeString(dir.resolve("a.wire"), "protocol b;");
        assertNotEquals(base, of("1.0", "[**/*.wire]", "a.wire"));
    }

    @Test
    void entriesAreDelimitedAndMissingFilesCount() throws IOException {
        assertNotEquals(new Fingerprint().add("ab", "c").hex(), new Fingerprint().add("a", "bc").hex());
        Files.writeString(dir.resolve("empty.wire"), "");
        assertNotEquals(of("1", "x", "empty.wire"), of("1", "x", "gone.wire"));
    }

    @Test
    void treesAreHashedByRelativePathAndContent() throws IOException {
        Path jar = Files.createDirectories(dir.resolve("classes/io"));
        Files.writeString(jar.resolve("A.class"), "v1");
        String before = new Fingerprint().addTree("codegen", dir.resolve("classes")).hex();
        assertEquals(before, new Fingerprint().addTree("codegen", dir.resolve("classes")).hex());
        Files.writeString(jar.resolve("A.class"), "v2");
        assertNotEquals(before, new Fingerprint().addTree("codegen", dir.resolve("classes")).hex());
    }

    @Test
    void statusRoundTripsAndIsUpToDateOnlyWithItsOutputsPresent() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("A.java"), "class A {}");
        BuildStatus status = new BuildStatus("abc", List.of("src/main/sqlxwire/a.wire", "src/main/sqlxwire/lib.wire"),
                List.of("A.java"));
        Path file = dir.resolve("status/generate-default.status");
        status.write(file);

        assertEquals(Optional.of(status), BuildStatus.read(file));
        assertTrue(status.isUpToDate("abc", out));
        assertFalse(status.isUpToDate("abd", out));
        Files.delete(out.resolve("A.java"));
        assertFalse(status.isUpToDate("abc", out), "a deleted output must be regenerated");
    }

    @Test
    void anAbsentOrGarbledStatusReadsAsNone() throws IOException {
        assertEquals(Optional.empty(), BuildStatus.read(dir.resolve("none.status")));
        Files.writeString(dir.resolve("bad.status"), "garbage\n");
        assertEquals(Optional.empty(), BuildStatus.read(dir.resolve("bad.status")));
    }
}
