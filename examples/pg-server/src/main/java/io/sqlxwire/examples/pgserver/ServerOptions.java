package io.sqlxwire.examples.pgserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link Main}.
 *
 * @param database a file database (H2 adds {@code .mv.db}), or null for an in-memory one
 * @param keystore a PKCS12/JKS key store enabling TLS, or null
 */
record ServerOptions(String host, int port, String user, String password, PgServerConfig.AuthMethod auth,
                     Path database, Path keystore, String keystorePassword, int maxConnections, Duration readTimeout) {

    static final String USAGE = String.join("\n",
            "usage: pg-server [options]",
            "  --port PORT                 port to listen on, 0 for any free one (default 5432)",
            "  --host HOST                 address to bind (default 127.0.0.1)",
            "  --user USER                 the user that may log in (default postgres)",
            "  --password PASSWORD         its password (default postgres)",
            "  --auth scram|md5            password check (default scram: SCRAM-SHA-256)",
            "  --database PATH             keep the data in an H2 file (default: in memory)",
            "  --keystore PATH             key store with the server certificate: enables TLS",
            "  --keystore-password P       its password",
            "  --max-connections N         connection limit (default 100)",
            "  --read-timeout SECONDS      drop clients silent for this long, 0 for never (default 600)");

    static ServerOptions parse(String[] args) {
        String host = "127.0.0.1";
        int port = 5432;
        String user = "postgres";
        String password = "postgres";
        PgServerConfig.AuthMethod auth = PgServerConfig.AuthMethod.SCRAM_SHA_256;
        Path database = null;
        Path keystore = null;
        String keystorePassword = "";
        int maxConnections = 100;
        Duration readTimeout = Duration.ofSeconds(600);
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = rest.remove(0);
            switch (option) {
                case "--port":
                    port = integer(option, value, 0, 65535);
                    break;
                case "--host":
                    host = value;
                    break;
                case "--user":
                    user = value;
                    break;
                case "--password":
                    password = value;
                    break;
                case "--auth":
                    if (value.equalsIgnoreCase("md5")) {
                        auth = PgServerConfig.AuthMethod.MD5;
                    } else if (value.equalsIgnoreCase("scram") || value.equalsIgnoreCase("scram-sha-256")) {
                        auth = PgServerConfig.AuthMethod.SCRAM_SHA_256;
                    } else {
                        throw new IllegalArgumentException("--auth must be scram or md5, not " + value);
                    }
                    break;
                case "--database":
                    database = Path.of(value);
                    break;
                case "--keystore":
                    keystore = Path.of(value);
                    break;
                case "--keystore-password":
                    keystorePassword = value;
                    break;
                case "--max-connections":
                    maxConnections = integer(option, value, 1, 100_000);
                    break;
                case "--read-timeout":
                    readTimeout = Duration.ofSeconds(integer(option, value, 0, Integer.MAX_VALUE));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new ServerOptions(host, port, user, password, auth, database, keystore, keystorePassword,
                maxConnections, readTimeout);
    }

    private static int integer(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }
}
