package io.sqlxwire.examples.myserver;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code java -jar mysql-server.jar --port PORT --user U --password P [--auth-plugin NAME]
 * [--keystore FILE --keystore-password PW] [--max-connections N] [--read-timeout SECONDS]}:
 * serves an in-memory H2 database to MySQL clients until killed.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("mysql-server: " + e.getMessage());
            System.err.println("usage: mysql-server --port PORT --user USER --password PASSWORD"
                    + " [--auth-plugin caching_sha2_password|mysql_native_password]"
                    + " [--keystore FILE --keystore-password PW] [--max-connections N] [--read-timeout SECONDS]");
            System.exit(2);
            return;
        }
        MyServer server = MyServer.start(config);
        System.out.println("listening on " + server.host() + ":" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    static ServerConfig parse(String[] args) throws Exception {
        ServerConfig config = ServerConfig.of("root", "");
        String user = null;
        String password = null;
        Path keyStore = null;
        String keyStorePassword = "";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> config = config.withPort(Integer.parseInt(value));
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--auth-plugin" -> config = config.withPlugin(AuthPlugin.byWireName(value));
                case "--keystore" -> keyStore = Path.of(value);
                case "--keystore-password" -> keyStorePassword = value;
                case "--max-connections" -> config = config.withMaxConnections(Integer.parseInt(value));
                case "--read-timeout" -> config = config.withReadTimeout(Duration.ofSeconds(Long.parseLong(value)));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (user == null || password == null) {
            throw new IllegalArgumentException("--user and --password are required");
        }
        config = new ServerConfig(config.host(), config.port(), user, password, config.plugin(), config.tls(),
                config.maxConnections(), config.readTimeout(), config.serverVersion());
        if (keyStore != null) {
            config = config.withTls(KeyStores.serverContext(keyStore, keyStorePassword.toCharArray()));
        }
        return config;
    }
}
