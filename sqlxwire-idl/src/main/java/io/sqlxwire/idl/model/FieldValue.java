package io.sqlxwire.idl.model;

/** A value the codec itself writes and checks instead of taking it from the user. */
public sealed interface FieldValue {

    record None() implements FieldValue {}

    /** A magic number or fixed string: checked on decode, written on encode. */
    record Constant(TypedExpr value) implements FieldValue {}

    /**
     * A checksum of the bytes from a start up to this field: the start of {@code fromField}, or the
     * first byte of the frame (header included) when {@code fromFrame}, or else the start of the
     * enclosing struct. {@code seed} bytes, when not empty, are fed to the checksum first (CQL v5).
     */
    record Checksum(ChecksumKind kind, String fromField, boolean fromFrame, ByteString seed) implements FieldValue {}

    enum ChecksumKind { CRC32, CRC32C, CRC24 }
}
