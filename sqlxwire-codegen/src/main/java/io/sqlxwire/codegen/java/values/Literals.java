package io.sqlxwire.codegen.java.values;

import java.math.BigInteger;

/** Java source literals for values taken from the description. */
public final class Literals {

    private Literals() {}

    /**
     * An {@code int} or {@code long} literal. Unsigned 64-bit values above {@link Long#MAX_VALUE}
     * keep their bits (written in hex), as the runtime returns {@code u64} as raw bits.
     */
    public static String integer(BigInteger value, boolean wide) {
        if (!wide) {
            int v = value.intValue();
            return v == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : Integer.toString(v);
        }
        if (value.bitLength() <= 63) {
            long v = value.longValue();
            return v == Long.MIN_VALUE ? "Long.MIN_VALUE" : v + "L";
        }
        return "0x" + Long.toHexString(value.longValue()) + "L";
    }

    /** A mask: {@code 0x200L}. */
    public static String hexLong(BigInteger value) {
        return "0x" + Long.toHexString(value.longValue()) + "L";
    }
}
