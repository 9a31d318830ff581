package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.bridge.CompatibilityMode;
import io.sqlxwire.examples.bridge.SqlDatabase;
import io.sqlxwire.examples.bridge.SqlFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.Semaphore;

/**
 * A MySQL-protocol server on an embedded H2 database in MySQL mode: one thread per connection, at
 * most {@link ServerConfig#maxConnections()} at once.
 */
public final class MyServer implements AutoCloseable {
    private final ServerContext context;
    private final ServerSocket listener;
    private final Semaphore slots;
    private final MyConnectionHandler handler;
    private final Thread acceptor;

    private MyServer(ServerContext context, ServerSocket listener) {
        this.context = context;
        this.listener = listener;
        this.slots = new Semaphore(context.config.maxConnections());
        this.handler = new MyConnectionHandler(context);
        this.acceptor = new Thread(this::acceptLoop, "mysql-server-accept");
        this.acceptor.setDaemon(true);
    }

    /** Opens the database (in memory) and starts listening. */
    public static MyServer start(ServerConfig config) throws IOException, SqlFailure {
        SqlDatabase database = SqlDatabase.inMemory(CompatibilityMode.MYSQL);
        ServerSocket listener = new ServerSocket(config.port(), 128, InetAddress.getByName(config.host()));
        MyServer server = new MyServer(new ServerContext(config, database), listener);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String host() {
        return context.config.host();
    }

    /** The handler that serves one connection, for servers that accept connections themselves. */
    public MyConnectionHandler handler() {
        return handler;
    }

    /** How connections have authenticated so far. */
    public AuthPaths authPaths() {
        return context.authPaths;
    }

    /** The H2 JDBC URL of the served database, to look at the data directly. */
    public String jdbcUrl() {
        return context.database.jdbcUrl();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            if (!slots.tryAcquire()) {
                Thread refuse = new Thread(() -> handler.refuse(socket), "mysql-server-refuse");
                refuse.setDaemon(true);
                refuse.start();
                continue;
            }
            Thread connection = new Thread(() -> {
                try {
                    handler.serve(socket);
                } finally {
                    slots.release();
                }
            }, "mysql-server-" + socket.getPort());
            connection.setDaemon(true);
            connection.start();
        }
    }

    /** Stops accepting; connections already served finish on their own threads. */
    @Override
    public void close() throws IOException {
        listener.close();
        context.database.close();
    }
}
