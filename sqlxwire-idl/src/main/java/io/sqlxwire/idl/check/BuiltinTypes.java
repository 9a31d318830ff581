package io.sqlxwire.idl.check;

import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The type names the language provides, which declarations may not reuse. */
final class BuiltinTypes {

    static final String LENENC = "lenenc";
    static final String ASCII_INT = "ascii_int";
    static final String BYTES = "bytes";
    static final String TEXT = "text";
    static final String CSTRING = "cstring";
    static final String PAD = "pad";
    static final String EMPTY = "empty";
    static final String BITMAP = "bitmap";
    static final String BOOL = "bool";

    /** Types whose first extent counts bytes rather than elements. */
    static final Set<String> BYTE_LIKE = Set.of(BYTES, TEXT, CSTRING, PAD);

    private BuiltinTypes() {}

    static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (IntKind kind : IntKind.values()) {
            names.add(kind.idlName());
            if (kind.size() > 1) {
                names.add(kind.idlName() + "le");
                names.add(kind.idlName() + "be");
            }
        }
        names.addAll(Set.of(LENENC, ASCII_INT, BYTES, TEXT, CSTRING, PAD, EMPTY, BITMAP, BOOL));
        return names;
    }

    static boolean isBuiltin(String name) {
        return names().contains(name);
    }

    /** {@code u16}, {@code i32le}, {@code f64be} with the protocol's default byte order applied. */
    static Optional<WireType.Int> integer(String name, Endian defaultOrder) {
        for (IntKind kind : IntKind.values()) {
            String base = kind.idlName();
            if (name.equals(base)) {
                return Optional.of(new WireType.Int(kind, kind.size() == 1 ? Endian.BIG : defaultOrder));
            }
            if (kind.size() > 1 && name.equals(base + "le")) {
                return Optional.of(new WireType.Int(kind, Endian.LITTLE));
            }
            if (kind.size() > 1 && name.equals(base + "be")) {
                return Optional.of(new WireType.Int(kind, Endian.BIG));
            }
        }
        return Optional.empty();
    }
}
