package io.sqlxwire.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ProtocolDetectorPropertiesTest {

    private final ProtocolDetector detector = new ProtocolDetector(Signatures.ALL, Duration.ofMillis(10));

    @Property(tries = 3000)
    void randomBytesNeverCrashAndNeverClaimAnUnmatchedSignature(@ForAll @Size(max = 64) byte[] bytes,
                                                                @ForAll boolean silent) {
        Detection d = detector.detect(bytes, 0, bytes.length, silent ? Duration.ofSeconds(1) : Duration.ZERO);
        assertClaimIsJustified(bytes, d);
    }

    @Property(tries = 2000)
    void bytesStartingLikeTlsNeverCrash(@ForAll("tlsLike") byte[] bytes) {
        assertClaimIsJustified(bytes, detector.detect(bytes, 0, bytes.length));
    }

    @Property(tries = 2000)
    void aMutatedClientHelloNeverCrashes(@ForAll @IntRange(min = 0, max = 200) int position, @ForAll byte value,
                                         @ForAll @IntRange(min = 0, max = 3) int cut) {
        byte[] hello = ClientHellos.withAlpn("h2", "postgresql");
        hello[position % hello.length] = value;
        int length = hello.length - cut;
        assertClaimIsJustified(java.util.Arrays.copyOf(hello, length), detector.detect(hello, 0, length));
    }

    @Provide
    Arbitrary<byte[]> tlsLike() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(tail -> {
            byte[] b = new byte[tail.length + 6];
            b[0] = 0x16;
            b[1] = 3;
            b[2] = 1;
            b[3] = (byte) (tail.length + 1 >>> 8);
            b[4] = (byte) (tail.length + 1);
            b[5] = 1;
            System.arraycopy(tail, 0, b, 6, tail.length);
            return b;
        });
    }

    /** A claim must be backed by the very signature it names, checked here independently of the detector. */
    private static void assertClaimIsJustified(byte[] bytes, Detection d) {
        if (d.outcome() == Detection.Outcome.NEED_MORE) {
            assertTrue(d.moreBytes() > 0);
        }
        if (!d.isProtocol()) {
            return;
        }
        switch (d.basis()) {
            case SIGNATURE -> {
                Signature s = Signatures.ALL.stream().filter(x -> x.name().equals(d.evidence())).findFirst().orElseThrow();
                assertEquals(s.protocol(), d.protocol());
                assertTrue(bytes.length >= s.bytesNeeded(), "claimed " + s + " on too few bytes");
                for (ByteMatch m : s.matches()) {
                    byte[] want = m.bytes();
                    byte[] mask = m.mask();
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i] & mask[i], bytes[m.offset() + i] & mask[i], "claimed " + s);
                    }
                }
            }
            case ALPN -> {
                assertEquals(0x16, bytes[0] & 0xFF);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                assertTrue(text.contains((char) d.evidence().length() + d.evidence()), "ALPN name not in the bytes");
            }
            case SILENCE -> assertEquals(0, bytes.length, "silence claimed although the client spoke");
            default -> throw new AssertionError("unexpected basis " + d);
        }
    }
}
