package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.auth.CachingSha2Cache;
import io.sqlxwire.examples.auth.CachingSha2FullAuth;
import io.sqlxwire.examples.bridge.SqlDatabase;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicLong;

/** What the connections of one server share: the configuration, the database, the auth state. */
final class ServerContext {
    final ServerConfig config;
    final SqlDatabase database;
    /** caching_sha2_password's fast-auth cache: filled by full authentications. */
    final CachingSha2Cache sha2Cache = new CachingSha2Cache();
    /** The RSA key pair of caching_sha2_password's key exchange, made at startup. */
    final KeyPair rsaKeys = CachingSha2FullAuth.generateKeyPair();
    final AuthPaths authPaths = new AuthPaths();
    private final AtomicLong connectionIds = new AtomicLong();

    ServerContext(ServerConfig config, SqlDatabase database) {
        this.config = config;
        this.database = database;
    }

    /** The thread id of the next connection (shown by clients, e.g. the mariadb CLI's "Connection id"). */
    long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }
}
