package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.CompatibilityMode;
import io.sqlxwire.examples.bridge.SqlDatabase;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** A pg-server on a free port with its own in-memory database, for one test class. */
final class TestServer implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "s3cret pass";

    final SqlDatabase database;
    final PgServer server;

    TestServer(PgServerConfig.AuthMethod auth, SSLContext tls, int maxConnections, Duration readTimeout) throws Exception {
        database = SqlDatabase.inMemory(CompatibilityMode.POSTGRESQL);
        server = PgServer.start(new PgServerConfig(USER, PASSWORD, auth, database, tls, readTimeout),
                InetAddress.getLoopbackAddress(), 0, maxConnections);
    }

    static TestServer scram() throws Exception {
        return new TestServer(PgServerConfig.AuthMethod.SCRAM_SHA_256, null, 20, Duration.ofSeconds(30));
    }

    int port() {
        return server.port();
    }

    String jdbcUrl(String extra) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/test" + (extra.isEmpty() ? "" : "?" + extra);
    }

    Connection pgjdbc(String extra) throws Exception {
        return DriverManager.getConnection(jdbcUrl(extra), USER, PASSWORD);
    }

    /** A direct JDBC connection to the same H2 database: the reference the tests compare with. */
    Connection h2() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), "sa", "");
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }

    /** A PKCS12 key store with a self-signed certificate for localhost, made by the JDK's keytool. */
    static Path selfSignedKeyStore(Path dir, String password) throws Exception {
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "pg-server", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(store)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    /** Runs a command; returns exit code, stdout and stderr. */
    static ProcessResult run(List<String> command, java.util.Map<String, String> env, String stdin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process p = builder.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                return new byte[0];
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new ProcessResult(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8),
                new String(err.get(), java.nio.charset.StandardCharsets.UTF_8));
    }

    record ProcessResult(int exitCode, String stdout, String stderr) {
    }
}
