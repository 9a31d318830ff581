package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared test helpers: the repository's .wire files, small inline descriptions, capture files. */
final class InterpFixtures {

    private InterpFixtures() {}

    /** The dialect descriptions of the repository (tests run in the module directory). */
    static ProtocolModel dialect(String name) {
        Path file = Path.of("..", "protocols-idl", "src", "main", "sqlxwire", name + ".wire");
        CheckResult result = WireCompiler.checkFile(file);
        if (result.hasErrors()) {
            throw new AssertionError(result.render());
        }
        return result.modelOrThrow();
    }

    static ProtocolModel compile(String source) {
        CheckResult result = WireCompiler.checkSource("test.wire", source);
        if (result.hasErrors()) {
            throw new AssertionError(result.render());
        }
        return result.modelOrThrow();
    }

    record Segment(DirectionModel.Sender sender, byte[] bytes) {
        String label() {
            return sender == DirectionModel.Sender.CLIENT ? "C" : "S";
        }
    }

    static List<Segment> conversation(String resource) {
        String text;
        try (InputStream in = InterpFixtures.class.getResourceAsStream("/captures/conv/local/" + resource)) {
            if (in == null) {
                throw new AssertionError("no capture " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Segment> segments = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("C ") || line.startsWith("S ")) {
                DirectionModel.Sender sender = line.charAt(0) == 'C'
                        ? DirectionModel.Sender.CLIENT : DirectionModel.Sender.SERVER;
                segments.add(new Segment(sender, HexFormat.of().parseHex(line.substring(2).strip())));
            }
        }
        return segments;
    }

    /** Decodes a whole conversation, segment by segment, as the CLI does. */
    static List<DecodedMessage> decode(ProtocolModel model, List<Segment> segments) {
        ConversationDecoder decoder = new ConversationDecoder(model, Limits.DEFAULTS);
        List<DecodedMessage> out = new ArrayList<>();
        for (Segment segment : segments) {
            String direction = ConversationDecoder.directionOf(model, segment.sender()).name();
            out.addAll(decoder.feed(direction, segment.label(), segment.bytes()));
        }
        out.addAll(decoder.finish());
        return out;
    }

    static List<DecodedMessage> named(List<DecodedMessage> messages, String name) {
        return messages.stream().filter(m -> name.equals(m.message()) && !m.isError()).toList();
    }

    static String text(Value.Obj obj, String... path) {
        Value value = obj.at(path).orElseThrow(() -> new AssertionError("no " + String.join(".", path) + " in " + obj.toJson()));
        if (value instanceof Value.Text t) {
            return t.value();
        }
        if (value instanceof Value.Bytes b) {
            return new String(b.value(), StandardCharsets.UTF_8);
        }
        if (value instanceof Value.EnumConst e) {
            return e.name();
        }
        throw new AssertionError(String.join(".", path) + " is " + value.toJson());
    }

    static long number(Value.Obj obj, String... path) {
        Value value = obj.at(path).orElseThrow(() -> new AssertionError("no " + String.join(".", path) + " in " + obj.toJson()));
        return ExprEvaluator.integer(value).longValueExact();
    }

    static List<String> errors(List<DecodedMessage> messages) {
        return messages.stream().filter(DecodedMessage::isError).map(DecodedMessage::toJson).toList();
    }
}
