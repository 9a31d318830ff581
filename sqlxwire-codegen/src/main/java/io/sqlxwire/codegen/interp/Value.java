package io.sqlxwire.codegen.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A decoded value as the model interpreter produces it: a small tree that renders as JSON
 * ({@link Json}) and that expressions ({@link ExprEvaluator}) read.
 */
public sealed interface Value {

    /** The JSON text of this value, deterministic and without whitespace. */
    default String toJson() {
        return Json.render(this);
    }

    /** Any fixed-width or decimal integer; u64 values keep their full unsigned range. */
    record Int(BigInteger value) implements Value {
        public static Int of(long value) {
            return new Int(BigInteger.valueOf(value));
        }
    }

    record Float(double value) implements Value {}

    /** Not on the wire; parameters, lets, session variables and comparisons produce it. */
    record Bool(boolean value) implements Value {}

    record Text(String value) implements Value {}

    record Bytes(byte[] value) implements Value {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + java.util.HexFormat.of().formatHex(value) + "]";
        }
    }

    /** SQL NULL (a null-marked prefix or lenenc), and also an absent optional field when read. */
    record Null() implements Value {
        public static final Null INSTANCE = new Null();
    }

    record ListOf(List<Value> elements) implements Value {
        public ListOf {
            elements = List.copyOf(elements);
        }
    }

    /** A struct or message: named fields in wire order (anonymous fields left out). */
    record Obj(List<Entry> fields) implements Value {
        public static final Obj EMPTY = new Obj(List.of());

        public Obj {
            fields = List.copyOf(fields);
        }

        public Optional<Value> get(String name) {
            for (Entry entry : fields) {
                if (entry.name().equals(name)) {
                    return Optional.of(entry.value());
                }
            }
            return Optional.empty();
        }

        /** The value at a dotted path ({@code "fields", "0", "name"}: list elements by index); for tests. */
        public Optional<Value> at(String... path) {
            Value current = this;
            for (String step : path) {
                if (current instanceof Obj obj) {
                    Optional<Value> next = obj.get(step);
                    if (next.isEmpty()) {
                        return Optional.empty();
                    }
                    current = next.get();
                } else if (current instanceof ListOf list && step.chars().allMatch(Character::isDigit)) {
                    int index = Integer.parseInt(step);
                    if (index >= list.elements().size()) {
                        return Optional.empty();
                    }
                    current = list.elements().get(index);
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(current);
        }
    }

    record Entry(String name, Value value) {}

    /** A constant of an open enum; {@code name} is {@code null} for a value the enum does not list. */
    record EnumConst(String type, String name, BigInteger value) implements Value {}

    /** A flag set with the names of the set bits that the flags type declares. */
    record Flags(String type, BigInteger bits, List<String> names) implements Value {
        public Flags {
            names = List.copyOf(names);
        }
    }

    /** A bitmap of {@code size} entries. */
    record Bits(BitSet bits, int size) implements Value {
        public Bits {
            bits = (BitSet) bits.clone();
        }

        @Override
        public BitSet bits() {
            return (BitSet) bits.clone();
        }

        public boolean get(int index) {
            return bits.get(index);
        }

        public List<Boolean> asList() {
            List<Boolean> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(bits.get(i));
            }
            return list;
        }
    }
}
