package io.sqlxwire.codegen.cli;

import io.sqlxwire.codegen.interp.Json;
import io.sqlxwire.codegen.java.detect.DetectionSignatures;
import io.sqlxwire.codegen.java.detect.RecordedConnection;
import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.diag.DiagnosticPrinter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.detect.Detection;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sqlxwire detect}: which protocol each recorded connection speaks, judged by the detection
 * signatures of the given {@code .wire} files, printed as one JSON object per connection.
 */
final class DetectCommand implements Command {

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public String summary() {
        return "detect the protocol of recorded connections from .wire signatures";
    }

    @Override
    public String usage() {
        return """
                usage: sqlxwire detect --wire DIR|FILE [--wire ...] --conv FILE [--conv ...]

                Judges each conversation file (one connection) with the detection signatures of the
                .wire files, as a server would on one port for every protocol, and prints one JSON
                object per connection:

                    {"connection":0,"file":"a.conv","protocol":"postgresql","by":"signature startup"}

                "by" says why: "signature NAME" (the client's first bytes), "alpn NAME" (a TLS
                ClientHello's ALPN), "silence" (the server spoke first), "server signature NAME"
                (its greeting confirmed it). "protocol" is null with "by":"tls" for a ClientHello
                without a known ALPN, and with "by":"none" when no signature matches.

                --wire names a .wire file or a directory (every *.wire below it); several may be
                given. Ties between equally specific signatures go to the order of the files
                (sorted within a directory) and of the signatures in them.
                --conv names a conversation file: a first comment line, then "C <hex>" / "S <hex>"
                lines, one per TCP segment in the order sent (C = the side that opened the
                connection). Several may be given; they are numbered from 0.

                exit status: 0 every connection detected, 1 some were not (or a .wire file has
                             errors), 2 bad arguments, 3 internal error
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws UsageException {
        List<String> wires = new ArrayList<>();
        List<String> convs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.equals("--wire") && !arg.equals("--conv")) {
                throw new UsageException(arg.startsWith("-") ? "unknown option '" + arg + "'"
                        : "unexpected operand '" + arg + "'");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(arg + " needs a value");
            }
            (arg.equals("--wire") ? wires : convs).add(args.get(++i));
        }
        if (wires.isEmpty()) {
            throw new UsageException("--wire DIR|FILE is required");
        }
        if (convs.isEmpty()) {
            throw new UsageException("--conv FILE is required");
        }
        List<List<RecordedConnection.Segment>> connections = new ArrayList<>();
        for (String conv : convs) {
            connections.add(segments(Path.of(conv)));
        }
        List<ProtocolModel> models = load(wireFiles(wires), io);
        if (models == null) {
            return ExitCode.FAILED;
        }
        ProtocolDetector detector = new ProtocolDetector(DetectionSignatures.of(models));
        boolean allDetected = true;
        for (int i = 0; i < connections.size(); i++) {
            Detection d = RecordedConnection.detect(detector, connections.get(i));
            allDetected &= d.isProtocol();
            io.out().println("{\"connection\":" + i
                    + ",\"file\":" + Json.string(Path.of(convs.get(i)).getFileName().toString())
                    + ",\"protocol\":" + (d.isProtocol() ? Json.string(d.protocol()) : "null")
                    + ",\"by\":" + Json.string(d.by()) + "}");
        }
        return allDetected ? ExitCode.OK : ExitCode.FAILED;
    }

    private static List<RecordedConnection.Segment> segments(Path conv) throws UsageException {
        List<RecordedConnection.Segment> segments = new ArrayList<>();
        for (DecodeCommand.Segment s : DecodeCommand.readConversation(conv)) {
            segments.add(new RecordedConnection.Segment(s.label().equals("C"), s.bytes()));
        }
        return segments;
    }

    private static List<Path> wireFiles(List<String> operands) throws UsageException {
        List<Path> files = new ArrayList<>();
        for (String operand : operands) {
            Path path = Path.of(operand);
            if (Files.isDirectory(path)) {
                try {
                    List<Path> below = WireFiles.below(path);
                    if (below.isEmpty()) {
                        throw new UsageException("no .wire files below '" + path + "'");
                    }
                    files.addAll(below);
                } catch (IOException e) {
                    throw new UsageException("cannot read '" + path + "': " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UsageException("no such file or directory '" + path + "'");
            }
        }
        return files;
    }

    /** The checked models, or null after printing the errors of any file that has some. */
    private static List<ProtocolModel> load(List<Path> files, Io io) {
        List<ProtocolModel> models = new ArrayList<>();
        boolean failed = false;
        for (Path file : files) {
            CheckResult result;
            try {
                result = WireCompiler.checkFile(file);
            } catch (UncheckedIOException e) {
                io.err().println(file + ": error: " + e.getMessage());
                failed = true;
                continue;
            }
            if (result.hasErrors() || result.model().isEmpty()) {
                DiagnosticPrinter printer = new DiagnosticPrinter(result.sources());
                result.errors().forEach(d -> io.err().println(printer.render(d)));
                failed = true;
                continue;
            }
            models.add(result.model().get());
        }
        return failed ? null : models;
    }
}
