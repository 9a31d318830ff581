package io.sqlxwire.examples.myserver;

import java.security.SecureRandom;

/** The 20-byte nonce of the greeting that both password plugins hash the password with. */
final class Scramble {
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scramble() {
    }

    /**
     * Printable ASCII without NUL (the greeting's second part is NUL-terminated) and without
     * {@code $} (reserved by MySQL's stored-hash format), as MySQL makes it.
     */
    static byte[] generate() {
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int b;
            do {
                b = 0x21 + RANDOM.nextInt(0x7f - 0x21);
            } while (b == '$');
            bytes[i] = (byte) b;
        }
        return bytes;
    }
}
