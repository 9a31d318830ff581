package io.sqlxwire.examples.auth;

import java.security.MessageDigest;
import java.util.Base64;

/**
 * Server side of one SCRAM exchange without channel binding (RFC 5802; SCRAM-SHA-256 is RFC 7677).
 * The mechanism's hash is the credentials' ({@link StoredScramCredentials#hash()}).
 * Use once: {@link #receiveClientFirst(String)}, send {@link #serverFirstMessage()}, then
 * {@link #receiveClientFinal(String)} which verifies the proof and returns the server-final-message.
 *
 * <p>The credentials are chosen before the client-first-message is read, as PostgreSQL does: the
 * user comes from the startup message and the SCRAM username is ignored (clients send it empty).
 */
public final class ScramServer {
    private static final String CLIENT_FIRST = "client-first-message";
    private static final String CLIENT_FINAL = "client-final-message";

    private final StoredScramCredentials credentials;
    private final String serverNoncePart;
    private String gs2Header;
    private String clientFirstBare;
    private String username;
    private ServerFirst serverFirst;

    public ScramServer(StoredScramCredentials credentials) {
        this(credentials, ScramNonces.fresh());
    }

    /** With a given server nonce part: for test vectors only, a real server must use a fresh one. */
    public ScramServer(StoredScramCredentials credentials, String serverNoncePart) {
        this.credentials = credentials;
        this.serverNoncePart = ScramAttributes.nonce(serverNoncePart, "server nonce");
    }

    /** Parses the client-first-message; returns the (unescaped, possibly empty) SCRAM username. */
    public String receiveClientFirst(String message) {
        if (message == null) {
            throw new IllegalArgumentException(CLIENT_FIRST + ": empty message");
        }
        // gs2-header = cbind-flag "," [authzid] ","
        int flagEnd = message.indexOf(',');
        int authzEnd = flagEnd < 0 ? -1 : message.indexOf(',', flagEnd + 1);
        if (authzEnd < 0) {
            throw new IllegalArgumentException(CLIENT_FIRST + ": missing gs2 header");
        }
        String flag = message.substring(0, flagEnd);
        if (flag.startsWith("p=")) {
            throw new AuthenticationException("channel binding requested but not supported (use " + credentials.hash().mechanism() + ", not -PLUS)");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            throw new IllegalArgumentException(CLIENT_FIRST + ": bad channel binding flag '" + flag + "'");
        }
        String authzid = message.substring(flagEnd + 1, authzEnd);
        if (!authzid.isEmpty() && !authzid.startsWith("a=")) {
            throw new IllegalArgumentException(CLIENT_FIRST + ": bad authzid '" + authzid + "'");
        }
        String bare = message.substring(authzEnd + 1);
        ScramAttributes attributes = ScramAttributes.parse(bare, CLIENT_FIRST);
        if (attributes.attributes().get(0).name() == 'm') {
            throw new IllegalArgumentException(CLIENT_FIRST + ": mandatory extension 'm=' unsupported");
        }
        String name = ScramAttributes.decodeName(attributes.require(0, 'n', CLIENT_FIRST), CLIENT_FIRST);
        String clientNonce = ScramAttributes.nonce(attributes.require(1, 'r', CLIENT_FIRST), CLIENT_FIRST);
        attributes.requireSize(2, CLIENT_FIRST);
        gs2Header = message.substring(0, authzEnd + 1);
        clientFirstBare = bare;
        username = name;
        serverFirst = new ServerFirst(clientNonce + serverNoncePart, credentials.salt(), credentials.iterations());
        return username;
    }

    public String serverFirstMessage() {
        requireClientFirst();
        return serverFirst.format();
    }

    /**
     * Verifies the client's proof; returns the server-final-message ({@code v=<signature>}).
     * Throws AuthenticationException for a wrong proof, binding data or nonce.
     */
    public String receiveClientFinal(String message) {
        requireClientFirst();
        ScramAttributes attributes = ScramAttributes.parse(message, CLIENT_FINAL);
        byte[] binding = ScramAttributes.base64(attributes.require(0, 'c', CLIENT_FINAL), CLIENT_FINAL);
        String nonce = attributes.require(1, 'r', CLIENT_FINAL);
        byte[] proof = ScramAttributes.base64(attributes.require(2, 'p', CLIENT_FINAL), CLIENT_FINAL);
        attributes.requireSize(3, CLIENT_FINAL);
        if (!MessageDigest.isEqual(binding, ScramKeys.bytes(gs2Header))) {
            throw new AuthenticationException("channel binding data does not repeat the gs2 header");
        }
        if (!nonce.equals(serverFirst.nonce())) {
            throw new AuthenticationException("client-final nonce differs from the server-first nonce");
        }
        ScramHash hash = credentials.hash();
        if (proof.length != hash.length()) {
            throw new AuthenticationException("client proof has " + proof.length + " bytes, expected " + hash.length());
        }
        String withoutProof = message.substring(0, message.lastIndexOf(",p="));
        byte[] authMessage = ScramKeys.bytes(clientFirstBare + "," + serverFirst.format() + "," + withoutProof);
        byte[] clientSignature = hash.hmac(credentials.storedKey(), authMessage);
        byte[] clientKey = Digests.xor(proof, clientSignature);
        if (!MessageDigest.isEqual(hash.hash(clientKey), credentials.storedKey())) {
            throw new AuthenticationException("password authentication failed: wrong client proof");
        }
        byte[] serverSignature = hash.hmac(credentials.serverKey(), authMessage);
        return "v=" + Base64.getEncoder().encodeToString(serverSignature);
    }

    private void requireClientFirst() {
        if (serverFirst == null) {
            throw new IllegalStateException("receiveClientFirst(...) first");
        }
    }
}
