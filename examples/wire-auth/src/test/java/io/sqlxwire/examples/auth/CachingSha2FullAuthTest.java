package io.sqlxwire.examples.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingSha2FullAuthTest {
    private static final KeyPair KEYS = CachingSha2FullAuth.generateKeyPair();
    private static final byte[] SCRAMBLE = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rsaPathRoundTripsThroughThePem() {
        String pem = CachingSha2FullAuth.publicKeyPem(KEYS.getPublic());
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"));
        assertTrue(pem.lines().allMatch(line -> line.length() <= 64), "PEM lines are at most 64 characters");
        assertEquals(KEYS.getPublic(), CachingSha2FullAuth.parsePublicKeyPem(pem));

        // Longer than the scramble, so the XOR has to wrap around; and not ASCII.
        String password = "a rather long pass phrase, über 20 bytes";
        byte[] encrypted = CachingSha2FullAuth.encryptPassword(password,
                SCRAMBLE, CachingSha2FullAuth.parsePublicKeyPem(pem));
        assertEquals(256, encrypted.length, "one 2048-bit RSA block");
        assertEquals(password, CachingSha2FullAuth.decryptPassword(encrypted, SCRAMBLE, KEYS.getPrivate()));
    }

    @Test
    void theScrambleBindsTheCiphertextToOneConnection() {
        byte[] encrypted = CachingSha2FullAuth.encryptPassword("secret", SCRAMBLE, KEYS.getPublic());
        byte[] otherScramble = "jihgfedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertNotEquals("secret", CachingSha2FullAuth.decryptPassword(encrypted, otherScramble, KEYS.getPrivate()));
    }

    @Test
    void garbageOrAnotherKeyIsAnAuthenticationFailure() {
        KeyPair other = CachingSha2FullAuth.generateKeyPair();
        byte[] encrypted = CachingSha2FullAuth.encryptPassword("secret", SCRAMBLE, other.getPublic());
        assertThrows(AuthenticationException.class,
                () -> CachingSha2FullAuth.decryptPassword(encrypted, SCRAMBLE, KEYS.getPrivate()));
        assertThrows(AuthenticationException.class,
                () -> CachingSha2FullAuth.decryptPassword(new byte[] {1, 2, 3}, SCRAMBLE, KEYS.getPrivate()));
        assertThrows(IllegalArgumentException.class, () -> CachingSha2FullAuth.parsePublicKeyPem("hello"));
        assertThrows(IllegalArgumentException.class, () -> CachingSha2FullAuth.parsePublicKeyPem(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
    }

    @Test
    void cleartextPathAndPublicKeyRequest() {
        assertEquals("secret", CachingSha2FullAuth.cleartextPassword("secret\0".getBytes(StandardCharsets.UTF_8)));
        assertEquals("secret", CachingSha2FullAuth.cleartextPassword("secret".getBytes(StandardCharsets.UTF_8)));
        assertEquals("", CachingSha2FullAuth.cleartextPassword(new byte[] {0}));
        assertTrue(CachingSha2FullAuth.isPublicKeyRequest(new byte[] {2}));
        assertFalse(CachingSha2FullAuth.isPublicKeyRequest(new byte[] {2, 0}));
        assertFalse(CachingSha2FullAuth.isPublicKeyRequest(new byte[] {1}));
    }

    @Test
    void cacheHoldsTheFastAuthHashAfterAFullAuthentication() {
        CachingSha2Cache cache = new CachingSha2Cache();
        assertTrue(cache.lookup("alice").isEmpty());
        cache.remember("alice", "secret");
        byte[] hash = cache.lookup("alice").orElseThrow();
        assertArrayEquals(CachingSha2Password.cachedHash("secret"), hash);
        assertTrue(CachingSha2Password.verify(hash, SCRAMBLE, CachingSha2Password.scramble("secret", SCRAMBLE)));
        hash[0] ^= 1;
        assertArrayEquals(CachingSha2Password.cachedHash("secret"), cache.lookup("alice").orElseThrow(),
                "callers get a copy");
        cache.forget("alice");
        assertTrue(cache.lookup("alice").isEmpty());
    }

    /**
     * An independent implementation encrypts: Python's {@code cryptography} (what PyMySQL uses for this
     * exchange) reads our PEM and encrypts as the MySQL clients do; we decrypt.
     */
    @Test
    void pythonCryptographyEncryptsWhatWeDecrypt(@TempDir Path dir) throws Exception {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import cryptography").start();
        org.junit.jupiter.api.Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "python3-cryptography is not installed");
        Path pem = Files.writeString(dir.resolve("key.pem"), CachingSha2FullAuth.publicKeyPem(KEYS.getPublic()));
        String script = String.join("\n",
                "import sys, base64",
                "from cryptography.hazmat.primitives import serialization, hashes",
                "from cryptography.hazmat.primitives.asymmetric import padding",
                "key = serialization.load_pem_public_key(open(sys.argv[1], 'rb').read())",
                "scramble = sys.argv[2].encode()",
                "pw = sys.argv[3].encode() + b'\\0'",
                "plain = bytes(b ^ scramble[i % len(scramble)] for i, b in enumerate(pw))",
                "pad = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA1(), label=None)",
                "print(base64.b64encode(key.encrypt(plain, pad)).decode())");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, pem.toString(),
                new String(SCRAMBLE, StandardCharsets.US_ASCII), "py-secret").redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(python.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), out);
        byte[] encrypted = Base64.getDecoder().decode(out);
        assertEquals("py-secret", CachingSha2FullAuth.decryptPassword(encrypted, SCRAMBLE, KEYS.getPrivate()));
    }
}
