package io.sqlxwire.examples.auth;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's MD5 password authentication (AuthenticationMD5Password, 4-byte salt): the client
 * sends {@code "md5" + md5hex(md5hex(password + user) + salt)}. The inner hash is what the server
 * stores ({@code pg_authid.rolpassword} for MD5 roles), so the server can check without the password.
 */
public final class PostgresMd5Password {
    private PostgresMd5Password() {
    }

    /** The stored form: {@code "md5" + md5hex(password + user)}. */
    public static String stored(String user, String password) {
        return "md5" + Digests.md5Hex(utf8(password), utf8(user));
    }

    /** What the client sends in its PasswordMessage (without the terminating NUL). */
    public static String response(String user, String password, byte[] salt) {
        return responseFromStored(stored(user, password), salt);
    }

    /** The expected response computed by a server from the stored {@code md5...} string. */
    public static String responseFromStored(String stored, byte[] salt) {
        if (!stored.startsWith("md5") || stored.length() != 35) {
            throw new IllegalArgumentException("not an MD5 stored password");
        }
        if (salt.length != 4) {
            throw new IllegalArgumentException("MD5 salt must be 4 bytes, got " + salt.length);
        }
        return "md5" + Digests.md5Hex(utf8(stored.substring(3)), salt);
    }

    /** Server-side check; constant time in the response's content. */
    public static boolean verify(String stored, byte[] salt, String clientResponse) {
        return java.security.MessageDigest.isEqual(utf8(responseFromStored(stored, salt)), utf8(clientResponse));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
