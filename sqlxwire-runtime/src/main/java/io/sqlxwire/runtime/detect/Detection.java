package io.sqlxwire.runtime.detect;

import java.util.Objects;

/**
 * The detector's answer about one connection. Answers that name a protocol are created once per
 * signature and reused, so detecting allocates only for "need N more bytes".
 *
 * @param outcome   what was decided
 * @param protocol  the protocol ({@link Outcome#PROTOCOL} only, else {@code null})
 * @param basis     what the decision rests on ({@code null} unless a protocol was chosen)
 * @param evidence  the signature name or the ALPN name behind the decision ({@code null} when none)
 * @param moreBytes for {@link Outcome#NEED_MORE}: how many more bytes can change the answer; else 0
 */
public record Detection(Outcome outcome, String protocol, Basis basis, String evidence, int moreBytes) {

    /** What the detector decided. */
    public enum Outcome {
        /** The connection speaks {@link #protocol()}. */
        PROTOCOL,
        /** Too few bytes to decide: wait for {@link #moreBytes()} more (or for the silence timeout). */
        NEED_MORE,
        /** A TLS ClientHello without an ALPN name any signature knows: terminate TLS, then detect again. */
        TLS,
        /** No signature matches: not a protocol this detector knows. */
        NONE
    }

    /** Why a protocol was chosen. */
    public enum Basis {
        /** The client's first bytes match a signature. */
        SIGNATURE,
        /** A TLS ClientHello offers the signature's ALPN name. */
        ALPN,
        /** The client stayed silent past the timeout and the protocol's server speaks first. */
        SILENCE,
        /** The server's first bytes match a server-first signature. */
        SERVER_SIGNATURE;

        String label() {
            return switch (this) {
                case SIGNATURE -> "signature";
                case ALPN -> "alpn";
                case SILENCE -> "silence";
                case SERVER_SIGNATURE -> "server signature";
            };
        }
    }

    static final Detection NONE = new Detection(Outcome.NONE, null, null, null, 0);
    static final Detection TLS_UNKNOWN = new Detection(Outcome.TLS, null, null, null, 0);

    public Detection {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.PROTOCOL) != (protocol != null)) {
            throw new IllegalArgumentException("a protocol is named exactly when the outcome is PROTOCOL");
        }
        if ((outcome == Outcome.NEED_MORE) != (moreBytes > 0)) {
            throw new IllegalArgumentException("moreBytes is positive exactly when the outcome is NEED_MORE");
        }
    }

    static Detection of(Signature signature, Basis basis, String evidence) {
        return new Detection(Outcome.PROTOCOL, signature.protocol(), basis, evidence, 0);
    }

    static Detection needMore(int bytes) {
        return new Detection(Outcome.NEED_MORE, null, null, null, bytes);
    }

    public boolean isProtocol() {
        return outcome == Outcome.PROTOCOL;
    }

    /** A short human reading of the basis: {@code signature startup}, {@code alpn postgresql}, {@code silence}. */
    public String by() {
        if (basis == null) {
            return outcome.name().toLowerCase(java.util.Locale.ROOT);
        }
        return evidence == null ? basis.label() : basis.label() + " " + evidence;
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case PROTOCOL -> protocol + " by " + by();
            case NEED_MORE -> "need " + moreBytes + " more bytes";
            case TLS -> "tls (no known alpn)";
            case NONE -> "none";
        };
    }
}
