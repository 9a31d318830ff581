package io.sqlxwire.runtime.buffer;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.error.CodecException;

/**
 * The bound checks a generated decoder makes while it validates a value, shared by all of them.
 *
 * <p>Every method takes the region being read and positions relative to it. {@code limit} is where
 * the bytes of the current value end, which can lie before the end of the region (inside a
 * {@code size(...)} sub-region). Failures are {@link CodecException}s whose offset is the failing
 * position in the region's error coordinates ({@link WireBuffer#origin()} plus the position); the
 * decoder that catches them adds the field path and the message name.
 *
 * <p>The methods are small and static so that the JIT inlines them where the decoder calls them.
 */
public final class RegionChecks {

    private static final int MAX_ELEMENTS = Limits.DEFAULTS.maxElements();

    private RegionChecks() {
    }

    /** Fails unless {@code count} bytes at {@code pos} lie before {@code limit}. */
    public static void need(WireBuffer region, int pos, int count, int limit) {
        if (count > limit - pos) {
            throw CodecException.truncated(region.origin() + pos, count, limit - pos);
        }
    }

    /**
     * A length read or computed from the input, checked against the bytes left before {@code limit}
     * before anything relies on it.
     */
    public static int lengthAt(WireBuffer region, long length, int pos, int limit) {
        if (length < 0) {
            throw fail(region, "negative length " + length, pos);
        }
        if (length > limit - pos) {
            throw CodecException.truncated(region.origin() + pos, length, limit - pos);
        }
        return (int) length;
    }

    /**
     * The position of {@code offset} counted from {@code start}, the first byte of a value that ends
     * at {@code limit}, checked to lie within {@code [start, limit]}.
     */
    public static int offsetIn(WireBuffer region, int start, long offset, int pos, int limit) {
        if (offset < 0 || offset > limit - start) {
            throw fail(region, "offset " + offset + " outside the region of " + (limit - start) + " bytes", pos);
        }
        return start + (int) offset;
    }

    /** An element count from the input, bounded by {@link Limits#maxElements()} before anything iterates over it. */
    public static int elementCount(WireBuffer region, long count, int pos) {
        if (count < 0 || count > MAX_ELEMENTS) {
            throw fail(region, "element count " + count + " outside 0.." + MAX_ELEMENTS, pos);
        }
        return (int) count;
    }

    /**
     * Index of {@code terminator} in {@code [from, limit)}, searched in steps of the text's code
     * unit ({@code step} bytes, so that a UTF-16 NUL is not found across two characters).
     */
    public static int findTerminator(WireBuffer region, byte[] terminator, int from, int limit, int step) {
        for (int at = from; at <= limit - terminator.length; at += step) {
            if (region.contentEquals(at, terminator.length, terminator, 0)) {
                return at;
            }
        }
        throw fail(region, "no terminator before the end of the region", from);
    }

    /** Whether the bytes at {@code pos}, before {@code limit}, begin with {@code bytes}. */
    public static boolean startsWith(WireBuffer region, byte[] bytes, int pos, int limit) {
        return bytes.length <= limit - pos && region.contentEquals(pos, bytes.length, bytes, 0);
    }

    /** {@code a / b} of values from the input, failing at {@code pos} when {@code b} is zero. */
    public static long divide(WireBuffer region, long a, long b, int pos) {
        if (b == 0) {
            throw fail(region, "division by zero", pos);
        }
        return a / b;
    }

    /** {@code a % b} of values from the input, failing at {@code pos} when {@code b} is zero. */
    public static long remainder(WireBuffer region, long a, long b, int pos) {
        if (b == 0) {
            throw fail(region, "division by zero", pos);
        }
        return a % b;
    }

    /**
     * The position of a look-ahead read of {@code size} bytes at {@code at} (computed from the
     * input, so possibly negative or huge), checked to lie before {@code limit}. The read does not
     * consume anything: {@code region.u16be(peekAt(region, pos + 3, 2, limit))}.
     */
    public static int peekAt(WireBuffer region, long at, int size, int limit) {
        if (at < 0 || at > limit) {
            throw fail(region, "peek outside the region", limit);
        }
        need(region, (int) at, size, limit);
        return (int) at;
    }

    /** A failure at {@code pos} of the region, for the decoder to throw. */
    public static CodecException fail(WireBuffer region, String detail, int pos) {
        return new CodecException(detail, region.origin() + pos);
    }
}
