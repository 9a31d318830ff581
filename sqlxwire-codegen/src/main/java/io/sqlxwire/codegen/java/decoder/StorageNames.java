package io.sqlxwire.codegen.java.decoder;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names of what a decoder stores about a field besides its value: {@code fieldCount} is the
 * value, {@code fieldCountOffset} where the field starts, {@code nameValueLength} the length of a
 * text's bytes, and so on. The plain form is the slot plus a suffix; when that is already a
 * member's name (a field {@code data_offset} beside a field {@code data}) or another derived
 * name, the kind's other suffix is used ({@code dataStart}), and a number after that, so the
 * storage of two fields never collides. Names are handed out
 * in generation order, which is the model's order, so the output stays deterministic.
 */
public final class StorageNames {

    /** The kinds of derived storage, each with its suffix. */
    public enum Kind {
        /** Where the field starts in the region. */
        OFFSET("Offset", "Start"),
        /** Where the field ends (where the next one starts). */
        END("End", "EndOffset"),
        /** Where a byte-like value's bytes start (after a length prefix). */
        VALUE_OFFSET("ValueOffset", "ValueStart"),
        /** How many bytes a byte-like value has (without prefix or terminator). */
        VALUE_LENGTH("ValueLength", "ValueSize"),
        /** Whether an optional field's condition held. */
        PRESENT("Present", "IsPresent"),
        /** The reused text or byte view of a byte-like value. */
        VIEW("View", "ValueView"),
        /** Whether a nullable value was NULL on the wire. */
        NULL("Null", "IsNull"),
        /** Which union case was read. */
        ARM("Arm", "ArmIndex"),
        /** How many entries a bitmap has. */
        BIT_COUNT("BitCount", "Bits");

        final String suffix;
        /** The suffix used when the plain name is taken, before falling back to numbers. */
        final String otherSuffix;

        Kind(String suffix, String otherSuffix) {
            this.suffix = suffix;
            this.otherSuffix = otherSuffix;
        }
    }

    private final Set<String> taken = new HashSet<>();
    private final Map<List<String>, String> given = new HashMap<>();

    /** @param reserved the names the decoder's members and fixed fields already use */
    StorageNames(Set<String> reserved) {
        taken.addAll(reserved);
    }

    /** The name of {@code kind} of storage about {@code slot}; the same name for the same pair. */
    String of(String slot, Kind kind) {
        return derived(slot, kind.suffix, kind.otherSuffix);
    }

    /** The slot of a union case's value: {@code auth} and {@code Md5Password} give {@code authMd5Password}. */
    String arm(String slot, String armName) {
        return derived(slot, armName, "Case" + armName);
    }

    private String derived(String slot, String suffix, String otherSuffix) {
        return given.computeIfAbsent(List.of(slot, suffix), key -> {
            if (taken.add(slot + suffix)) {
                return slot + suffix;
            }
            String candidate = slot + otherSuffix;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = slot + otherSuffix + n;
            }
            return candidate;
        });
    }
}
