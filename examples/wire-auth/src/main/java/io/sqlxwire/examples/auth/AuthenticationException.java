package io.sqlxwire.examples.auth;

/**
 * The peer's credentials or proof did not check out (wrong password, forged server signature, nonce
 * that does not extend ours). Malformed messages are reported as {@link IllegalArgumentException}
 * instead: those are protocol errors, not authentication failures.
 */
public final class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
