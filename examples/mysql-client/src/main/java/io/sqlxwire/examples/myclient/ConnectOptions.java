package io.sqlxwire.examples.myclient;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom to connect.
 *
 * @param host the server's host name or address
 * @param port its TCP port
 * @param user the user name
 * @param password the password; empty for none
 * @param database the default schema, or null for none
 * @param authPlugin the authentication method to answer the greeting with, or null for the one the
 *     server proposes; the server asks for another one (AuthSwitchRequest) when the user's differs
 * @param timeout how long to wait for the connection and for each read
 */
public record ConnectOptions(String host, int port, String user, String password, String database,
                             String authPlugin, Duration timeout) {

    public ConnectOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    /** No default schema, the server's authentication method, a 30-second timeout. */
    public static ConnectOptions of(String host, int port, String user, String password) {
        return new ConnectOptions(host, port, user, password, null, null, null);
    }

    public ConnectOptions withDatabase(String schema) {
        return new ConnectOptions(host, port, user, password, schema, authPlugin, timeout);
    }

    public ConnectOptions withAuthPlugin(String plugin) {
        return new ConnectOptions(host, port, user, password, database, plugin, timeout);
    }
}
