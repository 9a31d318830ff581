package io.sqlxwire.examples.wireserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The four real clients of the one port: pgjdbc, MariaDB Connector/J, psql and the mariadb CLI. */
final class RealClients {

    static final String USER = "app";
    static final String PASSWORD = "s3cret";

    private RealClients() {}

    static Connection pgjdbc(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/app?sslmode=disable", USER, PASSWORD);
    }

    /**
     * MariaDB Connector/J on database {@code public}: a MySQL database is an H2 schema, and
     * PostgreSQL clients' tables are in {@code public} (the PostgreSQL database name is not used).
     * The server's account uses caching_sha2_password, whose first login without
     * TLS needs the server's RSA key.
     */
    static Connection mariadbJdbc(int port, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port
                + "/public?sslMode=disable&allowPublicKeyRetrieval=true" + options, USER, PASSWORD);
    }

    /** {@code psql -At}: one line per row, columns separated by '|'. Fails the test on a non-zero exit. */
    static String psql(int port, String... commands) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, "-d", "app"));
        for (String c : commands) {
            command.add("-c");
            command.add(c);
        }
        // sslmode=prefer (libpq's default): the router hands psql's SSLRequest to the server, which says 'N'.
        return succeeded(run(command, Map.of("PGPASSWORD", PASSWORD, "PGSSLMODE", "prefer", "PGCONNECT_TIMEOUT", "20")));
    }

    /** {@code mariadb --batch} on database {@code public}: a header line, then one line per row, columns separated by tabs. */
    static String mariadb(int port, String sql) throws Exception {
        return succeeded(run(List.of("/usr/bin/mariadb", "-h", "127.0.0.1", "-P", String.valueOf(port),
                "-u", USER, "-p" + PASSWORD, "--skip-ssl", "--batch", "--connect-timeout=20", "-D", "public",
                "-e", sql), Map.of()));
    }

    record Result(int exit, String stdout, String stderr) {}

    static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process p = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
    }

    private static String succeeded(Result r) {
        if (r.exit() != 0) {
            throw new AssertionError("exit " + r.exit() + ": " + r.stderr() + r.stdout());
        }
        return r.stdout();
    }
}
