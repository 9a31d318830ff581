package io.sqlxwire.examples.auth;

import java.security.MessageDigest;
import java.util.Base64;

/**
 * Client side of one SCRAM exchange without channel binding (RFC 5802; SCRAM-SHA-256 is RFC 7677).
 * Use once: {@link #clientFirstMessage()}, then {@link #clientFinalMessage(String)} with the
 * server-first-message, then {@link #verifyServerFinal(String)}.
 *
 * <p>PostgreSQL clients send an empty username ({@code n=}): the server authenticates the user of the
 * startup message. Construct with {@code ""} for that.
 */
public final class ScramClient {
    /** gs2 header for "no channel binding, none supported"; its base64 is "biws". */
    static final String GS2_HEADER = "n,,";

    private final ScramHash hash;
    private final String username;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramClient(ScramHash hash, String username, String password) {
        this(hash, username, password, ScramNonces.fresh());
    }

    /** With a given nonce: for test vectors only, a real client must use a fresh random one. */
    public ScramClient(ScramHash hash, String username, String password, String clientNonce) {
        this.hash = hash;
        this.username = username;
        this.password = password;
        this.clientNonce = ScramAttributes.nonce(clientNonce, "client nonce");
    }

    public String clientFirstMessage() {
        clientFirstBare = "n=" + ScramAttributes.encodeName(username) + ",r=" + clientNonce;
        return GS2_HEADER + clientFirstBare;
    }

    /** Parses the server-first-message and answers it with the client-final-message and its proof. */
    public String clientFinalMessage(String serverFirstMessage) {
        if (clientFirstBare == null) {
            throw new IllegalStateException("clientFirstMessage() first");
        }
        ServerFirst serverFirst = ServerFirst.parse(serverFirstMessage);
        if (!serverFirst.nonce().startsWith(clientNonce) || serverFirst.nonce().length() == clientNonce.length()) {
            throw new AuthenticationException("server nonce does not extend the client nonce");
        }
        ScramKeys keys = ScramKeys.fromPassword(hash, password, serverFirst.salt(), serverFirst.iterations());
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(ScramKeys.bytes(GS2_HEADER))
                + ",r=" + serverFirst.nonce();
        byte[] authMessage = ScramKeys.bytes(clientFirstBare + "," + serverFirstMessage + "," + withoutProof);
        byte[] clientSignature = hash.hmac(keys.storedKey(), authMessage);
        byte[] proof = Digests.xor(keys.clientKey(), clientSignature);
        expectedServerSignature = hash.hmac(keys.serverKey(), authMessage);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Checks the server's signature; throws AuthenticationException on an error or a wrong signature. */
    public void verifyServerFinal(String serverFinalMessage) {
        if (expectedServerSignature == null) {
            throw new IllegalStateException("clientFinalMessage(...) first");
        }
        ScramAttributes attributes = ScramAttributes.parse(serverFinalMessage, "server-final-message");
        ScramAttributes.Attribute first = attributes.attributes().get(0);
        if (first.name() == 'e') {
            throw new AuthenticationException("server reported error: " + first.value());
        }
        byte[] signature = ScramAttributes.base64(attributes.require(0, 'v', "server-final-message"), "server-final-message");
        attributes.requireSize(1, "server-final-message");
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new AuthenticationException("server signature does not match: the server does not know the password");
        }
    }
}
