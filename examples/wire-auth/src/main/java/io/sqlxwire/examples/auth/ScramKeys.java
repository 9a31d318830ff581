package io.sqlxwire.examples.auth;

import java.nio.charset.StandardCharsets;

/**
 * The key material of a SCRAM mechanism derived from a password (RFC 5802 section 3): what a server
 * stores ({@link #storedKey}, {@link #serverKey}, salt, iterations) and what a client computes.
 */
public record ScramKeys(ScramHash hash, byte[] salt, int iterations, byte[] clientKey, byte[] storedKey, byte[] serverKey) {

    public ScramKeys {
        salt = salt.clone();
        clientKey = clientKey.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** Derives the keys; the password goes through SASLprep as PostgreSQL does (see {@link SaslPrep}). */
    public static ScramKeys fromPassword(ScramHash hash, String password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iteration count must be positive: " + iterations);
        }
        byte[] prepared = SaslPrep.prepareLikePostgres(password).getBytes(StandardCharsets.UTF_8);
        byte[] saltedPassword = hi(hash, prepared, salt, iterations);
        byte[] clientKey = hash.hmac(saltedPassword, bytes("Client Key"));
        byte[] serverKey = hash.hmac(saltedPassword, bytes("Server Key"));
        return new ScramKeys(hash, salt, iterations, clientKey, hash.hash(clientKey), serverKey);
    }

    /** Hi() of RFC 5802: PBKDF2 with the mechanism's HMAC and one output block. */
    static byte[] hi(ScramHash hash, byte[] password, byte[] salt, int iterations) {
        byte[] u = hash.hmac(password, concat(salt, new byte[] {0, 0, 0, 1}));
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = hash.hmac(password, u);
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
