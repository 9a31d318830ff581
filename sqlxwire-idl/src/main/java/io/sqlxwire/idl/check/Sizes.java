package io.sqlxwire.idl.check;

import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/** The fewest bytes a type or field can take, and the fixed size where there is one. */
final class Sizes {

    private final ToLongFunction<String> structMinSize;

    /** @param structMinSize the minimum size of a struct by name (0 while it is being checked) */
    Sizes(ToLongFunction<String> structMinSize) {
        this.structMinSize = structMinSize;
    }

    long min(WireType type) {
        if (type instanceof WireType.Int i) {
            return i.kind().size();
        } else if (type instanceof WireType.LenEnc) {
            return 1;
        } else if (type instanceof WireType.AsciiInt a) {
            return a.terminator().length() + 1;
        } else if (type instanceof WireType.Bytes b) {
            return min(b.extent());
        } else if (type instanceof WireType.Text t) {
            return min(t.extent());
        } else if (type instanceof WireType.Padding p) {
            return min(p.extent());
        } else if (type instanceof WireType.Bitmap) {
            return type.fixedSize().orElse(0);
        } else if (type instanceof WireType.EnumRef e) {
            return e.base().kind().size();
        } else if (type instanceof WireType.FlagsRef f) {
            return f.base().kind().size();
        } else if (type instanceof WireType.StructRef s) {
            return structMinSize.applyAsLong(s.name());
        } else if (type instanceof WireType.Array a) {
            Extent count = a.count();
            if (count instanceof Extent.Fixed f) {
                return saturatingMultiply(f.value(), min(a.element()));
            }
            return min(count);
        } else if (type instanceof WireType.Union u) {
            long least = Long.MAX_VALUE;
            for (UnionArm arm : u.allArms()) {
                least = Math.min(least, min(arm.type()));
            }
            return least == Long.MAX_VALUE ? 0 : least;
        }
        return 0;
    }

    private long min(Extent extent) {
        if (extent instanceof Extent.Fixed f) {
            return f.value();
        } else if (extent instanceof Extent.Prefixed p) {
            return min(p.lengthType());
        } else if (extent instanceof Extent.Terminated t) {
            return t.terminator().length();
        }
        return 0;
    }

    /** The bytes a field takes in the enclosing layout (0 when positioned elsewhere, unknown when optional). */
    long minOfField(Field field) {
        if (field.position() != null || field.condition() != null) {
            return 0;
        }
        Optional<BigInteger> region = field.regionSize() == null ? Optional.empty() : Constants.integer(field.regionSize());
        if (region.isPresent()) {
            return region.get().longValue();
        }
        return field.regionSize() != null ? 0 : min(field.type());
    }

    /** The bytes a field takes when that is the same for every value, otherwise empty. */
    static OptionalLong fixedOfField(Field field) {
        if (field.position() != null) {
            return OptionalLong.of(0);
        }
        if (field.condition() != null) {
            return OptionalLong.empty();
        }
        if (field.regionSize() != null) {
            Optional<BigInteger> region = Constants.integer(field.regionSize());
            return region.isPresent() ? OptionalLong.of(region.get().longValue()) : OptionalLong.empty();
        }
        return field.type().fixedSize();
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /** Whether the type swallows the rest of its region, leaving nothing for fields after it. */
    static boolean takesRest(WireType type) {
        if (type instanceof WireType.Bytes b) {
            return b.extent() instanceof Extent.Rest;
        } else if (type instanceof WireType.Text t) {
            return t.extent() instanceof Extent.Rest;
        } else if (type instanceof WireType.Padding p) {
            return p.extent() instanceof Extent.Rest;
        } else if (type instanceof WireType.Array a) {
            return a.count() instanceof Extent.Rest;
        } else if (type instanceof WireType.Union u) {
            return !u.allArms().isEmpty() && u.allArms().stream().allMatch(arm -> takesRest(arm.type()));
        }
        return false;
    }

    static boolean isIntegerOnWire(WireType type) {
        return type instanceof WireType.Int i && !i.kind().floating() || type instanceof WireType.LenEnc
                || type instanceof WireType.AsciiInt;
    }

    /** Integers and the enums and flags built on them: what a tag or sequence field may be. */
    static boolean isIntegralOnWire(WireType type) {
        return isIntegerOnWire(type) || type instanceof WireType.EnumRef || type instanceof WireType.FlagsRef;
    }

}
