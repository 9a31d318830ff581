package io.sqlxwire.examples.pgserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts connections on one port and serves each on its own thread, up to a connection limit
 * (beyond it a client gets SQLSTATE 53300, as from PostgreSQL's max_connections).
 */
public final class PgServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PgServer.class.getName());

    private final PgConnectionHandler handler;
    private final ServerSocket listener;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionNumber = new AtomicInteger();
    private final Thread acceptor;

    private PgServer(PgServerConfig config, ServerSocket listener, int maxConnections) {
        this.handler = new PgConnectionHandler(config);
        this.listener = listener;
        this.slots = new Semaphore(maxConnections);
        this.acceptor = new Thread(this::acceptLoop, "pg-server-accept-" + listener.getLocalPort());
    }

    /** Binds {@code host:port} (port 0: any free port) and starts accepting. */
    public static PgServer start(PgServerConfig config, InetAddress host, int port, int maxConnections) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(host, port), 128);
        PgServer server = new PgServer(config, listener, maxConnections);
        server.acceptor.setDaemon(true);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public InetAddress host() {
        return listener.getInetAddress();
    }

    /** The handler, for routers that accept connections themselves. */
    public PgConnectionHandler handler() {
        return handler;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed", e);
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                handler.refuse(socket, PgSqlStates.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
                continue;
            }
            open.add(socket);
            Thread connection = new Thread(() -> {
                try {
                    handler.serve(socket);
                } finally {
                    open.remove(socket);
                    slots.release();
                }
            }, "pg-server-connection-" + connectionNumber.incrementAndGet());
            connection.setDaemon(true);
            connection.start();
        }
    }

    /** Stops accepting and drops every open connection. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The connection's thread sees the closed socket and ends.
            }
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
