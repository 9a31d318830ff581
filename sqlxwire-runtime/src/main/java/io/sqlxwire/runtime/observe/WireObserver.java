package io.sqlxwire.runtime.observe;

import io.sqlxwire.runtime.Direction;

/**
 * Hook for traffic statistics: bytes and messages per direction and message type.
 *
 * <p>Generated code holds an observer in a final field and calls it on every frame. When nobody
 * supplies one it is {@link #NONE}, an empty implementation: with that the only class behind
 * the call site, the JIT inlines the call to nothing, so an unused hook costs nothing.
 * Implementations must not allocate or block if they are to keep the codec allocation-free.
 */
public interface WireObserver {

    /** The observer that does nothing. */
    WireObserver NONE = NoOpObserver.INSTANCE;

    /** {@code count} bytes were read or written in {@code direction}. */
    void onBytes(Direction direction, int count);

    /** One message of type {@code messageType} (a per-direction id) occupying {@code frameBytes}. */
    void onMessage(Direction direction, int messageType, int frameBytes);
}
