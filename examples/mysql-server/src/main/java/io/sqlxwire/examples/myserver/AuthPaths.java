package io.sqlxwire.examples.myserver;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How connections authenticated so far, counted per path; tests read it to check that a client
 * really took the path it was meant to (the RSA exchange, then the fast path from the cache).
 */
public final class AuthPaths {
    private final AtomicLong nativePassword = new AtomicLong();
    private final AtomicLong sha2Fast = new AtomicLong();
    private final AtomicLong sha2FullTls = new AtomicLong();
    private final AtomicLong sha2FullRsa = new AtomicLong();
    private final AtomicLong switches = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    void nativePassword() {
        nativePassword.incrementAndGet();
    }

    void sha2Fast() {
        sha2Fast.incrementAndGet();
    }

    void sha2FullTls() {
        sha2FullTls.incrementAndGet();
    }

    void sha2FullRsa() {
        sha2FullRsa.incrementAndGet();
    }

    void switched() {
        switches.incrementAndGet();
    }

    void failed() {
        failures.incrementAndGet();
    }

    public long nativePasswordCount() {
        return nativePassword.get();
    }

    public long sha2FastCount() {
        return sha2Fast.get();
    }

    public long sha2FullTlsCount() {
        return sha2FullTls.get();
    }

    public long sha2FullRsaCount() {
        return sha2FullRsa.get();
    }

    /** AuthSwitchRequests sent: the client started with another plugin than the account's. */
    public long switchCount() {
        return switches.get();
    }

    public long failureCount() {
        return failures.get();
    }

    @Override
    public String toString() {
        return "native=" + nativePassword + " sha2Fast=" + sha2Fast + " sha2FullTls=" + sha2FullTls
                + " sha2FullRsa=" + sha2FullRsa + " switches=" + switches + " failures=" + failures;
    }
}
