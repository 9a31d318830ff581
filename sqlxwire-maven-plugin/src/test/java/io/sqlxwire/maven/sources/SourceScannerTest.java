package io.sqlxwire.maven.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    @TempDir
    Path dir;

    @Test
    void doubleStarSpansZeroOrMoreDirectories() {
        AntPattern pattern = AntPattern.of("**/*.wire");
        assertTrue(pattern.matches("pg.wire"));
        assertTrue(pattern.matches("a/b/pg.wire"));
        assertFalse(pattern.matches("pg.wire.bak"));
        assertFalse(pattern.matches("pg.txt"));
    }

    @Test
    void singleStarAndQuestionMarkStayInOneSegment() {
        assertTrue(AntPattern.of("*.wire").matches("pg.wire"));
        assertFalse(AntPattern.of("*.wire").matches("sub/pg.wire"));
        assertTrue(AntPattern.of("p?.wire").matches("pg.wire"));
        assertFalse(AntPattern.of("p?.wire").matches("p/.wire"));
    }

    @Test
    void trailingSlashMeansEverythingBelowAndDotsAreLiteral() {
        assertTrue(AntPattern.of("legacy/").matches("legacy/x/old.wire"));
        assertFalse(AntPattern.of("legacy/").matches("legacyx/old.wire"));
        assertFalse(AntPattern.of("*.wire").matches("pgxwire"));
        assertTrue(AntPattern.of("./a\\b.wire").matches("a/b.wire"));
    }

    @Test
    void selectsIncludedFilesMinusExcludedSortedWithSlashes() throws IOException {
        touch("z.wire");
        touch("a/b.wire");
        touch("a/notes.txt");
        touch("legacy/old.wire");
        touch("legacy/deep/older.wire");

        assertEquals(List.of("a/b.wire", "legacy/deep/older.wire", "legacy/old.wire", "z.wire"),
                new SourceScanner(null, null).scan(dir));
        assertEquals(List.of("a/b.wire", "z.wire"),
                new SourceScanner(List.of(), List.of("legacy/**")).scan(dir));
        assertEquals(List.of("legacy/old.wire"),
                new SourceScanner(List.of("legacy/*.wire"), List.of()).scan(dir));
        assertEquals(List.of("a/notes.txt", "z.wire"),
                new SourceScanner(List.of("**/*.txt", "z.wire"), null).scan(dir));
    }

    @Test
    void aMissingDirectoryHasNoFiles() throws IOException {
        assertEquals(List.of(), new SourceScanner(null, null).scan(dir.resolve("absent")));
    }

    private void touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
    }
}
