package io.sqlxwire.examples.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh nonces: 18 random bytes in base64, which is printable and never contains ','. */
final class ScramNonces {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramNonces() {
    }

    static String fresh() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
