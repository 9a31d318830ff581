package io.sqlxwire.runtime;

import io.sqlxwire.runtime.error.CodecException;

/**
 * Bounds that keep hostile input from costing unbounded memory or time.
 *
 * @param maxFrameBytes largest frame (header, body and trailer) accepted or buffered
 * @param maxDepth      deepest nesting of recursive types (BSON documents, RESP arrays)
 * @param maxElements   largest element count of one array, checked before iterating it
 */
public record Limits(int maxFrameBytes, int maxDepth, int maxElements) {

    /**
     * 32 MiB frames (room for MySQL's largest physical packet, 4 + 0xFFFFFF bytes, and for large
     * PostgreSQL rows; raise it for bigger values), 64 levels of nesting, one million elements
     * per array.
     */
    public static final Limits DEFAULTS = new Limits(32 * 1024 * 1024, 64, 1_000_000);

    public Limits {
        requirePositive("maxFrameBytes", maxFrameBytes);
        requirePositive("maxDepth", maxDepth);
        requirePositive("maxElements", maxElements);
    }

    public Limits withMaxFrameBytes(int value) {
        return new Limits(value, maxDepth, maxElements);
    }

    public Limits withMaxDepth(int value) {
        return new Limits(maxFrameBytes, value, maxElements);
    }

    public Limits withMaxElements(int value) {
        return new Limits(maxFrameBytes, maxDepth, value);
    }

    /** Rejects a frame length (taken from a header, so possibly huge or negative). */
    public void checkFrame(long frameBytes, long offset) {
        if (frameBytes < 0 || frameBytes > maxFrameBytes) {
            throw new CodecException(
                    "frame of " + frameBytes + " bytes exceeds the limit of " + maxFrameBytes, offset);
        }
    }

    /** Rejects entering nesting level {@code depth} (the outermost value has depth 1). */
    public void checkDepth(int depth, long offset) {
        if (depth > maxDepth) {
            throw new CodecException("nesting deeper than the limit of " + maxDepth, offset);
        }
    }

    /** Rejects an element count read from the input before anything is sized by it. */
    public void checkElements(long count, long offset) {
        if (count < 0 || count > maxElements) {
            throw new CodecException(
                    "element count " + count + " outside 0.." + maxElements, offset);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
