package io.sqlxwire.codegen.java.decoder;

import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;
import java.util.Locale;

/**
 * Names inside generated decoders. A field's value is stored under its member name
 * ({@code fieldCount}); everything else about it under names {@link StorageNames} derives from
 * that ({@code fieldCountOffset}, {@code nameValueLength}), which never collide with a member.
 */
public final class DecoderNames {

    private DecoderNames() {}

    /** Storage base name of a field: its member name. */
    public static String slot(String idlName) {
        return Naming.member(idlName);
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
