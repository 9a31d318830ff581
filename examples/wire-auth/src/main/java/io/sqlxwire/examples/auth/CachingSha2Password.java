package io.sqlxwire.examples.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * MySQL {@code caching_sha2_password}, fast-auth path only: the client answers the 20-byte seed with
 * {@code SHA256(password) XOR SHA256(SHA256(SHA256(password)) + seed)}. A server that has the user in
 * its cache ({@link CachingSha2Cache}) holds {@code SHA256(SHA256(password))} and checks with it. The
 * full-auth path (password over TLS or RSA-encrypted) is {@link CachingSha2FullAuth}.
 */
public final class CachingSha2Password {
    private CachingSha2Password() {
    }

    public static byte[] scramble(String password, byte[] seed) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = Digests.sha256(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = Digests.sha256(stage1);
        return Digests.xor(stage1, Digests.sha256(stage2, seed));
    }

    /** The fast-auth cache entry: SHA256(SHA256(password)). */
    public static byte[] cachedHash(String password) {
        return Digests.sha256(Digests.sha256(password.getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean verify(byte[] cachedHash, byte[] seed, byte[] scramble) {
        if (scramble.length != 32 || cachedHash.length != 32) {
            return false;
        }
        byte[] stage1 = Digests.xor(scramble, Digests.sha256(cachedHash, seed));
        return MessageDigest.isEqual(Digests.sha256(stage1), cachedHash);
    }
}
