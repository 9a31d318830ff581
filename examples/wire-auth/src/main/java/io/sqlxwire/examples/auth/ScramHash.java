package io.sqlxwire.examples.auth;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash a SCRAM mechanism is built on (RFC 5802 section 2.2: H, HMAC and Hi all use it).
 * PostgreSQL speaks SCRAM-SHA-256 (RFC 7677); SCRAM-SHA-1 is RFC 5802's own mechanism, kept so the
 * implementation is checked against both RFCs' test vectors.
 */
public enum ScramHash {
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", 20),
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", 32);

    private final String mechanism;
    private final String digestAlgorithm;
    private final String macAlgorithm;
    private final int length;

    ScramHash(String mechanism, String digestAlgorithm, String macAlgorithm, int length) {
        this.mechanism = mechanism;
        this.digestAlgorithm = digestAlgorithm;
        this.macAlgorithm = macAlgorithm;
        this.length = length;
    }

    /** The SASL mechanism name, as offered in PostgreSQL's AuthenticationSASL. */
    public String mechanism() {
        return mechanism;
    }

    /** Bytes of a digest, a key, a proof or a signature. */
    public int length() {
        return length;
    }

    /** H() of RFC 5802. */
    byte[] hash(byte[] data) {
        return Digests.digest(digestAlgorithm, data);
    }

    /** HMAC() of RFC 5802. */
    byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // HmacSHA1 and HmacSHA256 are required of every Java platform.
            throw new IllegalStateException(macAlgorithm + " unavailable", e);
        }
    }
}
