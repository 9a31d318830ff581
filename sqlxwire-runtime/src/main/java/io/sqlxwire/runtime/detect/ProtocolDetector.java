package io.sqlxwire.runtime.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells which protocol a new connection speaks from its first bytes, over any set of
 * {@link Signature}s (typically those of several {@code .wire} files). Immutable and thread-safe: one
 * detector serves every connection; the caller keeps each connection's bytes and silence time.
 *
 * <h2>Answers</h2>
 * {@link #detect(byte[], int, int, Duration)} answers a protocol, "need N more bytes", "TLS with no
 * known ALPN", or "none". Call it again whenever more bytes arrive, or when the silence timer fires.
 *
 * <h2>How the answer is chosen</h2>
 * <ol>
 * <li><b>TLS.</b> Bytes starting a TLS handshake record (0x16, version 3.x, handshake type 1) are read
 *     as a ClientHello. An ALPN name that a signature declares chooses that signature's protocol
 *     (PostgreSQL 17's direct TLS offers {@code postgresql}); a well-formed ClientHello without such a
 *     name answers {@link Detection.Outcome#TLS}. Bytes that only start like TLS fall through to 2.</li>
 * <li><b>Client signatures.</b> Every client signature is judged on the bytes so far: match, mismatch,
 *     or undecided (every byte seen agrees but fewer than its {@link Signature#bytesNeeded()} arrived).
 *     <b>The most specific match wins</b>: the one pinning down the most bits (the popcount of its
 *     masks, so a longer or less masked pattern beats a shorter one); <b>ties go to declaration
 *     order</b> (the order of the signature list: earlier files and earlier signatures first). While an
 *     undecided signature could still beat the best match <em>and</em> the bytes seen already support
 *     it as strongly as the best match (its patterns' bits within them are at least the best match's
 *     bits), the answer is "need N more bytes", N being the fewest bytes that settle one of them.
 *     Without a match, any undecided signature is waited for.</li>
 * <li><b>Silence.</b> With no client bytes, the answer is "need more" until the client has been silent
 *     for the timeout; then the first declared server-first protocol (MySQL) is chosen. After the
 *     timeout, a client that sent some bytes but stopped gets the best match so far, or "none".</li>
 * <li>Nothing matches and nothing can: "none".</li>
 * </ol>
 * The server's greeting of a server-first protocol can be confirmed with {@link #detectServerGreeting}.
 *
 * <p>Detecting never throws on any input and allocates only the "need more" answer: answers naming a
 * protocol are made once, when the detector is built.
 */
public final class ProtocolDetector {

    /** Long enough for a client that speaks first to have spoken; short enough not to stall a MySQL login. */
    public static final Duration DEFAULT_SILENCE = Duration.ofMillis(300);

    private final Signature[] client;
    private final Detection[] clientAnswers;
    private final Signature[] alpn;
    private final Detection[][] alpnAnswers;
    private final Signature[] server;
    private final Detection[] serverAnswers;
    private final Detection silenceAnswer;
    private final Duration silence;
    private final List<Signature> signatures;

    public ProtocolDetector(List<Signature> signatures) {
        this(signatures, DEFAULT_SILENCE);
    }

    /**
     * @param signatures every protocol's signatures, in priority order (first wins a tie)
     * @param silence    how long a silent client waits before a server-first protocol is chosen
     */
    public ProtocolDetector(List<Signature> signatures, Duration silence) {
        this.signatures = List.copyOf(signatures);
        this.silence = Objects.requireNonNull(silence, "silence");
        if (silence.isNegative()) {
            throw new IllegalArgumentException("negative silence timeout " + silence);
        }
        List<Signature> c = new ArrayList<>();
        List<Signature> a = new ArrayList<>();
        List<Signature> s = new ArrayList<>();
        for (Signature signature : this.signatures) {
            if (signature.speaker() == FirstSpeaker.SERVER) {
                s.add(signature);
                continue;
            }
            if (signature.hasPatterns()) {
                c.add(signature);
            }
            if (!signature.alpn().isEmpty()) {
                a.add(signature);
            }
        }
        this.client = c.toArray(Signature[]::new);
        this.alpn = a.toArray(Signature[]::new);
        this.server = s.toArray(Signature[]::new);
        this.clientAnswers = new Detection[client.length];
        for (int i = 0; i < client.length; i++) {
            clientAnswers[i] = Detection.of(client[i], Detection.Basis.SIGNATURE, client[i].name());
        }
        this.alpnAnswers = new Detection[alpn.length][];
        for (int i = 0; i < alpn.length; i++) {
            List<String> names = alpn[i].alpn();
            alpnAnswers[i] = new Detection[names.size()];
            for (int j = 0; j < names.size(); j++) {
                alpnAnswers[i][j] = Detection.of(alpn[i], Detection.Basis.ALPN, names.get(j));
            }
        }
        this.serverAnswers = new Detection[server.length];
        for (int i = 0; i < server.length; i++) {
            serverAnswers[i] = Detection.of(server[i], Detection.Basis.SERVER_SIGNATURE, server[i].name());
        }
        this.silenceAnswer = server.length == 0 ? null : Detection.of(server[0], Detection.Basis.SILENCE, null);
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public Duration silenceTimeout() {
        return silence;
    }

    /** True when some protocol's server speaks first, so a silent client is worth waiting for. */
    public boolean hasServerFirstProtocol() {
        return server.length > 0;
    }

    /** As {@link #detect(byte[], int, int, Duration)} with no silence yet. */
    public Detection detect(byte[] input, int from, int length) {
        return detect(input, from, length, Duration.ZERO);
    }

    /**
     * Judges the client's first bytes {@code input[from, from + length)}.
     *
     * @param silentFor how long the client has sent nothing since its last byte (or since the
     *                  connection opened); once it reaches the timeout, undecided answers are settled
     */
    public Detection detect(byte[] input, int from, int length, Duration silentFor) {
        Objects.checkFromIndexSize(from, length, input.length);
        boolean timedOut = silentFor.compareTo(silence) >= 0;
        if (length == 0) {
            if (timedOut) {
                return silenceAnswer == null ? Detection.NONE : silenceAnswer;
            }
            return Detection.needMore(Math.max(1, fewestNeeded()));
        }
        Detection tls = detectTls(input, from, length, timedOut);
        if (tls != null) {
            return tls;
        }
        return detectClient(input, from, length, timedOut);
    }

    /**
     * Judges a server's first bytes against the server-first signatures: the greeting that confirms a
     * protocol chosen by silence. Never answers TLS.
     */
    public Detection detectServerGreeting(byte[] input, int from, int length) {
        Objects.checkFromIndexSize(from, length, input.length);
        return best(server, serverAnswers, input, from, length, false);
    }

    private Detection detectTls(byte[] input, int from, int length, boolean timedOut) {
        if (!TlsClientHello.looksLikeRecordStart(input, from, length)) {
            return null;
        }
        long scan = TlsClientHello.scan(input, from, length);
        switch (TlsClientHello.kind(scan)) {
            case TlsClientHello.NEED_MORE:
                // A signature whose bytes also start with 0x16 may settle it sooner.
                Detection other = detectClient(input, from, length, timedOut);
                if (other.isProtocol() || timedOut) {
                    return other;
                }
                return Detection.needMore(Math.min(TlsClientHello.value(scan),
                        other.outcome() == Detection.Outcome.NEED_MORE ? other.moreBytes() : Integer.MAX_VALUE));
            case TlsClientHello.ALPN:
                return alpnAnswer(input, TlsClientHello.value(scan));
            case TlsClientHello.NO_ALPN:
                return Detection.TLS_UNKNOWN;
            default:
                return null;
        }
    }

    /** The first offered ALPN name (client preference order) that a signature declares. */
    private Detection alpnAnswer(byte[] input, int firstName) {
        int end = TlsClientHello.alpnListEnd(input, firstName);
        for (int q = firstName; q < end; q += 1 + (input[q] & 0xFF)) {
            int nameLength = input[q] & 0xFF;
            for (int i = 0; i < alpn.length; i++) {
                int j = alpn[i].alpnIndex(input, q + 1, nameLength);
                if (j >= 0) {
                    return alpnAnswers[i][j];
                }
            }
        }
        return Detection.TLS_UNKNOWN;
    }

    private Detection detectClient(byte[] input, int from, int length, boolean timedOut) {
        return best(client, clientAnswers, input, from, length, timedOut);
    }

    /** The most specific matching signature, or "need more" while an undecided one could beat it. */
    private static Detection best(Signature[] candidates, Detection[] answers, byte[] input, int from, int length,
                                  boolean timedOut) {
        int best = -1;
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i].judge(input, from, length) == ByteMatch.Verdict.MATCH
                    && (best < 0 || candidates[i].specificity() > candidates[best].specificity())) {
                best = i;
            }
        }
        if (!timedOut) {
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < candidates.length; i++) {
                // Wait for a signature that would win only while the bytes already back it as
                // strongly as they back the best match; else a short message (a 9-byte CQL OPTIONS)
                // would wait for the silence timeout because a longer signature is still open.
                if (best >= 0 && (!outranks(candidates, i, best)
                        || candidates[i].evidenceWithin(length) < candidates[best].specificity())) {
                    continue;
                }
                if (candidates[i].judge(input, from, length) == ByteMatch.Verdict.UNDECIDED) {
                    fewest = Math.min(fewest, candidates[i].bytesNeeded() - length);
                }
            }
            if (fewest != Integer.MAX_VALUE) {
                return Detection.needMore(fewest);
            }
        }
        return best < 0 ? Detection.NONE : answers[best];
    }

    /** True when candidate {@code i} would win over {@code j}: more specific, or as specific and declared earlier. */
    private static boolean outranks(Signature[] candidates, int i, int j) {
        int a = candidates[i].specificity();
        int b = candidates[j].specificity();
        return a > b || a == b && i < j;
    }

    private int fewestNeeded() {
        int fewest = Integer.MAX_VALUE;
        for (Signature signature : client) {
            fewest = Math.min(fewest, signature.bytesNeeded());
        }
        return fewest == Integer.MAX_VALUE ? TlsClientHello.RECORD_HEADER : Math.min(fewest, TlsClientHello.RECORD_HEADER);
    }
}
