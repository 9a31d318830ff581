package io.sqlxwire.codegen.java.decoder;

import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;
import java.util.Locale;
import java.util.Set;

/**
 * Names inside generated decoders. A field's value is stored under its member name
 * ({@code fieldCount}); everything else about it under names {@link StorageNames} derives from
 * that ({@code fieldCountOffset}, {@code nameValueLength}), which never collide with a member.
 * A member whose name is one the decoder uses for itself ({@code start}, {@code region}, ...) is
 * stored with a trailing underscore ({@code start_}), as a Java keyword is; its accessor keeps the
 * plain name ({@code start()}).
 */
public final class DecoderNames {

    /** The fields every decoder may declare for itself (see {@code DecoderBuilder}). */
    public static final Set<String> OWN_FIELDS = Set.of("own", "region", "start", "end", "trusted", "furthest", "depth",
            "session", "checksums", "frame", "frameOffset");

    /**
     * The names of the {@code wrap} methods' own parameters, beside which a value parameter of a
     * struct is passed (and then stored under the same name).
     */
    private static final Set<String> WRAP_PARAMETERS = Set.of("source", "offset", "length", "body");

    private DecoderNames() {}

    /** Storage base name of a field or a {@code let}: its member name, unless the decoder uses that name itself. */
    public static String slot(String idlName) {
        String name = Naming.member(idlName);
        return OWN_FIELDS.contains(name) ? name + "_" : name;
    }

    /**
     * The accessor of a field or a {@code let}: its member name, unless a decoder's own method of no
     * arguments has it ({@code encodedLength()}).
     */
    public static String accessor(String idlName) {
        String name = Naming.member(idlName);
        return name.equals("encodedLength") ? name + "_" : name;
    }

    /** Name of a struct's value parameter, as a {@code wrap} parameter and as the field that keeps it. */
    public static String parameter(String idlName) {
        String name = slot(idlName);
        return WRAP_PARAMETERS.contains(name) ? name + "_" : name;
    }

    /** {@code u16be}, {@code i32le}, {@code u8}: the {@code WireBuffer} method reading this integer. */
    public static String readMethod(WireType.Int type) {
        IntKind kind = type.kind();
        if (kind.size() == 1) {
            return kind.idlName();
        }
        return kind.idlName() + (type.order() == Endian.LITTLE ? "le" : "be");
    }

    /** {@code fieldCount} becomes {@code FIELD_COUNT}, for constants derived from a field. */
    public static String upperSnake(String javaName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char ch = javaName.charAt(i);
            if (Character.isUpperCase(ch) && i > 0) {
                out.append('_');
            }
            out.append(ch == '_' ? "" : String.valueOf(ch).toUpperCase(Locale.ROOT));
        }
        return out.toString();
    }
}
