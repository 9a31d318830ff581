package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.java.detect.RecordedConnection;
import io.sqlxwire.runtime.detect.ByteMatch;
import io.sqlxwire.runtime.detect.Detection;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import io.sqlxwire.runtime.detect.Signature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The detector over every description never crashes and never names a protocol whose signature the
 * bytes do not match, on random bytes and on real first flights with bytes changed or cut off.
 */
class DetectPropertiesTest {

    private static final ProtocolDetector DETECTOR = new ProtocolDetector(DetectFixtures.SIGNATURES);

    private static final List<byte[]> FIRST_FLIGHTS = DetectFixtures.conversations().stream()
            .map(DetectFixtures::segments)
            .filter(s -> s.get(0).fromClient())
            .map(DetectFixtures::clientFirstFlight)
            .map(b -> Arrays.copyOf(b, Math.min(b.length, 600)))
            .toList();

    @Property(tries = 5000)
    void randomBytesNeverCrashNorClaimAnUnmatchedSignature(@ForAll @Size(max = 48) byte[] bytes, @ForAll boolean silent) {
        judgeAndCheck(bytes, silent);
    }

    @Property(tries = 5000)
    void mutatedAndCutRealFirstFlightsNeverCrashNorClaimAnUnmatchedSignature(@ForAll("mutatedFlights") byte[] bytes,
                                                                             @ForAll boolean silent) {
        judgeAndCheck(bytes, silent);
    }

    @Provide
    Arbitrary<byte[]> mutatedFlights() {
        return Arbitraries.of(FIRST_FLIGHTS).flatMap(flight -> Arbitraries.integers().between(0, flight.length)
                .flatMap(cut -> Arbitraries.integers().between(0, Math.max(0, flight.length - 1))
                        .flatMap(at -> Arbitraries.bytes().map(value -> {
                            byte[] copy = Arrays.copyOf(flight, cut);
                            if (at < copy.length) {
                                copy[at] = value;
                            }
                            return copy;
                        }))));
    }

    @Test
    void aRealTlsClientHelloWithoutADatabaseAlpnIsTls() {
        // MySQL switched to TLS after its SSL request; the third client segment is the ClientHello.
        Path conv = DetectFixtures.CONVERSATIONS.resolve("third-party/mysql/zeek-tls-13-amazon-rds.conv");
        List<RecordedConnection.Segment> segments = DetectFixtures.segments(conv);
        byte[] hello = segments.stream().filter(RecordedConnection.Segment::fromClient).skip(1).findFirst().orElseThrow().bytes();
        assertEquals(0x16, hello[0] & 0xFF);
        Detection d = DETECTOR.detect(hello, 0, hello.length);
        assertEquals(Detection.Outcome.TLS, d.outcome(), d::toString);
        for (int n = 1; n < Math.min(hello.length, 64); n++) {
            assertEquals(Detection.Outcome.NEED_MORE, DETECTOR.detect(hello, 0, n).outcome(), "prefix " + n);
        }
    }

    private static void judgeAndCheck(byte[] bytes, boolean silent) {
        Detection d = DETECTOR.detect(bytes, 0, bytes.length, silent ? Duration.ofHours(1) : Duration.ZERO);
        if (!d.isProtocol()) {
            return;
        }
        switch (d.basis()) {
            case SIGNATURE -> {
                Signature s = DetectFixtures.SIGNATURES.stream()
                        .filter(x -> x.protocol().equals(d.protocol()) && x.name().equals(d.evidence()))
                        .findFirst().orElseThrow(() -> new AssertionError("no such signature: " + d));
                assertTrue(bytes.length >= s.minBytes(), () -> d + " claimed on " + bytes.length + " bytes");
                for (ByteMatch m : s.matches()) {
                    byte[] want = m.bytes();
                    byte[] mask = m.mask();
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i] & mask[i], bytes[m.offset() + i] & mask[i], d::toString);
                    }
                }
            }
            case ALPN -> assertEquals(0x16, bytes[0] & 0xFF, d::toString);
            case SILENCE -> assertEquals(0, bytes.length, d::toString);
            default -> throw new AssertionError("the client's bytes cannot give " + d);
        }
    }
}
