package io.sqlxwire.examples.pgcapture;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One recorded TCP connection in the conversation-file format: a first comment line, then one line
 * per TCP segment in the order sent, {@code C <hex>} from the side that opened the connection and
 * {@code S <hex>} from the other side. Segments are what the network delivered, not messages.
 *
 * @param description the first comment line without its {@code #}, or empty
 * @param segments    the segments in the order they were sent
 */
public record Conversation(String description, List<Segment> segments) {

    /** The bytes of one TCP segment, from the client or from the server, and where they were written. */
    public record Segment(int line, boolean fromClient, byte[] bytes) {}

    public Conversation {
        segments = List.copyOf(segments);
    }

    /**
     * Reads a conversation file. Lines starting with {@code #} and empty lines are skipped.
     *
     * @throws IllegalArgumentException naming the line, when a line is neither a comment nor a segment
     */
    public static Conversation parse(String text) {
        String description = "";
        List<Segment> segments = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (segments.isEmpty() && description.isEmpty()) {
                    description = line.substring(1).strip();
                }
                continue;
            }
            segments.add(segment(number, line));
        }
        return new Conversation(description, segments);
    }

    private static Segment segment(int number, String line) {
        char side = line.charAt(0);
        if ((side != 'C' && side != 'S') || line.length() < 3 || line.charAt(1) != ' ') {
            throw new IllegalArgumentException("line " + number + ": expected 'C <hex>' or 'S <hex>'");
        }
        String hex = line.substring(2).strip();
        try {
            return new Segment(number, side == 'C', HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + ": not an even number of hex digits", e);
        }
    }
}
