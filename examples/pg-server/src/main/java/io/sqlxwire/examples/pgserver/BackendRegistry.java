package io.sqlxwire.examples.pgserver;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions a CancelRequest can reach: each gets a process id and a random secret
 * (BackendKeyData); a CancelRequest on another connection must name both.
 */
final class BackendRegistry {
    /** A registered session: its key and what cancelling it does. */
    record Backend(int processId, byte[] secret, Runnable cancel) {
    }

    private final Map<Integer, Backend> backends = new ConcurrentHashMap<>();
    private final AtomicInteger nextProcessId = new AtomicInteger(1000);
    private final SecureRandom random = new SecureRandom();

    Backend register(Runnable cancel) {
        byte[] secret = new byte[4];
        random.nextBytes(secret);
        Backend backend = new Backend(nextProcessId.incrementAndGet(), secret, cancel);
        backends.put(backend.processId(), backend);
        return backend;
    }

    void unregister(Backend backend) {
        if (backend != null) {
            backends.remove(backend.processId(), backend);
        }
    }

    /** Cancels the session with this key; a wrong key does nothing (and says nothing, as PostgreSQL). */
    boolean cancel(int processId, byte[] secret) {
        Backend backend = backends.get(processId);
        if (backend == null || !MessageDigest.isEqual(backend.secret(), secret)) {
            return false;
        }
        backend.cancel().run();
        return true;
    }
}
