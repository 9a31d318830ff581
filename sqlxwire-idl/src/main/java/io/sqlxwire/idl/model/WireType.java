package io.sqlxwire.idl.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * A resolved type of something on the wire. Named types (structs, enums, flags) are referred to by
 * name so that recursive descriptions stay finite; {@link ProtocolModel} looks them up.
 */
public sealed interface WireType {

    /** The size in bytes when it is the same for every value, otherwise empty. */
    OptionalLong fixedSize();

    record Int(IntKind kind, Endian order) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return OptionalLong.of(kind.size());
        }
    }

    /** MySQL's length-encoded integer, whose first byte 0xFB means NULL. */
    record LenEnc() implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return OptionalLong.empty();
        }
    }

    /** An ASCII decimal integer ended by a terminator (Redis RESP {@code :42\r\n}). */
    record AsciiInt(ByteString terminator) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return OptionalLong.empty();
        }
    }

    record Bytes(Extent extent) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return extent instanceof Extent.Fixed f ? OptionalLong.of(f.value()) : OptionalLong.empty();
        }
    }

    record Text(TextEncoding encoding, Extent extent) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return extent instanceof Extent.Fixed f ? OptionalLong.of(f.value()) : OptionalLong.empty();
        }
    }

    /** Zero bytes written on encode and skipped on decode. */
    record Padding(Extent extent) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return extent instanceof Extent.Fixed f ? OptionalLong.of(f.value()) : OptionalLong.empty();
        }
    }

    /** Nothing at all: the body of a union arm that carries no data. */
    record Empty() implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return OptionalLong.of(0);
        }
    }

    /** {@code bits} bits starting at bit {@code bitOffset}, least significant bit of each byte first. */
    record Bitmap(TypedExpr bits, int bitOffset) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return bits instanceof TypedExpr.IntConst c
                    ? OptionalLong.of((c.value().longValueExact() + bitOffset + 7) / 8) : OptionalLong.empty();
        }
    }

    record EnumRef(String name, Int base) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return base.fixedSize();
        }
    }

    record FlagsRef(String name, Int base) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return base.fixedSize();
        }
    }

    /**
     * @param arguments one per parameter of the struct, in declaration order
     * @param size      the struct's fixed size, known after sizes are computed
     */
    record StructRef(String name, List<TypedExpr> arguments, OptionalLong size) implements WireType {
        public StructRef {
            arguments = List.copyOf(arguments);
        }

        @Override
        public OptionalLong fixedSize() {
            return size;
        }
    }

    record Array(WireType element, Extent count) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            if (count instanceof Extent.Fixed f && element.fixedSize().isPresent()) {
                return OptionalLong.of(f.value() * element.fixedSize().getAsLong());
            }
            return OptionalLong.empty();
        }
    }

    /**
     * @param fallback the {@code _} arm, or {@code null}: a value no arm matches is then a codec error
     */
    record Union(TypedExpr subject, List<UnionArm> arms, UnionArm fallback) implements WireType {
        public Union {
            arms = List.copyOf(arms);
        }

        @Override
        public OptionalLong fixedSize() {
            OptionalLong size = null;
            for (UnionArm arm : allArms()) {
                OptionalLong armSize = arm.type().fixedSize();
                if (armSize.isEmpty() || size != null && size.getAsLong() != armSize.getAsLong()) {
                    return OptionalLong.empty();
                }
                size = armSize;
            }
            return size == null ? OptionalLong.empty() : size;
        }

        public List<UnionArm> allArms() {
            if (fallback == null) {
                return arms;
            }
            java.util.ArrayList<UnionArm> all = new java.util.ArrayList<>(arms);
            all.add(fallback);
            return List.copyOf(all);
        }
    }

    /** Not on the wire: parameters, session variables and lets only. */
    record Bool() implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return OptionalLong.empty();
        }
    }

    /** Not on the wire: a session variable holding a list (MySQL column types of the current result). */
    record ListOf(WireType element) implements WireType {
        @Override
        public OptionalLong fixedSize() {
            return OptionalLong.empty();
        }
    }
}
