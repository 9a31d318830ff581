package io.sqlxwire.examples.pgserver;

import java.io.IOException;
import java.net.Socket;

/**
 * Serves PostgreSQL-protocol connections, one call per connection on the caller's thread. A server
 * that accepts sockets itself calls {@link #serve(Socket)}; a router that has already read a
 * connection's first bytes (to tell which protocol it speaks) passes them to
 * {@link #serve(Socket, byte[])}, and they are read as if they had just arrived.
 */
public final class PgConnectionHandler {
    private final PgServerConfig config;
    private final BackendRegistry registry;

    /** Connections served by one handler can cancel each other's queries (CancelRequest). */
    public PgConnectionHandler(PgServerConfig config) {
        this.config = config;
        this.registry = new BackendRegistry();
    }

    public void serve(Socket socket) {
        serve(socket, new byte[0]);
    }

    /**
     * Whether {@link #serve(Socket, byte[])} takes a connection that opens with a TLS ClientHello
     * (PostgreSQL 17's direct TLS, {@code sslnegotiation=direct}): when a key store is configured.
     */
    public boolean acceptsDirectTls() {
        return config.tls() != null;
    }

    /**
     * Runs the whole conversation and closes the socket; returns when the client has gone. Never
     * throws: bad clients get an ErrorResponse and a closed connection.
     */
    public void serve(Socket socket, byte[] alreadyReadPrefix) {
        try {
            if (config.readTimeout() != null && !config.readTimeout().isZero()) {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis()));
            }
            socket.setTcpNoDelay(true);
            byte[] prefix = alreadyReadPrefix;
            Socket connection = socket;
            boolean directTls = false;
            if (config.tls() != null) {
                if (prefix.length == 0) {
                    prefix = firstByte(socket);
                }
                if (prefix.length > 0 && prefix[0] == TLS_HANDSHAKE) {
                    connection = DirectTls.accept(config.tls(), socket, prefix);
                    prefix = new byte[0];
                    directTls = true;
                }
            }
            new PgConnection(config, registry, connection, directTls).run(prefix);
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    /** A TLS record of type handshake: a ClientHello, where a PostgreSQL client sends a length. */
    private static final int TLS_HANDSHAKE = 0x16;

    /** Reads one byte to tell direct TLS from a startup packet (whose first byte is a length's 0). */
    private static byte[] firstByte(Socket socket) throws IOException {
        int b = socket.getInputStream().read();
        return b < 0 ? new byte[0] : new byte[] {(byte) b};
    }

    /** Turns a connection away before reading from it (too many connections). */
    void refuse(Socket socket, String sqlState, String message) {
        try {
            PgOutput out = new PgOutput(socket.getOutputStream());
            out.fatalError(sqlState, message);
        } catch (IOException ignored) {
            // The client is gone already.
        } finally {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
