package io.sqlxwire.examples.pgcapture;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code java -jar pg-capture-reader.jar [FILE.conv]}: reads a recorded PostgreSQL connection with
 * the codecs generated from {@code postgresql.wire} and prints what happened on it. Without a file
 * it reads the capture bundled with the program (psql talking to PostgreSQL 15.18).
 *
 * <p>Exit status: 0 the capture was read to its end, 1 it holds bytes that are not a valid
 * PostgreSQL conversation (the transcript up to them and the reason are printed), 2 bad arguments
 * or an unreadable file.
 */
public final class Main {

    /** The capture bundled as a resource, and what it is. */
    static final String BUNDLED = "pg-psql-scram-simple.conv";

    private static final String USAGE = "usage: pg-capture-reader [FILE.conv]";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            boolean help = args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"));
            (help ? out : err).println(USAGE);
            (help ? out : err).println("Prints the queries, result rows, command tags and errors of a recorded PostgreSQL"
                    + " connection (a conversation file); without FILE, of the bundled " + BUNDLED + ".");
            return help ? 0 : 2;
        }
        String name;
        Conversation conversation;
        try {
            name = args.length == 1 ? args[0] : BUNDLED + " (bundled)";
            conversation = Conversation.parse(args.length == 1 ? Files.readString(Path.of(args[0])) : bundled());
        } catch (NoSuchFileException e) {
            err.println("pg-capture-reader: no such file: " + e.getFile());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("pg-capture-reader: cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("pg-capture-reader: " + (args.length == 1 ? args[0] : BUNDLED) + ": " + e.getMessage());
            return 2;
        }
        out.println("capture: " + name + (conversation.description().isEmpty() ? "" : " -- " + conversation.description()));
        return read(conversation, out, err);
    }

    /** Replays the conversation into the transcript; 0 when it was read to its end, else 1. */
    static int read(Conversation conversation, PrintStream out, PrintStream err) {
        Transcript transcript = new Transcript(out);
        TranscriptMachine machine = new TranscriptMachine(transcript);
        ConnectionReplay replay = new ConnectionReplay(machine);
        for (Conversation.Segment segment : conversation.segments()) {
            try {
                replay.feed(segment.fromClient(), segment.bytes());
            } catch (ConnectionReplay.ReplayException e) {
                transcript.flushTable();
                err.println("pg-capture-reader: line " + segment.line() + ": " + e.getMessage());
                return 1;
            }
        }
        transcript.flushTable();
        out.println("end of capture: " + messages(replay.clientMessages()) + " from the client, "
                + messages(replay.serverMessages()) + " from the server; conversation state " + machine.state());
        int status = 0;
        for (boolean client : new boolean[] {true, false}) {
            int pending = replay.pendingBytes(client);
            if (pending > 0) {
                err.println("pg-capture-reader: the capture ends inside a message: " + pending + " bytes from the "
                        + (client ? "client" : "server") + " do not make a whole message");
                status = 1;
            }
        }
        return status;
    }

    private static String messages(int count) {
        return count + (count == 1 ? " message" : " messages");
    }

    private static String bundled() throws IOException {
        try (InputStream in = Main.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("the bundled capture " + BUNDLED + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
