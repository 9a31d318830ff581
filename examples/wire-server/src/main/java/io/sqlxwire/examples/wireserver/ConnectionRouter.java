package io.sqlxwire.examples.wireserver;

import io.sqlxwire.runtime.detect.Detection;
import java.io.IOException;
import java.net.Socket;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides what happens to one connection once its first bytes are read: which handler serves it, or
 * why it is closed. Every connection that is not served leaves one log line saying why.
 */
final class ConnectionRouter {

    /** How many of an unrecognised client's first bytes the log shows. */
    static final int LOGGED_BYTES = 64;

    private final FirstBytesReader reader;
    private final Map<String, ProtocolHandler> handlers;
    private final Consumer<String> log;

    ConnectionRouter(FirstBytesReader reader, Map<String, ProtocolHandler> handlers, Consumer<String> log) {
        this.reader = reader;
        this.handlers = Map.copyOf(handlers);
        this.log = log;
    }

    /** Reads, routes and serves the connection; returns when it is done. The caller closes the socket. */
    void route(Socket socket) throws IOException {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        FirstBytes first = reader.read(socket);
        Detection detection = first.detection();
        switch (detection.outcome()) {
            case PROTOCOL -> serve(socket, peer, first);
            case TLS -> log.accept(peer + ": TLS ClientHello without an ALPN name of a known protocol; "
                    + "this server does not terminate TLS itself, closing");
            case NONE -> {
                if (first.bytes().length == 0) {
                    log.accept(peer + ": closed by the client before it sent anything");
                } else {
                    log.accept(peer + ": no known protocol (" + why(first.stop()) + "), closing; first "
                            + describe(first.bytes()));
                }
            }
            case NEED_MORE -> throw new IllegalStateException("the reader returned an undecided answer");
        }
    }

    private void serve(Socket socket, String peer, FirstBytes first) throws IOException {
        Detection detection = first.detection();
        ProtocolHandler handler = handlers.get(detection.protocol());
        if (handler == null) {
            log.accept(peer + ": " + detection + ", but no handler is registered for " + detection.protocol()
                    + ", closing");
            return;
        }
        if (detection.basis() == Detection.Basis.ALPN && !handler.acceptsDirectTls()) {
            log.accept(peer + ": " + detection + " (direct TLS), but the " + detection.protocol()
                    + " handler does not take direct TLS, closing");
            return;
        }
        log.accept(peer + ": " + detection);
        socket.setSoTimeout(0);
        handler.serve(socket, first.bytes());
    }

    private static String why(FirstBytes.Stop stop) {
        return switch (stop) {
            case DECIDED -> "no signature matches";
            case CLIENT_CLOSED -> "the client closed before a signature matched";
            case TOO_MANY_BYTES -> "still undecided at the limit of bytes read before routing";
            case DEADLINE -> "still undecided at the detection deadline";
        };
    }

    /** {@code 5 bytes: 474554202f} (the first {@link #LOGGED_BYTES} of them, in hex). */
    static String describe(byte[] bytes) {
        int shown = Math.min(bytes.length, LOGGED_BYTES);
        return bytes.length + " bytes: " + HexFormat.of().formatHex(bytes, 0, shown)
                + (shown < bytes.length ? "..." : "");
    }
}
