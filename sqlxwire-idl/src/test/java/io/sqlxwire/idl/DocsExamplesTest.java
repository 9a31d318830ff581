package io.sqlxwire.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.parse.WireParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the language reference {@code docs/idl.md} honest: every example in it must be accepted by
 * the real parser and checker, every example of a mistake must be rejected, and every hex dump must
 * be the bytes of the capture it names.
 *
 * <p>Fenced blocks and what is done with them:
 * <ul>
 *   <li>{@code ```wire}: a complete file; it must parse and check without errors. A block whose first
 *       line is {@code // file: NAME.wire} is also made available under that name to the blocks after
 *       it, so the section on imports can import it.</li>
 *   <li>{@code ```wire-error}: a complete file that shows a mistake; it must parse, and checking it
 *       must report at least one error. When a {@code ```text} block follows it, that block must be
 *       exactly what the checker prints for it (the file is called {@code example.wire}).</li>
 *   <li>{@code ```wire-syntax-error}: the same for a file with a syntax error; here the parser must
 *       reject it (a mistake the parser lets through belongs in a {@code ```wire-error} block).</li>
 *   <li>{@code ```hexdump}: bytes quoted from a capture. The first line is
 *       {@code @ CAPTURE line N [offset K]} (a file under {@code shared/captures/conv/}, the 1-based
 *       line of the segment in it, the offset inside that segment); then each line starts with hex
 *       byte pairs, and two spaces separate them from the annotation. A line
 *       {@code ... N bytes ...} skips N bytes. Bytes may run on into the following segments sent
 *       by the same side, as a message can span TCP segments. Where no capture holds an example,
 *       the first line is {@code @ doc URL} instead: the bytes are quoted from the protocol's official
 *       documentation and only the dump's form is checked.</li>
 * </ul>
 */
class DocsExamplesTest {

    private static final Path DOC = Path.of("../docs/idl.md");

    @Test
    void theReferenceHasExamplesOfEveryKind() {
        List<Block> blocks = blocks();
        assertTrue(count(blocks, "wire") >= 30, "expected at least 30 ```wire examples, found " + count(blocks, "wire"));
        assertTrue(count(blocks, "wire-error") >= 5, "expected the diagnostics section to show errors");
        assertTrue(count(blocks, "wire-syntax-error") >= 1, "expected the diagnostics section to show a syntax error");
        assertTrue(count(blocks, "hexdump") >= 25, "expected a hex dump per construct");
    }

    @TestFactory
    Stream<DynamicTest> everyWireExampleParses() {
        return blocks().stream()
                .filter(block -> block.isWire() || block.info().equals("wire-error"))
                .map(block -> DynamicTest.dynamicTest(block.label(), () -> {
                    Diagnostics diagnostics = new Diagnostics();
                    WireParser.parse(block.fileName(), block.text(), diagnostics);
                    assertFalse(diagnostics.hasErrors(), () -> block.label() + " has syntax errors:\n"
                            + diagnostics.sorted().stream().map(d -> d.headline()).reduce("", (a, b) -> a + b + "\n"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyWireExampleChecks() {
        Map<String, String> library = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Block block : blocks()) {
            if (!block.isWire()) {
                continue;
            }
            Map<String, String> visible = Map.copyOf(library);
            tests.add(DynamicTest.dynamicTest(block.label(), () -> {
                CheckResult result = WireCompiler.checkSource(block.fileName(), block.text(), visible);
                assertFalse(result.hasErrors(), () -> block.label() + " does not check:\n" + result.render());
            }));
            block.declaredFileName().ifPresent(name -> library.put(name, block.text()));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everySyntaxErrorExampleIsASyntaxError() {
        return blocks().stream()
                .filter(block -> block.info().equals("wire-syntax-error"))
                .map(block -> DynamicTest.dynamicTest(block.label(), () -> {
                    Diagnostics diagnostics = new Diagnostics();
                    WireParser.parse(block.fileName(), block.text(), diagnostics);
                    assertTrue(diagnostics.hasErrors(), block.label() + " shows a syntax error the parser does not report");
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyMistakeIsReportedAsShown() {
        List<Block> blocks = blocks();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.isMistake()) {
                continue;
            }
            Optional<Block> shown = i + 1 < blocks.size() && blocks.get(i + 1).info().equals("text")
                    ? Optional.of(blocks.get(i + 1)) : Optional.empty();
            tests.add(DynamicTest.dynamicTest(block.label(), () -> {
                CheckResult result = WireCompiler.checkSource(block.fileName(), block.text());
                assertTrue(result.hasErrors(), block.label() + " shows a mistake the checker does not report");
                shown.ifPresent(text -> assertEquals(text.text().strip(), result.render().strip(),
                        "the diagnostics shown at " + text.label() + " are not what the checker reports"));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyHexDumpIsTheCapturedBytes() {
        Optional<Path> captures = captureDirectory();
        Assumptions.assumeTrue(captures.isPresent(), "shared/captures/conv not found above " + Path.of("").toAbsolutePath());
        return blocks().stream()
                .filter(block -> block.info().equals("hexdump"))
                .map(block -> DynamicTest.dynamicTest(block.label(), () -> HexDump.parse(block).verify(captures.get())));
    }

    // ------------------------------------------------------------------ reading the document

    /** One fenced code block of the document, with the line its text starts on. */
    record Block(String info, int line, String text) {

        boolean isWire() {
            return info.equals("wire");
        }

        /** A file that shows a mistake, with or without a syntax error. */
        boolean isMistake() {
            return info.equals("wire-error") || info.equals("wire-syntax-error");
        }

        String label() {
            return "idl.md:" + line + " (" + info + ")";
        }

        /** The name given with {@code // file: NAME} on the first line, if any. */
        Optional<String> declaredFileName() {
            Matcher m = Pattern.compile("^// file: (\\S+)").matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        String fileName() {
            return declaredFileName().orElse("example.wire");
        }
    }

    private static long count(List<Block> blocks, String info) {
        return blocks.stream().filter(b -> b.info().equals(info)).count();
    }

    private static List<Block> blocks() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOC);
        } catch (IOException e) {
            throw new UncheckedIOException("the language reference is missing at " + DOC.toAbsolutePath(), e);
        }
        List<Block> blocks = new ArrayList<>();
        String info = null;
        int start = 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (info == null && line.startsWith("```")) {
                info = line.substring(3).trim();
                start = i + 2;
                text.setLength(0);
            } else if (info != null && line.equals("```")) {
                blocks.add(new Block(info, start, text.toString()));
                info = null;
            } else if (info != null) {
                text.append(line).append('\n');
            }
        }
        if (info != null) {
            fail("idl.md: the code block opened at line " + (start - 1) + " is never closed");
        }
        return blocks;
    }

    // ------------------------------------------------------------------ hex dumps

    private static Optional<Path> captureDirectory() {
        String configured = System.getProperty("sqlxwire.captures");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/captures/conv");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A quoted byte range: where it comes from ({@code capture} is null for bytes quoted from
     * documentation), and the bytes with the gaps the text leaves out.
     */
    record HexDump(Block block, String capture, int segmentLine, int offset, List<Piece> pieces) {

        /** Bytes expected at a position, or a run of bytes that the document skips. */
        record Piece(int docLine, byte[] bytes, int skipped) {}

        private static final Pattern SOURCE = Pattern.compile("^@ (\\S+) line (\\d+)(?: offset (\\d+))?\\s*$");
        private static final Pattern DOCUMENTATION = Pattern.compile("^@ doc https?://\\S+\\s*$");
        private static final Pattern SKIP = Pattern.compile("^\\.\\.\\. (\\d+) bytes?\\b.*$");
        private static final Pattern HEX = Pattern.compile("^((?:[0-9a-f]{2})(?: [0-9a-f]{2})*)(?:  .*)?$");

        static HexDump parse(Block block) {
            String[] lines = block.text().split("\n");
            Matcher source = SOURCE.matcher(lines[0]);
            boolean fromDocumentation = DOCUMENTATION.matcher(lines[0]).matches();
            if (!source.matches() && !fromDocumentation) {
                fail(block.label() + ": first line must be '@ CAPTURE line N [offset K]' or '@ doc URL', not: " + lines[0]);
            }
            List<Piece> pieces = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int docLine = block.line() + i;
                Matcher skip = SKIP.matcher(lines[i]);
                Matcher hex = HEX.matcher(lines[i]);
                if (skip.matches()) {
                    pieces.add(new Piece(docLine, new byte[0], Integer.parseInt(skip.group(1))));
                } else if (hex.matches()) {
                    pieces.add(new Piece(docLine, HexFormat.ofDelimiter(" ").parseHex(hex.group(1)), 0));
                } else if (!lines[i].isBlank()) {
                    fail("idl.md:" + docLine + ": a hex dump line must start with hex bytes or be '... N bytes ...': " + lines[i]);
                }
            }
            assertFalse(pieces.isEmpty(), block.label() + " quotes no bytes");
            if (fromDocumentation) {
                return new HexDump(block, null, 0, 0, pieces);
            }
            int offset = source.group(3) == null ? 0 : Integer.parseInt(source.group(3));
            return new HexDump(block, source.group(1), Integer.parseInt(source.group(2)), offset, pieces);
        }

        void verify(Path captures) throws IOException {
            if (capture == null) {
                return; // quoted from documentation: nothing to compare with
            }
            byte[] stream = sameSideFrom(captures.resolve(capture), segmentLine);
            int at = offset;
            for (Piece piece : pieces) {
                for (byte expected : piece.bytes()) {
                    if (at >= stream.length) {
                        fail("idl.md:" + piece.docLine() + ": the dump runs past the end of what " + capture + " holds");
                    }
                    if (stream[at] != expected) {
                        fail(String.format("idl.md:%d: byte %d after line %d of %s is %02x, the document says %02x",
                                piece.docLine(), at, segmentLine, capture, stream[at], expected));
                    }
                    at++;
                }
                at += piece.skipped();
            }
            assertTrue(at <= stream.length, block.label() + ": skips past the end of the capture");
        }

        /** The bytes of segment {@code line} and of every later segment sent by the same side. */
        private static byte[] sameSideFrom(Path conversation, int line) throws IOException {
            List<String> lines = Files.readAllLines(conversation);
            assertTrue(line >= 1 && line <= lines.size(), conversation + " has no line " + line);
            String first = lines.get(line - 1);
            assertTrue(first.startsWith("C ") || first.startsWith("S "), conversation + ":" + line + " is not a segment");
            char side = first.charAt(0);
            Map<Integer, byte[]> segments = new LinkedHashMap<>();
            for (int i = line - 1; i < lines.size(); i++) {
                String segment = lines.get(i);
                if (segment.length() > 2 && segment.charAt(0) == side && segment.charAt(1) == ' ') {
                    segments.put(i, HexFormat.of().parseHex(segment.substring(2).trim()));
                }
            }
            int total = segments.values().stream().mapToInt(b -> b.length).sum();
            byte[] all = new byte[total];
            int at = 0;
            for (byte[] bytes : segments.values()) {
                System.arraycopy(bytes, 0, all, at, bytes.length);
                at += bytes.length;
            }
            assertEquals(total, at);
            return all;
        }
    }
}
