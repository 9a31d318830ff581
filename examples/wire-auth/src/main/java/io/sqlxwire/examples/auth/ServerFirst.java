package io.sqlxwire.examples.auth;

import java.util.Base64;

/** A server-first-message: {@code r=<client+server nonce>,s=<base64 salt>,i=<iterations>}. */
public record ServerFirst(String nonce, byte[] salt, int iterations) {
    private static final String WHAT = "server-first-message";

    public ServerFirst {
        salt = salt.clone();
    }

    public static ServerFirst parse(String message) {
        ScramAttributes attributes = ScramAttributes.parse(message, WHAT);
        if (!attributes.attributes().isEmpty() && attributes.attributes().get(0).name() == 'm') {
            throw new IllegalArgumentException(WHAT + ": mandatory extension 'm=' unsupported");
        }
        String nonce = ScramAttributes.nonce(attributes.require(0, 'r', WHAT), WHAT);
        byte[] salt = ScramAttributes.base64(attributes.require(1, 's', WHAT), WHAT);
        String count = attributes.require(2, 'i', WHAT);
        attributes.requireSize(3, WHAT);
        int iterations;
        try {
            iterations = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(WHAT + ": iteration count '" + count + "' is not a number", e);
        }
        if (iterations < 1 || !count.equals(Integer.toString(iterations))) {
            throw new IllegalArgumentException(WHAT + ": iteration count '" + count + "' is not a positive decimal");
        }
        return new ServerFirst(nonce, salt, iterations);
    }

    public String format() {
        return "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }
}
