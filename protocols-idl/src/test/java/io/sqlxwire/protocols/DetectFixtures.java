package io.sqlxwire.protocols;

import io.sqlxwire.codegen.java.detect.DetectionSignatures;
import io.sqlxwire.codegen.java.detect.RecordedConnection;
import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.detect.Signature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Every description's signatures, and the recorded connections, for the detection tests. */
final class DetectFixtures {

    static final Path CONVERSATIONS = Path.of("/work/shared/captures/conv");

    /** The signatures of every .wire file, files in name order (the CLI's order for a directory). */
    static final List<Signature> SIGNATURES = DetectionSignatures.of(models());

    private DetectFixtures() {}

    static List<ProtocolModel> models() {
        try (Stream<Path> files = Files.list(DialectFile.SOURCES)) {
            List<ProtocolModel> models = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".wire")).sorted().toList()) {
                CheckResult result = WireCompiler.checkFile(file);
                if (result.hasErrors()) {
                    throw new AssertionError(result.render());
                }
                models.add(result.modelOrThrow());
            }
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> conversations() {
        try (Stream<Path> files = Files.walk(CONVERSATIONS)) {
            return files.filter(f -> f.toString().endsWith(".conv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<RecordedConnection.Segment> segments(Path conv) {
        try {
            List<RecordedConnection.Segment> segments = new ArrayList<>();
            for (String line : Files.readAllLines(conv)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                segments.add(new RecordedConnection.Segment(line.charAt(0) == 'C',
                        HexFormat.of().parseHex(line.substring(2).strip())));
            }
            return segments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's bytes before the server's first segment. */
    static byte[] clientFirstFlight(List<RecordedConnection.Segment> segments) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (RecordedConnection.Segment s : segments) {
            if (!s.fromClient()) {
                break;
            }
            out.writeBytes(s.bytes());
        }
        return out.toByteArray();
    }
}
