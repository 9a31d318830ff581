package io.sqlxwire.examples.auth;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side cache that gives {@code caching_sha2_password} its name: after a user has once
 * proven the password in full (over TLS or RSA), the server keeps {@code SHA256(SHA256(password))}
 * in memory, and later connections of that user take the fast path (one scramble, no key exchange).
 * Thread-safe: one cache per server, shared by its connections.
 */
public final class CachingSha2Cache {
    private final ConcurrentHashMap<String, byte[]> hashes = new ConcurrentHashMap<>();

    /** Records a password that has just been verified in full. */
    public void remember(String user, String password) {
        hashes.put(user, CachingSha2Password.cachedHash(password));
    }

    /** The cached hash of a user, if the user has authenticated in full since the last {@link #forget}. */
    public Optional<byte[]> lookup(String user) {
        byte[] hash = hashes.get(user);
        return hash == null ? Optional.empty() : Optional.of(hash.clone());
    }

    /** Drops a user's entry (MySQL does so on ALTER USER and FLUSH PRIVILEGES). */
    public void forget(String user) {
        hashes.remove(user);
    }
}
