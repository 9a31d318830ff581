package io.sqlxwire.examples.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * MySQL {@code caching_sha2_password} full authentication: when the server has no cached hash for the
 * user it answers the scramble with {@link #PERFORM_FULL_AUTHENTICATION}, and the client must send
 * the password itself. Over TLS it sends it in clear, NUL-terminated. Without TLS it asks for the
 * server's RSA public key ({@link #REQUEST_PUBLIC_KEY}), receives it as a PEM text, and sends
 * {@code RSA-OAEP(password + NUL XOR scramble)}, the scramble repeated as often as needed; the XOR
 * binds the ciphertext to this connection's scramble so it cannot be replayed on another one.
 * OAEP with SHA-1 and MGF1 is what MySQL 8.0.5 and later use for this plugin.
 */
public final class CachingSha2FullAuth {
    /** Client → server (in an AuthSwitchResponse): send me your RSA public key. */
    public static final int REQUEST_PUBLIC_KEY = 0x02;
    /** Server → client (in AuthMoreData): the scramble matched the cached hash. */
    public static final int FAST_AUTH_SUCCESS = 0x03;
    /** Server → client (in AuthMoreData): no cached hash, send the password (TLS or RSA). */
    public static final int PERFORM_FULL_AUTHENTICATION = 0x04;

    static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

    private CachingSha2FullAuth() {
    }

    /** A fresh 2048-bit RSA key pair, as a server generates at startup when none is configured. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    /** The public key as the server sends it: a PEM "PUBLIC KEY" block (X.509 SubjectPublicKeyInfo). */
    public static String publicKeyPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads a PEM "PUBLIC KEY" block, as a client does with the server's AuthMoreData. */
    public static PublicKey parsePublicKeyPem(String pem) {
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no PEM PUBLIC KEY block");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("malformed RSA public key: " + e.getMessage(), e);
        }
    }

    /** Client side of the RSA path: what goes into the AuthSwitchResponse. */
    public static byte[] encryptPassword(String password, byte[] scramble, PublicKey key) {
        byte[] plain = xorWithScramble(nulTerminated(password), scramble);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encrypt the password: " + e.getMessage(), e);
        }
    }

    /**
     * Server side of the RSA path: the password the client encrypted.
     *
     * @throws AuthenticationException when the data does not decrypt with this key (a client that
     *                                 used another key, or garbage)
     */
    public static String decryptPassword(byte[] encrypted, byte[] scramble, PrivateKey key) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key);
            plain = cipher.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("the encrypted password does not decrypt with the server's key");
        }
        return cleartextPassword(xorWithScramble(plain, scramble));
    }

    /** Server side of the TLS path: the password sent in clear, with its terminating NUL (if any) removed. */
    public static String cleartextPassword(byte[] data) {
        int length = data.length;
        if (length > 0 && data[length - 1] == 0) {
            length--;
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    /** Whether the client's packet is the single byte asking for the public key. */
    public static boolean isPublicKeyRequest(byte[] data) {
        return data.length == 1 && data[0] == REQUEST_PUBLIC_KEY;
    }

    static byte[] nulTerminated(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    static byte[] xorWithScramble(byte[] data, byte[] scramble) {
        if (scramble.length == 0) {
            throw new IllegalArgumentException("empty scramble");
        }
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ scramble[i % scramble.length]);
        }
        return out;
    }
}
