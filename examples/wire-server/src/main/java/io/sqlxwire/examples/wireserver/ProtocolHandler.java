package io.sqlxwire.examples.wireserver;

import java.io.IOException;
import java.net.Socket;

/**
 * Serves one connection of one protocol, after the {@link WireServer} has recognised it.
 *
 * <p>To recognise the protocol the router had to read the client's first bytes; they are handed over
 * as {@code alreadyRead} and must be treated as the start of the stream, before whatever the socket
 * still holds. The socket is blocking again ({@code SO_TIMEOUT} 0) when {@link #serve} is called, and
 * the router closes it when {@code serve} returns or throws.
 */
@FunctionalInterface
public interface ProtocolHandler {

    /**
     * Serves the connection to its end.
     *
     * @param socket      the client's connection
     * @param alreadyRead the bytes the router took from the socket, in order (possibly more than the
     *                    detector needed, never fewer than it judged; empty for a silent client)
     */
    void serve(Socket socket, byte[] alreadyRead) throws IOException;

    /**
     * True when {@link #serve} takes a connection that opens with a TLS ClientHello (PostgreSQL 17's
     * direct TLS, ALPN {@code postgresql}), the hello being in {@code alreadyRead}. The router closes
     * such connections, with a log line, for a handler that does not.
     */
    default boolean acceptsDirectTls() {
        return false;
    }

    /** A server that speaks first (MySQL's greeting): it is handed a socket the client has sent nothing on. */
    @FunctionalInterface
    interface ServerFirst {
        void serve(Socket socket) throws IOException;
    }

    /**
     * Adapts a server-first protocol's server: the router chooses such a protocol only for a client
     * that stayed silent, so there are no bytes to hand over; if there are, something upstream is
     * wrong and the connection is refused rather than served with bytes lost.
     */
    static ProtocolHandler serverFirst(ServerFirst server) {
        return (socket, alreadyRead) -> {
            if (alreadyRead.length != 0) {
                throw new IOException("a server-first protocol was handed " + alreadyRead.length
                        + " client bytes; its server would never see them");
            }
            server.serve(socket);
        };
    }
}
