package io.sqlxwire.codegen.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Framing from arbitrary chunks: the same messages whatever the segmentation. */
class FrameSplitterTest {

    private static final ProtocolModel POSTGRESQL = InterpFixtures.dialect("postgresql");
    private static final ProtocolModel MYSQL = InterpFixtures.dialect("mysql");
    private static final ProtocolModel REDIS = InterpFixtures.dialect("redis");

    private static List<String> rechunked(ProtocolModel model, String capture, int chunk) {
        List<InterpFixtures.Segment> pieces = new ArrayList<>();
        for (InterpFixtures.Segment segment : InterpFixtures.conversation(capture)) {
            byte[] bytes = segment.bytes();
            for (int at = 0; at < bytes.length; at += chunk) {
                pieces.add(new InterpFixtures.Segment(segment.sender(),
                        Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk))));
            }
        }
        return InterpFixtures.decode(model, pieces).stream().map(DecodedMessage::toJson).toList();
    }

    private static List<String> whole(ProtocolModel model, String capture) {
        return InterpFixtures.decode(model, InterpFixtures.conversation(capture)).stream()
                .map(DecodedMessage::toJson).toList();
    }

    @Property(tries = 12)
    void anySegmentationGivesTheSameMessages(@ForAll @IntRange(min = 1, max = 64) int chunk) {
        assertEquals(whole(POSTGRESQL, "pg-psql-scram-simple.conv"), rechunked(POSTGRESQL, "pg-psql-scram-simple.conv", chunk));
        assertEquals(whole(MYSQL, "my-pymysql.conv"), rechunked(MYSQL, "my-pymysql.conv", chunk));
        assertEquals(whole(REDIS, "redis-cli-resp2.6.conv"), rechunked(REDIS, "redis-cli-resp2.6.conv", chunk));
    }

    private static FrameSplitter splitter(ProtocolModel model) {
        return new FrameSplitter(new LayoutInterpreter(model, Limits.DEFAULTS), Limits.DEFAULTS);
    }

    private static Session session(ProtocolModel model) {
        return Session.initial(model, new ExprEvaluator());
    }

    @Test
    void headedFrameWaitsForItsBody() {
        FramingModel tagged = POSTGRESQL.framing("tagged").orElseThrow();
        FrameSplitter splitter = splitter(POSTGRESQL);
        splitter.feed(HexFormat.of().parseHex("5a000000"));
        assertNull(splitter.next(tagged, session(POSTGRESQL)));
        splitter.feed(HexFormat.of().parseHex("0549"));
        Frame frame = splitter.next(tagged, session(POSTGRESQL));
        assertEquals(5, frame.bodyOffset());
        assertEquals(1, frame.bodyLength());
        assertEquals(0, splitter.buffered());
    }

    @Test
    void lengthBeyondTheFramingMaximumLosesTheFraming() {
        FramingModel untagged = POSTGRESQL.framing("untagged").orElseThrow();
        FrameSplitter splitter = splitter(POSTGRESQL);
        splitter.feed(HexFormat.of().parseHex("7fffffff"));
        FramingLost lost = assertThrows(FramingLost.class, () -> splitter.next(untagged, session(POSTGRESQL)));
        assertTrue(lost.getMessage().contains("outside 0..10000"), lost.getMessage());
    }

    @Test
    void continuedMysqlPacketsAreJoined() {
        FramingModel packet = MYSQL.framing("packet").orElseThrow();
        FrameSplitter splitter = splitter(MYSQL);
        byte[] first = new byte[4 + 0xFFFFFF];
        first[0] = (byte) 0xFF;
        first[1] = (byte) 0xFF;
        first[2] = (byte) 0xFF;
        splitter.feed(first);
        assertNull(splitter.next(packet, session(MYSQL)));
        splitter.feed(HexFormat.of().parseHex("02000001abcd"));
        Frame frame = splitter.next(packet, session(MYSQL));
        assertEquals(0xFFFFFF + 2, frame.bodyLength());
        assertEquals(4 + 0xFFFFFF + 6, frame.streamLength());
        assertEquals((byte) 0xab, frame.bytes().i8(4 + 0xFFFFFF));
    }

    @Test
    void delimitedFrameAsksForMoreUntilItsValueEnds() {
        FramingModel reply = REDIS.framing("reply").orElseThrow();
        FrameSplitter splitter = splitter(REDIS);
        splitter.feed("*2\r\n$3\r\nfo".getBytes());
        assertNull(splitter.next(reply, session(REDIS)));
        splitter.feed("o\r\n:7\r\n+OK".getBytes());
        assertEquals(17, splitter.next(reply, session(REDIS)).streamLength());
        assertNull(splitter.next(reply, session(REDIS)));
        splitter.feed("\r\n".getBytes());
        assertEquals(5, splitter.next(reply, session(REDIS)).streamLength());
    }

    @Test
    void delimitedGarbageLosesTheFraming() {
        FramingModel reply = REDIS.framing("reply").orElseThrow();
        FrameSplitter splitter = splitter(REDIS);
        splitter.feed(":12x\r\n".getBytes());
        FramingLost lost = assertThrows(FramingLost.class, () -> splitter.next(reply, session(REDIS)));
        assertTrue(lost.getMessage().contains("not a decimal digit"), lost.getMessage());
    }
}
