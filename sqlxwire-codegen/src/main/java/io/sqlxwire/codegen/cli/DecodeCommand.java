package io.sqlxwire.codegen.cli;

import io.sqlxwire.codegen.interp.ConversationDecoder;
import io.sqlxwire.codegen.interp.DecodedMessage;
import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.diag.DiagnosticPrinter;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sqlxwire decode}: decodes real traffic with the model interpreter (the reference decoder)
 * and prints one JSON object per message.
 */
final class DecodeCommand implements Command {

    private static final Set<String> OPTIONS = Set.of("--wire", "--conv", "--direction", "--hex", "--state",
            "--inflate-from");

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public String summary() {
        return "decode captured traffic with a .wire file and print JSON";
    }

    @Override
    public String usage() {
        return """
                usage: sqlxwire decode --wire FILE --conv CONVERSATION [--inflate-from STATE]
                       sqlxwire decode --wire FILE --direction NAME --hex HEX [--state STATE]
                                       [--inflate-from STATE]

                Decodes bytes by interpreting the checked .wire description (framing, messages,
                state machine) and prints one JSON object per message to standard output:

                    {"dir":"C","offset":0,"message":"StartupMessage","fields":{...}}

                offset is the byte offset of the frame in that direction's stream. Bytes that
                cannot be decoded are printed as {"dir":..,"offset":..,"error":".."}; decoding
                goes on with the next frame, or stops for that direction when its framing is lost.
                The last line tells where the conversation stopped, so one cut short is visible:

                    {"end":true,"state":"Idle","final":false}

                (just {"end":true} for a protocol without a state machine).

                --conv reads a conversation file: a first comment line, then one line per TCP
                segment in the order sent, "C <hex>" from the side that opened the connection
                (the client) and "S <hex>" from the other one. Lines starting with '#' and empty
                lines are skipped.
                --direction names one of the protocol's directions and --hex gives its bytes;
                --state starts the state machine in another state than the initial one.
                --inflate-from STATE: once the machine is in STATE, both directions travel in the
                frames of the protocol's framing with 'transform zlib', whose inflated bodies
                are read with the ordinary framing (MySQL after CLIENT_COMPRESS: --inflate-from
                Idle). Offsets after that point count in the inflated stream.

                exit status: 0 everything decoded, 1 an error was printed (or the .wire file
                             has errors), 2 bad arguments, 3 internal error
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws UsageException {
        Map<String, String> options = parse(args);
        String wire = options.get("--wire");
        if (wire == null) {
            throw new UsageException("--wire FILE is required");
        }
        boolean conversation = options.containsKey("--conv");
        boolean single = options.containsKey("--direction") || options.containsKey("--hex");
        if (conversation == single) {
            throw new UsageException("give either --conv FILE or --direction NAME with --hex HEX");
        }
        if (single && !(options.containsKey("--direction") && options.containsKey("--hex"))) {
            throw new UsageException("--direction and --hex go together");
        }
        if (conversation && options.containsKey("--state")) {
            throw new UsageException("--state applies to --direction/--hex only");
        }
        byte[] hexBytes = single ? hex(options.get("--hex"), "--hex") : null;
        List<Segment> segments = conversation ? readConversation(Path.of(options.get("--conv"))) : null;

        ProtocolModel model = load(Path.of(wire), io);
        if (model == null) {
            return ExitCode.FAILED;
        }
        ConversationDecoder decoder = new ConversationDecoder(model, Limits.DEFAULTS);
        List<DecodedMessage> results = new ArrayList<>();
        if (conversation) {
            String client = ConversationDecoder.directionOf(model, DirectionModel.Sender.CLIENT).name();
            String server = ConversationDecoder.directionOf(model, DirectionModel.Sender.SERVER).name();
            inflateFrom(decoder, options);
            for (Segment segment : segments) {
                String direction = segment.label().equals("C") ? client : server;
                print(decoder.feed(direction, segment.label(), segment.bytes()), io, results);
            }
        } else {
            String direction = options.get("--direction");
            if (model.directions().stream().noneMatch(d -> d.name().equals(direction))) {
                throw new UsageException("protocol " + model.name() + " has no direction '" + direction + "'");
            }
            if (options.containsKey("--state")) {
                try {
                    decoder.startIn(options.get("--state"));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            inflateFrom(decoder, options);
            print(decoder.feed(direction, direction, hexBytes), io, results);
        }
        print(decoder.finish(), io, results);
        io.out().println(decoder.end().toJson());
        return results.stream().anyMatch(DecodedMessage::isError) ? ExitCode.FAILED : ExitCode.OK;
    }

    private static void inflateFrom(ConversationDecoder decoder, Map<String, String> options) throws UsageException {
        if (options.containsKey("--inflate-from")) {
            try {
                decoder.inflateFrom(options.get("--inflate-from"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    private static void print(List<DecodedMessage> messages, Io io, List<DecodedMessage> results) {
        for (DecodedMessage message : messages) {
            io.out().println(message.toJson());
            results.add(message);
        }
    }

    private static Map<String, String> parse(List<String> args) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!OPTIONS.contains(arg)) {
                throw new UsageException(arg.startsWith("-") ? "unknown option '" + arg + "'"
                        : "unexpected operand '" + arg + "'");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(arg + " needs a value");
            }
            if (options.put(arg, args.get(++i)) != null) {
                throw new UsageException(arg + " given twice");
            }
        }
        return options;
    }

    private static ProtocolModel load(Path wire, Io io) throws UsageException {
        if (!Files.isRegularFile(wire)) {
            throw new UsageException("no such file '" + wire + "'");
        }
        CheckResult result;
        try {
            result = WireCompiler.checkFile(wire);
        } catch (UncheckedIOException e) {
            io.err().println(wire + ": error: " + e.getMessage());
            return null;
        }
        if (result.hasErrors() || result.model().isEmpty()) {
            DiagnosticPrinter printer = new DiagnosticPrinter(result.sources());
            result.errors().forEach(d -> io.err().println(printer.render(d)));
            return null;
        }
        ProtocolModel model = result.model().get();
        if (model.isLibrary()) {
            io.err().println(wire + ": error: a file of shared types has no messages to decode");
            return null;
        }
        return model;
    }

    /** One line of a conversation file: who sent it and the bytes. */
    record Segment(String label, byte[] bytes) {}

    static List<Segment> readConversation(Path file) throws UsageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read '" + file + "': " + e.getMessage());
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            if (line.length() < 2 || (line.charAt(0) != 'C' && line.charAt(0) != 'S') || line.charAt(1) != ' ') {
                throw new UsageException(where + ": expected 'C <hex>' or 'S <hex>'");
            }
            segments.add(new Segment(line.substring(0, 1), hex(line.substring(2).strip(), where)));
        }
        return segments;
    }

    private static byte[] hex(String text, String where) throws UsageException {
        String digits = text.replace(" ", "");
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": not an even number of hex digits");
        }
    }
}
