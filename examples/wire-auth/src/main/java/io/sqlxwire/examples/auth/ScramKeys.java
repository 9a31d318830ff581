package io.sqlxwire.examples.auth;

import java.nio.charset.StandardCharsets;

/**
 * The key material of SCRAM-SHA-256 derived from a password (RFC 5802 section 3): what a server
 * stores ({@link #storedKey}, {@link #serverKey}, salt, iterations) and what a client computes.
 */
public record ScramKeys(byte[] salt, int iterations, byte[] clientKey, byte[] storedKey, byte[] serverKey) {

    public ScramKeys {
        salt = salt.clone();
        clientKey = clientKey.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** Derives the keys; the password goes through SASLprep as PostgreSQL does (see {@link SaslPrep}). */
    public static ScramKeys fromPassword(String password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iteration count must be positive: " + iterations);
        }
        byte[] prepared = SaslPrep.prepareLikePostgres(password).getBytes(StandardCharsets.UTF_8);
        byte[] saltedPassword = hi(prepared, salt, iterations);
        byte[] clientKey = Digests.hmacSha256(saltedPassword, bytes("Client Key"));
        byte[] serverKey = Digests.hmacSha256(saltedPassword, bytes("Server Key"));
        return new ScramKeys(salt, iterations, clientKey, Digests.sha256(clientKey), serverKey);
    }

    /** Hi() of RFC 5802: PBKDF2 with HMAC-SHA-256 and one output block. */
    static byte[] hi(byte[] password, byte[] salt, int iterations) {
        byte[] u = Digests.hmacSha256(password, concat(salt, new byte[] {0, 0, 0, 1}));
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = Digests.hmacSha256(password, u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] clientKey() {
        return clientKey.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
