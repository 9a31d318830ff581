package io.sqlxwire.idl.model;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.OptionalLong;

/**
 * A checked field.
 *
 * @param value       a constant or checksum the codec fills itself, or {@link FieldValue.None}
 * @param condition   present only when this holds, or {@code null} when always present
 * @param regionSize  {@code size(...)}: the type is read within that many bytes, or {@code null}
 * @param position    {@code at(...)}: offset from the start of the enclosing region, or {@code null}
 * @param transform   name of a declared hand-written transform, or {@code null}
 * @param role        why the field exists: data, or derived from another member on encode
 * @param fixedOffset the offset from the start of the enclosing struct when known for every value
 */
public record Field(String name, String doc, WireType type, FieldValue value, TypedExpr condition,
                    TypedExpr regionSize, TypedExpr position, String transform, FieldRole role,
                    OptionalLong fixedOffset, SourceSpan span) implements Member {

    public boolean isOptional() {
        return condition != null;
    }

    public boolean isAnonymous() {
        return name.equals("_");
    }

    /** Whether the user supplies this field when encoding, as opposed to the codec computing it. */
    public boolean isUserSupplied() {
        return role instanceof FieldRole.Data && value instanceof FieldValue.None;
    }
}
