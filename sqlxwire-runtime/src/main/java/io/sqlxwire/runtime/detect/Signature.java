package io.sqlxwire.runtime.detect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * How the first bytes of a connection reveal one protocol: the runtime form of a {@code signature}
 * declaration in a {@code .wire} file. Immutable.
 *
 * <p>A signature matches when every {@link ByteMatch} matches and at least {@code minBytes} bytes have
 * arrived. ALPN names match a TLS ClientHello that offers one of them. A {@link FirstSpeaker#SERVER}
 * signature describes the server's greeting: its protocol is chosen when the client stays silent.
 */
public final class Signature {

    private final String protocol;
    private final String name;
    private final FirstSpeaker speaker;
    private final int minBytes;
    private final List<ByteMatch> matches;
    private final List<String> alpn;
    private final byte[][] alpnBytes;
    private final int bits;
    private final int needed;

    public Signature(String protocol, String name, FirstSpeaker speaker, int minBytes,
                     List<ByteMatch> matches, List<String> alpn) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.name = Objects.requireNonNull(name, "name");
        this.speaker = Objects.requireNonNull(speaker, "speaker");
        if (minBytes < 0) {
            throw new IllegalArgumentException("negative minimum byte count " + minBytes);
        }
        this.minBytes = minBytes;
        this.matches = List.copyOf(matches);
        this.alpn = List.copyOf(alpn);
        this.alpnBytes = new byte[this.alpn.size()][];
        for (int i = 0; i < alpnBytes.length; i++) {
            alpnBytes[i] = this.alpn.get(i).getBytes(StandardCharsets.US_ASCII);
            if (alpnBytes[i].length == 0 || alpnBytes[i].length > 255) {
                throw new IllegalArgumentException("an ALPN name has 1 to 255 bytes: '" + this.alpn.get(i) + "'");
            }
        }
        int b = 0;
        int end = minBytes;
        for (ByteMatch m : this.matches) {
            b += m.bits();
            end = Math.max(end, m.end());
        }
        this.bits = b;
        this.needed = end;
    }

    /** A client-first signature made of byte patterns. */
    public static Signature client(String protocol, String name, int minBytes, ByteMatch... matches) {
        return new Signature(protocol, name, FirstSpeaker.CLIENT, minBytes, List.of(matches), List.of());
    }

    /** A server-first signature: the greeting the server sends to a silent client. */
    public static Signature server(String protocol, String name, int minBytes, ByteMatch... matches) {
        return new Signature(protocol, name, FirstSpeaker.SERVER, minBytes, List.of(matches), List.of());
    }

    /** A signature that only names TLS ALPN protocols (PostgreSQL 17's direct TLS: {@code postgresql}). */
    public static Signature alpn(String protocol, String name, String... alpnNames) {
        return new Signature(protocol, name, FirstSpeaker.CLIENT, 0, List.of(), List.of(alpnNames));
    }

    public String protocol() {
        return protocol;
    }

    public String name() {
        return name;
    }

    public FirstSpeaker speaker() {
        return speaker;
    }

    public int minBytes() {
        return minBytes;
    }

    public List<ByteMatch> matches() {
        return matches;
    }

    public List<String> alpn() {
        return alpn;
    }

    /** Bits pinned down by all patterns together: the higher, the more specific. */
    public int specificity() {
        return bits;
    }

    /** Bytes needed before the signature can be judged: {@code minBytes} or the end of the last pattern. */
    public int bytesNeeded() {
        return needed;
    }

    /** True when the signature has byte patterns (an ALPN-only signature has none). */
    public boolean hasPatterns() {
        return !matches.isEmpty();
    }

    /** The index of {@code input[from, from + length)} among this signature's ALPN names, or -1. */
    int alpnIndex(byte[] input, int from, int length) {
        for (int i = 0; i < alpnBytes.length; i++) {
            byte[] candidate = alpnBytes[i];
            if (candidate.length == length && java.util.Arrays.equals(candidate, 0, length, input, from, from + length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What the first {@code length} bytes of {@code input} from {@code from} say: a match, a mismatch,
     * or undecided (every byte seen agrees but more are needed).
     */
    ByteMatch.Verdict judge(byte[] input, int from, int length) {
        boolean complete = length >= needed;
        for (ByteMatch m : matches) {
            ByteMatch.Verdict v = m.judge(input, from, length);
            if (v == ByteMatch.Verdict.MISMATCH) {
                return v;
            }
        }
        return complete ? ByteMatch.Verdict.MATCH : ByteMatch.Verdict.UNDECIDED;
    }

    /** Bits of the patterns the first {@code length} bytes cover (all agree when the verdict is undecided). */
    int evidenceWithin(int length) {
        int evidence = 0;
        for (ByteMatch m : matches) {
            evidence += m.bitsWithin(length);
        }
        return evidence;
    }

    /** True when {@code input[from, from + length)} satisfies every pattern and the minimum length. */
    public boolean matches(byte[] input, int from, int length) {
        return hasPatterns() && judge(input, from, length) == ByteMatch.Verdict.MATCH;
    }

    @Override
    public String toString() {
        return protocol + "." + name + " (from " + speaker.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
