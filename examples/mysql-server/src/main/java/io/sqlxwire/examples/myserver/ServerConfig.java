package io.sqlxwire.examples.myserver;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How the server runs.
 *
 * @param host           address to listen on
 * @param port           port to listen on, 0 for any free one
 * @param user           the one account's name
 * @param password       its password (may be empty)
 * @param plugin         the plugin the account is verified with; clients that start with another
 *                       one are switched to it (AuthSwitchRequest)
 * @param tls            TLS for clients that send SSLRequest, or {@code null} to offer no TLS
 * @param maxConnections connections served at once; one more is refused with ERR 1040
 * @param readTimeout    how long a connection may stay silent before it is closed
 * @param serverVersion  the version string of the greeting (Connector/J reads feature support from it)
 */
public record ServerConfig(String host, int port, String user, String password, AuthPlugin plugin, SSLContext tls,
                    int maxConnections, Duration readTimeout, String serverVersion) {

    public static final String DEFAULT_VERSION = "8.0.36-sqlxwire";

    public ServerConfig {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    /** Loopback, any free port, caching_sha2_password, no TLS, 64 connections, 5 minutes of silence. */
    public static ServerConfig of(String user, String password) {
        return new ServerConfig("127.0.0.1", 0, user, password, AuthPlugin.CACHING_SHA2_PASSWORD, null, 64,
                Duration.ofMinutes(5), DEFAULT_VERSION);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, user, password, plugin, tls, maxConnections, readTimeout, serverVersion);
    }

    public ServerConfig withPlugin(AuthPlugin value) {
        return new ServerConfig(host, port, user, password, value, tls, maxConnections, readTimeout, serverVersion);
    }

    public ServerConfig withTls(SSLContext value) {
        return new ServerConfig(host, port, user, password, plugin, value, maxConnections, readTimeout, serverVersion);
    }

    public ServerConfig withMaxConnections(int value) {
        return new ServerConfig(host, port, user, password, plugin, tls, value, readTimeout, serverVersion);
    }

    public ServerConfig withReadTimeout(Duration value) {
        return new ServerConfig(host, port, user, password, plugin, tls, maxConnections, value, serverVersion);
    }
}
