package io.sqlxwire.examples.wireserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private WireServer start(String... args) throws Exception {
        return Main.start(args, print(out), print(err), options -> Map.of(
                OnePortDetector.POSTGRESQL, StubHandlers.postgres(),
                OnePortDetector.MYSQL, StubHandlers.mysql()));
    }

    @Test
    void printsTheChosenPortAndServesOnIt() throws Exception {
        try (WireServer server = start("--port", "0", "--user", "u", "--password", "p", "--silence-ms", "100")) {
            assertTrue(server.port() > 0);
            assertEquals("listening on 127.0.0.1:" + server.port() + "\n", out.toString(StandardCharsets.UTF_8));
            try (Socket silent = Clients.connect(server.port())) {
                assertEquals("mysql", Clients.answer(silent));
            }
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("wire-server: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesToStartWithAProtocolNobodyServes() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Main.start(
                new String[] {"--port", "0", "--user", "u", "--password", "p"}, print(out), print(err),
                options -> Map.of(OnePortDetector.POSTGRESQL, StubHandlers.postgres())));
        assertEquals("no server for mysql (see ServerHandlers)", e.getMessage());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    /** The program as {@code bin/example wire-server} runs it: its own JVM, psql and the mariadb CLI on its port. */
    @Test
    void theProgramServesPsqlAndTheMariadbClientOnItsOnePort() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--user", RealClients.USER, "--password", RealClients.PASSWORD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String listening = lines.readLine();
            assertTrue(listening != null && listening.matches("listening on 127\\.0\\.0\\.1:\\d+"), listening);
            int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
            assertEquals("CREATE TABLE\nINSERT 0 1\n",
                    RealClients.psql(port, "create table hello (id serial primary key, word text)",
                            "insert into hello (word) values ('from psql')"));
            assertEquals("id\tword\n1\tfrom psql\n", RealClients.mariadb(port, "select id, word from hello"));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void parsesOptions() {
        Options o = Options.parse("--password", "secret", "--port", "5433", "--user", "app",
                "--silence-ms", "250", "--max-connections", "7");
        assertEquals(new Options(5433, "app", "secret", Duration.ofMillis(250), 7), o);
    }

    @Test
    void reportsWrongArguments() {
        assertMessage("--port, --user and --password are required", "--port", "0", "--user", "u");
        assertMessage("unknown option --host", "--host", "x", "--port", "0", "--user", "u", "--password", "p");
        assertMessage("--port takes a number from 0 to 65535, not '70000'", "--port", "70000");
        assertMessage("--user needs a value", "--port", "1", "--user");
    }

    private static void assertMessage(String message, String... args) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Options.parse(args)).getMessage());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
