package io.sqlxwire.protocols.captures;

import io.sqlxwire.codegen.interp.ConversationDecoder;
import io.sqlxwire.codegen.interp.DecodedMessage;
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
import java.util.List;

/**
 * A conversation file (see resources/captures/README.md) decoded with the model interpreter: the
 * segments are fed in the order they were sent, each to its direction's frame splitter, exactly
 * as a socket would deliver them.
 */
record CapturedConversation(Path file, List<DecodedMessage> messages, String finalState) {

    static CapturedConversation decode(ProtocolModel model, Path file) {
        ConversationDecoder decoder = new ConversationDecoder(model, Limits.DEFAULTS);
        String client = ConversationDecoder.directionOf(model, DirectionModel.Sender.CLIENT).name();
        String server = ConversationDecoder.directionOf(model, DirectionModel.Sender.SERVER).name();
        List<DecodedMessage> out = new ArrayList<>();
        for (String line : lines(file)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String label = text.substring(0, 1);
            if (!label.equals("C") && !label.equals("S") || text.charAt(1) != ' ') {
                throw new IllegalArgumentException(file + ": not a segment line: " + text);
            }
            byte[] bytes = HexFormat.of().parseHex(text.substring(2).strip());
            out.addAll(decoder.feed(label.equals("C") ? client : server, label, bytes));
        }
        out.addAll(decoder.finish());
        return new CapturedConversation(file, List.copyOf(out), decoder.state());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<DecodedMessage> errors() {
        return messages.stream().filter(DecodedMessage::isError).toList();
    }

    /** The decoded messages of one name, in order (of both directions). */
    List<DecodedMessage> named(String message) {
        return messages.stream().filter(m -> !m.isError() && message.equals(m.message())).toList();
    }

    /** A readable list of the errors, for assertion messages. */
    String errorReport() {
        StringBuilder out = new StringBuilder(file.toString());
        errors().stream().limit(10).forEach(e -> out.append("\n  ").append(e.toJson()));
        return out.toString();
    }
}
