package io.sqlxwire.idl.model;

import java.math.BigInteger;
import java.util.List;

/**
 * One arm of a union.
 *
 * @param patterns the values it matches (empty for the fallback)
 * @param guard    a further condition, or {@code null}
 */
public record UnionArm(List<Range> patterns, TypedExpr guard, WireType type, String doc) {

    public UnionArm {
        patterns = List.copyOf(patterns);
    }

    /** An inclusive range of subject values; a single value has {@code low == high}. */
    public record Range(BigInteger low, BigInteger high) {
        public boolean overlaps(Range other) {
            return low.compareTo(other.high) <= 0 && other.low.compareTo(high) <= 0;
        }

        public boolean contains(Range other) {
            return low.compareTo(other.low) <= 0 && other.high.compareTo(high) <= 0;
        }
    }
}
