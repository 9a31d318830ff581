package io.sqlxwire.examples.myserver;

/** The password plugins this server verifies. */
public enum AuthPlugin {
    /** SHA-1 scramble; the MariaDB default. */
    MYSQL_NATIVE_PASSWORD("mysql_native_password"),
    /** SHA-256 scramble with a server-side cache and full authentication over TLS or RSA; the MySQL 8 default. */
    CACHING_SHA2_PASSWORD("caching_sha2_password");

    private final String wireName;

    AuthPlugin(String wireName) {
        this.wireName = wireName;
    }

    /** The name in HandshakeV10, HandshakeResponse41 and AuthSwitchRequest. */
    public String wireName() {
        return wireName;
    }

    public static AuthPlugin byWireName(String name) {
        for (AuthPlugin plugin : values()) {
            if (plugin.wireName.equals(name)) {
                return plugin;
            }
        }
        throw new IllegalArgumentException("unknown authentication plugin " + name
                + " (mysql_native_password or caching_sha2_password)");
    }
}
