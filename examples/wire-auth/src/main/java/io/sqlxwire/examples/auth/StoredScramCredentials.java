package io.sqlxwire.examples.auth;

/**
 * What a SCRAM server keeps per user instead of the password (as PostgreSQL's
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}): enough to verify a proof and
 * sign the answer, not enough to log in as the user.
 */
public record StoredScramCredentials(ScramHash hash, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    public StoredScramCredentials {
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    public static StoredScramCredentials fromPassword(ScramHash hash, String password, byte[] salt, int iterations) {
        ScramKeys keys = ScramKeys.fromPassword(hash, password, salt, iterations);
        return new StoredScramCredentials(hash, salt, iterations, keys.storedKey(), keys.serverKey());
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }
}
