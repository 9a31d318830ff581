package io.sqlxwire.examples.wireserver;

import io.sqlxwire.runtime.detect.ProtocolDetector;
import io.sqlxwire.runtime.detect.Signature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One listening port for several protocols. Each accepted connection gets a thread of its own, which
 * reads the client's first bytes until the {@link ProtocolDetector} names a protocol (or the client's
 * silence does, for a server-first protocol), then hands the socket and the bytes read to the
 * {@link ProtocolHandler} registered for that protocol, and closes the socket when it returns.
 *
 * <p>Connections the detector does not recognise, TLS without a known ALPN name, and connections over
 * the limit are closed with a log line; nothing a client sends stops the server. {@link #close()}
 * stops accepting, closes every open connection (which ends its handler's blocking reads) and waits
 * for the connection threads.
 */
public final class WireServer implements AutoCloseable {

    /** A TLS record header and the largest record: all the detector ever needs to read a ClientHello. */
    public static final int DEFAULT_MAX_FIRST_BYTES = 5 + (1 << 14);
    public static final Duration DEFAULT_DETECTION_DEADLINE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final ServerSocket listener;
    private final ConnectionRouter router;
    private final Semaphore slots;
    private final int maxConnections;
    private final Consumer<String> log;
    /** Every connection being routed or served, with its thread: to close and wait for on shutdown. */
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closing;

    private WireServer(Builder b, ProtocolDetector detector) throws IOException {
        this.log = b.log;
        this.maxConnections = b.maxConnections;
        this.slots = new Semaphore(b.maxConnections);
        this.router = new ConnectionRouter(
                new FirstBytesReader(detector, b.maxFirstBytes, b.detectionDeadline), b.handlers, b.log);
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(b.address, 128);
        this.acceptor = new Thread(this::acceptLoop, "wire-server-accept-" + port());
        acceptor.start();
    }

    public static Builder builder(ProtocolDetector detector) {
        return new Builder(detector);
    }

    /** The port listened on (the one the system chose when asked for port 0). */
    public int port() {
        return listener.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Connections being routed or served right now. */
    public int openConnections() {
        return open.size();
    }

    /** Blocks until the server is closed (by {@link #close()}, e.g. from a shutdown hook). */
    public void awaitClosed() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.accept("accept failed, no longer listening: " + e);
                }
                return;
            }
            if (!slots.tryAcquire()) {
                // Refused at once rather than left in the backlog: the client sees the connection end
                // instead of waiting on a server that may not free a slot for a long time.
                log.accept(socket.getRemoteSocketAddress() + ": " + maxConnections
                        + " connections open, the limit; closing");
                closeQuietly(socket);
                continue;
            }
            startConnection(socket);
        }
    }

    private void startConnection(Socket socket) {
        Thread thread = new Thread(() -> serve(socket), "wire-server-conn-" + ids.incrementAndGet());
        open.put(socket, thread);
        if (closing) { // close() may have run between accept() and put(), missing this connection
            open.remove(socket);
            closeQuietly(socket);
            slots.release();
            return;
        }
        thread.start();
    }

    private void serve(Socket socket) {
        try {
            router.route(socket);
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                log.accept(socket.getRemoteSocketAddress() + ": connection ended by " + e);
            }
        } finally {
            // Closed only now, after any log line about it: whoever sees the connection end can
            // already read why.
            closeQuietly(socket);
            open.remove(socket);
            slots.release();
        }
    }

    /** Stops accepting, closes every open connection, and waits (a few seconds at most) for their threads. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(listener);
        for (Socket socket : open.keySet()) {
            closeQuietly(socket);
        }
        long until = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        try {
            acceptor.join(SHUTDOWN_WAIT.toMillis());
            for (Thread thread : open.values()) {
                long left = until - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!open.isEmpty()) {
            log.accept(open.size() + " connection threads still running after close (a handler ignores its closed socket)");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing on the way out: nothing useful to do about a failure.
        }
    }

    /** Configures and starts a {@link WireServer}. */
    public static final class Builder {

        private final ProtocolDetector detector;
        private final Set<String> protocols;
        private final Map<String, ProtocolHandler> handlers = new LinkedHashMap<>();
        private Duration silence;
        private Duration detectionDeadline = DEFAULT_DETECTION_DEADLINE;
        private int maxFirstBytes = DEFAULT_MAX_FIRST_BYTES;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private Consumer<String> log = message ->
                System.getLogger(WireServer.class.getName()).log(System.Logger.Level.INFO, message);

        private Builder(ProtocolDetector detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            this.protocols = detector.signatures().stream().map(Signature::protocol)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** Serves {@code protocol} (a protocol name of the detector's signatures) with {@code handler}. */
        public Builder handler(String protocol, ProtocolHandler handler) {
            if (!protocols.contains(protocol)) {
                throw new IllegalArgumentException("the detector knows no protocol '" + protocol + "'; it knows " + protocols);
            }
            handlers.put(protocol, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** The protocols the detector can name that have no handler yet. */
        public Set<String> protocolsWithoutHandler() {
            Set<String> missing = new LinkedHashSet<>(protocols);
            missing.removeAll(handlers.keySet());
            return missing;
        }

        /** How long a silent client waits before a server-first protocol is chosen; default: the detector's. */
        public Builder silence(Duration silence) {
            this.silence = Objects.requireNonNull(silence, "silence");
            return this;
        }

        /** How long a client may take to send enough bytes to be recognised. */
        public Builder detectionDeadline(Duration deadline) {
            this.detectionDeadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /** The most bytes read before routing; a detector wanting more is settled on what it has. */
        public Builder maxFirstBytes(int bytes) {
            this.maxFirstBytes = bytes;
            return this;
        }

        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive: " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /** Where to listen; default the loopback address, a port the system chooses. */
        public Builder bind(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Where the one-line reports on connections go (default: {@link System.Logger} at INFO). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Binds and starts accepting. */
        public WireServer start() throws IOException {
            ProtocolDetector d = silence == null || silence.equals(detector.silenceTimeout())
                    ? detector
                    : new ProtocolDetector(detector.signatures(), silence);
            return new WireServer(this, d);
        }
    }
}
