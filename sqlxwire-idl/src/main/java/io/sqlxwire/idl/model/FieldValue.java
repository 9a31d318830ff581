package io.sqlxwire.idl.model;

/** A value the codec itself writes and checks instead of taking it from the user. */
public sealed interface FieldValue {

    record None() implements FieldValue {}

    /** A magic number or fixed string: checked on decode, written on encode. */
    record Constant(TypedExpr value) implements FieldValue {}

    /**
     * A checksum of the bytes from the start of {@code fromField} (or of the enclosing struct when
     * {@code null}) up to this field.
     */
    record Checksum(ChecksumKind kind, String fromField) implements FieldValue {}

    enum ChecksumKind { CRC32, CRC32C, CRC24 }
}
