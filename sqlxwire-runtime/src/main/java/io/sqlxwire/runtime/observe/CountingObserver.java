package io.sqlxwire.runtime.observe;

import io.sqlxwire.runtime.Direction;

/**
 * Counts bytes, and messages and their bytes per type, in plain arrays (no allocation per call).
 * Message types outside {@code 0..typesPerDirection-1} are counted under {@link #OTHER}.
 * Not thread-safe: one per connection, or read after the traffic has stopped.
 */
public final class CountingObserver implements WireObserver {

    /** Type index standing for every message type beyond the declared range. */
    public static final int OTHER = -1;

    private final long[] bytes = new long[Direction.values().length];
    private final long[][] messages;
    private final long[][] messageBytes;

    public CountingObserver(int typesPerDirection) {
        messages = new long[Direction.values().length][typesPerDirection + 1];
        messageBytes = new long[Direction.values().length][typesPerDirection + 1];
    }

    @Override
    public void onBytes(Direction direction, int count) {
        bytes[direction.ordinal()] += count;
    }

    @Override
    public void onMessage(Direction direction, int messageType, int frameBytes) {
        int slot = slot(direction, messageType);
        messages[direction.ordinal()][slot]++;
        messageBytes[direction.ordinal()][slot] += frameBytes;
    }

    public long bytes(Direction direction) {
        return bytes[direction.ordinal()];
    }

    public long messages(Direction direction, int messageType) {
        return messages[direction.ordinal()][slot(direction, messageType)];
    }

    public long messageBytes(Direction direction, int messageType) {
        return messageBytes[direction.ordinal()][slot(direction, messageType)];
    }

    /** All messages seen in {@code direction}, whatever their type. */
    public long totalMessages(Direction direction) {
        long total = 0;
        for (long count : messages[direction.ordinal()]) {
            total += count;
        }
        return total;
    }

    private int slot(Direction direction, int messageType) {
        int others = messages[direction.ordinal()].length - 1;
        return messageType >= 0 && messageType < others ? messageType : others;
    }
}
