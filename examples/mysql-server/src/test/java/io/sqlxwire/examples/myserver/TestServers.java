package io.sqlxwire.examples.myserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** Servers for the tests, a key store made with keytool, and running the command-line clients. */
final class TestServers {
    static final String USER = "app";
    static final String PASSWORD = "s3cret-pw";
    static final String KEYSTORE_PASSWORD = "changeit";

    private TestServers() {
    }

    static MyServer start(AuthPlugin plugin, SSLContext tls) throws Exception {
        ServerConfig config = ServerConfig.of(USER, PASSWORD).withPlugin(plugin).withTls(tls);
        return MyServer.start(config);
    }

    /** A self-signed RSA key pair in a PKCS#12 key store, as an administrator would make it. */
    static Path keyStore(Path dir) throws Exception {
        Path file = dir.resolve("server.p12");
        Result r = run(List.of("keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD), 60);
        if (r.exit() != 0) {
            throw new IllegalStateException("keytool failed: " + r.output());
        }
        return file;
    }

    static SSLContext tls(Path keyStore) throws IOException {
        return KeyStores.serverContext(keyStore, KEYSTORE_PASSWORD.toCharArray());
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, int timeoutSeconds) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** The mariadb command-line client, batch mode (tab-separated output). */
    static Result mariadb(MyServer server, String sql, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/mariadb", "-h", "127.0.0.1",
                "-P", String.valueOf(server.port()), "-u", USER, "-p" + PASSWORD, "--batch"));
        command.addAll(List.of(options));
        command.addAll(List.of("-e", sql));
        return run(command, 60);
    }

    /**
     * Whether the system Python has the {@code cryptography} package, which PyMySQL needs for the RSA
     * exchange of caching_sha2_password (Debian's python3-pymysql only recommends it).
     */
    static boolean pythonHasCryptography() throws Exception {
        return run(List.of("/usr/bin/python3", "-c", "import cryptography"), 60).exit() == 0;
    }

    /** A Python program with PyMySQL, given host, port, user and password as sys.argv[1..4]. */
    static Result python(MyServer server, String program) throws Exception {
        return run(List.of("/usr/bin/python3", "-c", program, "127.0.0.1", String.valueOf(server.port()), USER,
                PASSWORD), 60);
    }
}
