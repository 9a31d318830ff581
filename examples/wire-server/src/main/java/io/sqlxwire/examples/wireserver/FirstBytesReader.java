package io.sqlxwire.examples.wireserver;

import io.sqlxwire.runtime.detect.Detection;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads a new connection's first bytes until the detector answers, polling the socket with a read
 * timeout so that silence is noticed: the timeout of each read is what remains of the detector's
 * silence timeout since the last byte (or since the connection opened).
 *
 * <p>Bounded twice: it never holds more than {@code maxBytes} (a detector that wants more is settled
 * on what it has), and it gives up on a client that trickles bytes for longer than {@code deadline}
 * (each byte restarts the silence timer, so silence alone would not stop a slow sender).
 */
final class FirstBytesReader {

    /** Far enough in the future for the detector to settle every undecided answer. */
    private static final Duration SETTLE = Duration.ofDays(1);

    private final ProtocolDetector detector;
    private final int maxBytes;
    private final long deadlineNanos;
    private final long silenceNanos;

    FirstBytesReader(ProtocolDetector detector, int maxBytes, Duration deadline) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (deadline.compareTo(detector.silenceTimeout()) < 0) {
            throw new IllegalArgumentException("the detection deadline " + deadline
                    + " is shorter than the silence timeout " + detector.silenceTimeout());
        }
        this.detector = detector;
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadline.toNanos();
        this.silenceNanos = detector.silenceTimeout().toNanos();
    }

    FirstBytes read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[Math.min(maxBytes, 256)];
        int length = 0;
        long start = System.nanoTime();
        long lastByte = start;
        while (true) {
            long now = System.nanoTime();
            Detection answer = detector.detect(buffer, 0, length, Duration.ofNanos(now - lastByte));
            if (answer.outcome() != Detection.Outcome.NEED_MORE) {
                return new FirstBytes(answer, Arrays.copyOf(buffer, length), FirstBytes.Stop.DECIDED);
            }
            if (length + answer.moreBytes() > maxBytes) {
                return settle(buffer, length, FirstBytes.Stop.TOO_MANY_BYTES);
            }
            long wait = Math.min(silenceNanos - (now - lastByte), deadlineNanos - (now - start));
            if (wait <= 0) {
                return settle(buffer, length, FirstBytes.Stop.DEADLINE);
            }
            if (buffer.length < length + answer.moreBytes()) {
                buffer = Arrays.copyOf(buffer, Math.min(maxBytes, Math.max(2 * buffer.length, length + answer.moreBytes())));
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (wait + 999_999) / 1_000_000)));
            int read;
            try {
                // Whatever has arrived, up to the buffer's end: bytes read past what the detector
                // needs are handed over with the rest, so reading greedily loses nothing.
                read = in.read(buffer, length, buffer.length - length);
            } catch (SocketTimeoutException silence) {
                continue; // the next detect() sees the longer silence
            }
            if (read < 0) {
                return settle(buffer, length, FirstBytes.Stop.CLIENT_CLOSED);
            }
            length += read;
            lastByte = System.nanoTime();
        }
    }

    /**
     * The detector's answer on the bytes as they are, as if the client had gone silent: the best
     * match so far, or none. A client that sent nothing at all is not a silent client of a
     * server-first protocol here (it closed, or only trickled nothing), so it gets "none".
     */
    private FirstBytes settle(byte[] buffer, int length, FirstBytes.Stop stop) {
        Detection answer = length == 0
                ? new Detection(Detection.Outcome.NONE, null, null, null, 0)
                : detector.detect(buffer, 0, length, SETTLE);
        return new FirstBytes(answer, Arrays.copyOf(buffer, length), stop);
    }
}
