package io.sqlxwire.idl.check;

import io.sqlxwire.idl.model.DirectionModel;
import java.util.Optional;

/** The two words that name who sends: {@code client} and {@code server}. */
final class Senders {

    private Senders() {}

    static Optional<DirectionModel.Sender> parse(String word) {
        return switch (word) {
            case "client" -> Optional.of(DirectionModel.Sender.CLIENT);
            case "server" -> Optional.of(DirectionModel.Sender.SERVER);
            default -> Optional.empty();
        };
    }
}
