package io.sqlxwire.examples.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * MySQL/MariaDB {@code mysql_native_password}: the client answers the 20-byte seed of the handshake
 * with {@code SHA1(password) XOR SHA1(seed + SHA1(SHA1(password)))}; the server stores
 * {@code SHA1(SHA1(password))} and checks without the password. An empty password is answered with an
 * empty response.
 */
public final class MysqlNativePassword {
    private MysqlNativePassword() {
    }

    public static byte[] scramble(String password, byte[] seed) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = Digests.sha1(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = Digests.sha1(stage1);
        return Digests.xor(stage1, Digests.sha1(seed, stage2));
    }

    /** What the server stores: SHA1(SHA1(password)) (shown by MySQL as '*' + hex, upper case). */
    public static byte[] storedHash(String password) {
        return Digests.sha1(Digests.sha1(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** Server-side check: recovers SHA1(password) from the scramble and hashes it once more. */
    public static boolean verify(byte[] storedHash, byte[] seed, byte[] scramble) {
        if (scramble.length != 20 || storedHash.length != 20) {
            return false;
        }
        byte[] stage1 = Digests.xor(scramble, Digests.sha1(seed, storedHash));
        return MessageDigest.isEqual(Digests.sha1(stage1), storedHash);
    }
}
