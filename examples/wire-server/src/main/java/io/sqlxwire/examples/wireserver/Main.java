package io.sqlxwire.examples.wireserver;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code wire-server --port PORT --user U --password P}: serves PostgreSQL and MySQL clients on one
 * loopback port. Prints {@code listening on 127.0.0.1:PORT} (the chosen port for port 0) once it
 * accepts connections, logs one line per connection to standard error, and runs until killed.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        WireServer server;
        ServerHandlers[] servers = new ServerHandlers[1];
        try {
            server = start(args, System.out, System.err, options -> (servers[0] = ServerHandlers.open(options)).handlers());
        } catch (IllegalArgumentException e) {
            System.err.println("wire-server: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        } catch (IllegalStateException | IOException e) {
            System.err.println("wire-server: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            servers[0].close();
        }, "wire-server-shutdown"));
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            server.close();
        }
    }

    /**
     * Parses {@code args}, registers the handlers {@code servers} makes, and starts listening.
     *
     * @throws IllegalArgumentException the arguments are wrong
     * @throws IllegalStateException    a protocol the port recognises has no server behind it
     */
    static WireServer start(String[] args, PrintStream out, PrintStream err,
                            Function<Options, Map<String, ProtocolHandler>> servers) throws IOException {
        Options options = Options.parse(args);
        WireServer.Builder builder = WireServer.builder(OnePortDetector.create())
                .maxConnections(options.maxConnections())
                .log(line -> err.println("wire-server: " + line));
        if (options.silence() != null) {
            builder.silence(options.silence());
        }
        servers.apply(options).forEach(builder::handler);
        Set<String> missing = builder.protocolsWithoutHandler();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no server for " + String.join(", ", missing)
                    + " (see ServerHandlers)");
        }
        WireServer server = builder.start();
        out.println("listening on " + server.address().getAddress().getHostAddress() + ":" + server.port());
        out.flush();
        return server;
    }
}
