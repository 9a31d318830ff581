package io.sqlxwire.examples.pgserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as bin/example runs it: the announcement, and --database keeping data in a file. */
class MainTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)\\R");

    private static int port(ByteArrayOutputStream printed) {
        Matcher m = LISTENING.matcher(printed.toString(StandardCharsets.UTF_8));
        assertTrue(m.matches(), printed.toString(StandardCharsets.UTF_8));
        return Integer.parseInt(m.group(1));
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/any", "u", "p");
    }

    @Test
    void portZeroAnnouncesTheChosenPortAndAFileDatabaseKeepsItsData(@TempDir Path dir) throws Exception {
        String[] args = {"--port", "0", "--user", "u", "--password", "p", "--database", dir.resolve("kept").toString()};
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Main.Running running = Main.start(ServerOptions.parse(args), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            int port = port(printed);
            assertEquals(running.server().port(), port);
            try (Connection c = connect(port)) {
                c.createStatement().execute("create table kept (v varchar(10))");
                c.createStatement().execute("insert into kept values ('survives')");
            }
        }
        assertTrue(dir.resolve("kept.mv.db").toFile().exists());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (Main.Running running = Main.start(ServerOptions.parse(args), new PrintStream(again, true, StandardCharsets.UTF_8));
             Connection c = connect(port(again)); ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertEquals(running.server().port(), port(again));
            assertTrue(rs.next());
            assertEquals("survives", rs.getString(1));
        }
    }
}
