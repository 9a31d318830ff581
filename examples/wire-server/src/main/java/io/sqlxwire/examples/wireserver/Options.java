package io.sqlxwire.examples.wireserver;

import java.time.Duration;

/**
 * The command line: {@code --port PORT --user U --password P [--silence-ms MS] [--max-connections N]}.
 *
 * @param port           the loopback port to listen on; 0 lets the system choose
 * @param user           the one account both protocols' servers accept
 * @param password       its password
 * @param silence        how long a silent client waits before it is served as a MySQL client
 * @param maxConnections connections served at once; more are closed at once
 */
public record Options(int port, String user, String password, Duration silence, int maxConnections) {

    static final String USAGE = "usage: wire-server --port PORT --user USER --password PASSWORD"
            + " [--silence-ms MS] [--max-connections N]";

    /** Parses the arguments; an {@link IllegalArgumentException} says what is wrong with them. */
    static Options parse(String... args) {
        Integer port = null;
        String user = null;
        String password = null;
        Duration silence = null;
        int maxConnections = WireServer.DEFAULT_MAX_CONNECTIONS;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--port" -> port = number(option, value, 0, 65535);
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--silence-ms" -> silence = Duration.ofMillis(number(option, value, 1, 10_000));
                case "--max-connections" -> maxConnections = number(option, value, 1, 100_000);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (port == null || user == null || password == null) {
            throw new IllegalArgumentException("--port, --user and --password are required");
        }
        return new Options(port, user, password, silence, maxConnections);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a number from " + min + " to " + max + ", not '" + value + "'");
    }
}
