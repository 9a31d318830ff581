package io.sqlxwire.runtime.detect;

import static io.sqlxwire.runtime.detect.Signatures.bytes;
import static io.sqlxwire.runtime.detect.Signatures.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolDetectorTest {

    private final ProtocolDetector detector = new ProtocolDetector(Signatures.ALL, Duration.ofMillis(100));

    private Detection detect(byte[] bytes) {
        return detector.detect(bytes, 0, bytes.length);
    }

    @Test
    void aStartupMessageIsPostgresql() {
        Detection d = detect(hex("00000037 00030000 75736572 00617070 00"));
        assertEquals("postgresql by signature startup", d.toString());
        assertEquals(Detection.Basis.SIGNATURE, d.basis());
    }

    @Test
    void anSslRequestIsPostgresql() {
        assertEquals("postgresql by signature ssl_request", detect(hex("0000000804d2162f")).toString());
    }

    @Test
    void tooFewBytesAskForTheFewestThatSettleSomething() {
        Detection d = detect(hex("000000"));
        assertEquals(Detection.Outcome.NEED_MORE, d.outcome());
        assertEquals(5, d.moreBytes(), "the ssl_request and startup need 8 bytes; nothing settles sooner");
    }

    @Test
    void bytesNoSignatureCanMatchAreNone() {
        assertEquals(Detection.Outcome.NONE, detect(hex("ff")).outcome());
        assertEquals(Detection.Outcome.NONE, detect(hex("0102030405060708090a")).outcome());
    }

    @Test
    void theMostSpecificMatchWins() {
        // "GET /" matches both the weak inline-command signature (6 bits) and HTTP's (40 bits).
        assertEquals("http", detect(bytes("GET / HTTP/1.1\r\n")).protocol());
        assertEquals("redis", detect(bytes("GET key\r\n")).protocol());
    }

    @Test
    void aWeakMatchWaitsWhileAStrongerOneIsUndecided() {
        Detection d = detect(bytes("GET "));
        assertEquals(Detection.Outcome.NEED_MORE, d.outcome(), "'GET ' could still become 'GET /'");
        assertEquals(1, d.moreBytes());
        Detection settled = detector.detect(bytes("GET "), 0, 4, Duration.ofMillis(100));
        assertEquals("redis by signature inline", settled.toString(), "after the timeout the best match so far is taken");
    }

    @Test
    void tiesGoToDeclarationOrder() {
        Signature first = Signature.client("first", "a", 1, ByteMatch.hex(0, "41", "ff"));
        Signature second = Signature.client("second", "b", 1, ByteMatch.hex(0, "41", "ff"));
        assertEquals("first", new ProtocolDetector(List.of(first, second)).detect(bytes("A"), 0, 1).protocol());
        assertEquals("second", new ProtocolDetector(List.of(second, first)).detect(bytes("A"), 0, 1).protocol());
    }

    @Test
    void aSilentClientMeansTheServerSpeaksFirst() {
        byte[] none = new byte[0];
        assertEquals(Detection.Outcome.NEED_MORE, detector.detect(none, 0, 0, Duration.ofMillis(99)).outcome());
        Detection d = detector.detect(none, 0, 0, Duration.ofMillis(100));
        assertEquals("mysql by silence", d.toString());
        ProtocolDetector clientFirstOnly = new ProtocolDetector(List.of(Signatures.PG_STARTUP), Duration.ZERO);
        assertEquals(Detection.Outcome.NONE, clientFirstOnly.detect(none, 0, 0).outcome());
    }

    @Test
    void theServerGreetingConfirmsAServerFirstProtocol() {
        byte[] greeting = hex("640000000a352e352e35");
        assertEquals("mysql by server signature handshake",
                detector.detectServerGreeting(greeting, 0, greeting.length).toString());
        byte[] error = hex("48000000ff6a04");
        assertEquals(Detection.Outcome.NONE, detector.detectServerGreeting(error, 0, error.length).outcome());
    }

    @Test
    void directTlsWithAlpnPostgresqlIsPostgresql() {
        Detection d = detect(ClientHellos.withAlpn("h2", "postgresql"));
        assertEquals("postgresql by alpn postgresql", d.toString());
    }

    @Test
    void tlsWithoutAKnownAlpnIsTls() {
        assertEquals(Detection.Outcome.TLS, detect(ClientHellos.withAlpn("h2", "http/1.1")).outcome());
        assertEquals(Detection.Outcome.TLS, detect(ClientHellos.withAlpn()).outcome());
    }

    @Test
    void everyPrefixOfAClientHelloAsksForMoreUntilItIsComplete() {
        byte[] hello = ClientHellos.withAlpn("postgresql");
        for (int n = 1; n < hello.length; n++) {
            Detection d = detector.detect(hello, 0, n);
            assertEquals(Detection.Outcome.NEED_MORE, d.outcome(), "prefix " + n);
            assertEquals(n < 5 ? 5 - n : hello.length - n, d.moreBytes(), "prefix " + n);
        }
    }

    @Test
    void aBrokenHelloIsNotTls() {
        byte[] hello = ClientHellos.withAlpn("postgresql");
        byte[] wrongHandshake = hello.clone();
        wrongHandshake[5] = 2;
        assertEquals(Detection.Outcome.NONE, detect(wrongHandshake).outcome());
        byte[] lyingLength = hello.clone();
        lyingLength[hello.length - 12] = (byte) 0x7f; // inside the ALPN extension: its lengths no longer add up
        assertEquals(Detection.Outcome.NONE, detect(lyingLength).outcome());
    }

    @Test
    void bytesAreReadFromTheGivenOffset() {
        byte[] padded = new byte[20];
        byte[] ssl = hex("0000000804d2162f");
        System.arraycopy(ssl, 0, padded, 7, ssl.length);
        Arrays.fill(padded, 0, 7, (byte) 0xEE);
        assertEquals("postgresql", detector.detect(padded, 7, 8).protocol());
        assertThrows(IndexOutOfBoundsException.class, () -> detector.detect(padded, 15, 8));
    }

    @Test
    void aProtocolAnswerIsPreparedOnceAndReused() {
        byte[] ssl = hex("0000000804d2162f");
        assertSame(detect(ssl), detect(ssl));
    }
}
