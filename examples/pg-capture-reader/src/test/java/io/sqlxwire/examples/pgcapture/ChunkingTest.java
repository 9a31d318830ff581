package io.sqlxwire.examples.pgcapture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * TCP segments are not messages: the transcript must not depend on how the bytes were cut. The
 * same connection is replayed one byte at a time, with each side's run of segments joined into
 * one, and cut at random points.
 */
class ChunkingTest {

    private static final Conversation RECORDED = recorded();

    private static Conversation recorded() {
        try {
            return Conversation.parse(MainTest.resource(Main.BUNDLED));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String transcript(Conversation conversation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.read(conversation, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Recuts every segment into pieces of at most {@code size} bytes. */
    private static Conversation recut(int size) {
        List<Conversation.Segment> pieces = new ArrayList<>();
        for (Conversation.Segment segment : RECORDED.segments()) {
            byte[] bytes = segment.bytes();
            for (int from = 0; from < bytes.length; from += size) {
                byte[] piece = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size));
                pieces.add(new Conversation.Segment(segment.line(), segment.fromClient(), piece));
            }
        }
        return new Conversation(RECORDED.description(), pieces);
    }

    @Test
    void oneByteAtATime() {
        assertEquals(transcript(RECORDED), transcript(recut(1)));
    }

    @Test
    void eachSidesTurnInOneSegment() {
        List<Conversation.Segment> joined = new ArrayList<>();
        for (Conversation.Segment segment : RECORDED.segments()) {
            Conversation.Segment last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.fromClient() == segment.fromClient()) {
                byte[] both = Arrays.copyOf(last.bytes(), last.bytes().length + segment.bytes().length);
                System.arraycopy(segment.bytes(), 0, both, last.bytes().length, segment.bytes().length);
                joined.set(joined.size() - 1, new Conversation.Segment(last.line(), last.fromClient(), both));
            } else {
                joined.add(segment);
            }
        }
        assertEquals(transcript(RECORDED), transcript(new Conversation(RECORDED.description(), joined)));
    }

    @Property(tries = 50)
    void piecesOfAnySize(@ForAll @IntRange(min = 1, max = 200) int size) {
        assertEquals(transcript(RECORDED), transcript(recut(size)));
    }
}
