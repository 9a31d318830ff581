package io.sqlxwire.examples.myserver;

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
