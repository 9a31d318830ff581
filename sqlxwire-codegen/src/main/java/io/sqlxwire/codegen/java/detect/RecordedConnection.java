package io.sqlxwire.codegen.java.detect;

import io.sqlxwire.runtime.detect.Detection;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Replays a recorded connection (its TCP segments in the order sent) through a detector as a server
 * would have seen it live: the client's first flight of bytes, and silence when the server spoke first.
 *
 * <ul>
 * <li>Server bytes first: the client was silent for the whole timeout, so the silence answer stands;
 *     the server's greeting is then matched against the server-first signatures, which confirms (or
 *     corrects, when several protocols greet first) the protocol.</li>
 * <li>Client bytes first: the bytes the client sent before the server's first answer are judged. If
 *     they leave the answer undecided, the client was waiting for the server: it fell silent, and the
 *     detector settles on what it has.</li>
 * </ul>
 */
public final class RecordedConnection {

    /** One TCP segment: from the client (the side that opened the connection) or from the server. */
    public record Segment(boolean fromClient, byte[] bytes) {}

    private RecordedConnection() {}

    public static Detection detect(ProtocolDetector detector, List<Segment> segments) {
        if (segments.isEmpty()) {
            return detector.detect(new byte[0], 0, 0, detector.silenceTimeout());
        }
        if (!segments.get(0).fromClient()) {
            Detection silence = detector.detect(new byte[0], 0, 0, detector.silenceTimeout());
            byte[] greeting = flight(segments, false);
            Detection confirmed = detector.detectServerGreeting(greeting, 0, greeting.length);
            return confirmed.isProtocol() ? confirmed : silence;
        }
        byte[] first = flight(segments, true);
        Detection d = detector.detect(first, 0, first.length);
        if (d.outcome() == Detection.Outcome.NEED_MORE) {
            d = detector.detect(first, 0, first.length, detector.silenceTimeout());
        }
        return d;
    }

    /** The bytes of the leading segments from one side, up to the other side's first segment. */
    private static byte[] flight(List<Segment> segments, boolean fromClient) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Segment segment : segments) {
            if (segment.fromClient() != fromClient) {
                break;
            }
            bytes.writeBytes(segment.bytes());
        }
        return bytes.toByteArray();
    }
}
