package io.sqlxwire.examples.myserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line as bin/example runs it: announces its address, then serves the mariadb CLI. */
class MainTest {
    @Test
    void printsWhereItListensAndServes() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0", "--user", "cli", "--password", "pw",
                "--auth-plugin", "mysql_native_password").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(line));
            assertTrue(m.matches(), line);
            TestServers.Result r = TestServers.run(List.of("/usr/bin/mariadb", "-h", "127.0.0.1", "-P", m.group(1),
                    "-u", "cli", "-ppw", "--skip-ssl", "--batch", "-e", "select 6 * 7 as answer"), 60);
            assertEquals(0, r.exit(), r.output());
            assertEquals("answer\n42\n", r.output());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void refusesIncompleteArguments() throws Exception {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--port", "0"}));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--user", "u", "--password", "p", "--auth-plugin", "sha256_password"}));
        ServerConfig config = Main.parse(new String[] {"--port", "3307", "--user", "u", "--password", "p",
                "--max-connections", "3", "--read-timeout", "9"});
        assertEquals(3307, config.port());
        assertEquals(AuthPlugin.CACHING_SHA2_PASSWORD, config.plugin());
        assertEquals(3, config.maxConnections());
        assertEquals(9, config.readTimeout().toSeconds());
    }
}
