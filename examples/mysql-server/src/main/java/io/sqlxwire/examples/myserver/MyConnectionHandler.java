package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.bridge.CompatibilityMode;
import io.sqlxwire.examples.bridge.SqlDatabase;
import java.io.IOException;
import java.net.Socket;

/**
 * Serves one MySQL connection on the calling thread. Public so that a server which accepts
 * connections for several protocols on one port can hand over a socket it has identified as MySQL:
 * MySQL's server speaks first, so such a router passes the socket on before the client has sent
 * anything (it knows the protocol by the client's silence).
 */
public final class MyConnectionHandler {
    private final ServerContext context;

    MyConnectionHandler(ServerContext context) {
        this.context = context;
    }

    /**
     * A handler of its own over {@code database} (which must be in MySQL mode), for a server that
     * accepts the connections itself; {@code config}'s host, port and connection limit are then the
     * caller's business and not used here.
     */
    public static MyConnectionHandler over(ServerConfig config, SqlDatabase database) {
        if (database.mode() != CompatibilityMode.MYSQL) {
            throw new IllegalArgumentException("the database is in " + database.mode() + " mode, not MYSQL");
        }
        return new MyConnectionHandler(new ServerContext(config, database));
    }

    /** How this handler's connections have authenticated so far. */
    public AuthPaths authPaths() {
        return context.authPaths;
    }

    /**
     * Runs the conversation until the client quits, the connection breaks or stays silent longer
     * than the read timeout, then closes the socket. Never throws: a broken or hostile client ends
     * only its own connection.
     */
    public void serve(Socket socket) {
        try (socket) {
            prepare(socket);
            new Conversation(context, socket).run();
        } catch (IOException | RuntimeException e) {
            // Timeouts, resets and TLS failures end the connection; the server goes on.
        }
    }

    /** Answers a connection over the limit with ERR 1040 in place of the greeting, and closes it. */
    void refuse(Socket socket) {
        try (socket) {
            prepare(socket);
            new Conversation(context, socket).refuse(new MyError(MyError.TOO_MANY_CONNECTIONS, "08004",
                    "Too many connections"));
        } catch (IOException | RuntimeException e) {
            // The client is refused either way.
        }
    }

    private void prepare(Socket socket) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, context.config.readTimeout().toMillis()));
        socket.setTcpNoDelay(true);
    }
}
