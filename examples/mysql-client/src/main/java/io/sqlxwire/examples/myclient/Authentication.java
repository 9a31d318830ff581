package io.sqlxwire.examples.myclient;

import io.sqlxwire.examples.auth.CachingSha2Password;
import io.sqlxwire.examples.auth.MysqlNativePassword;

/**
 * The client's side of the authentication methods this example speaks, on the scrambles of the
 * wire-auth example: {@code mysql_native_password}, and {@code caching_sha2_password}'s fast path
 * (the server has the user's hash cached and confirms with AuthMoreData 0x03).
 */
final class Authentication {

    static final String NATIVE = "mysql_native_password";
    static final String CACHING_SHA2 = "caching_sha2_password";

    /** caching_sha2_password's AuthMoreData: the fast path succeeded, an OK follows. */
    private static final int FAST_AUTH_SUCCESS = 3;
    /** caching_sha2_password's AuthMoreData: the server wants the password itself. */
    private static final int PERFORM_FULL_AUTHENTICATION = 4;

    private final String password;

    Authentication(String password) {
        this.password = password;
    }

    /** The answer to a greeting or AuthSwitchRequest proposing {@code plugin} with {@code seed}. */
    byte[] respond(String plugin, byte[] seed) {
        if (NATIVE.equals(plugin)) {
            return MysqlNativePassword.scramble(password, seed);
        }
        if (CACHING_SHA2.equals(plugin)) {
            return CachingSha2Password.scramble(password, seed);
        }
        throw new UnsupportedOperationException("authentication method " + plugin
                + " is not supported (only " + NATIVE + " and " + CACHING_SHA2 + ")");
    }

    /** The answer to AuthMoreData, or null when the server's next packet needs none (OK or ERR). */
    byte[] more(String plugin, byte[] data) {
        if (CACHING_SHA2.equals(plugin) && data.length == 1) {
            if (data[0] == FAST_AUTH_SUCCESS) {
                return null;
            }
            if (data[0] == PERFORM_FULL_AUTHENTICATION) {
                throw new UnsupportedOperationException("caching_sha2_password full authentication "
                        + "(the password over TLS or RSA) is not supported by this client; the "
                        + "server's cache has no entry for the user yet");
            }
        }
        throw new IllegalStateException("unexpected AuthMoreData for " + plugin + " (" + data.length + " bytes)");
    }
}
