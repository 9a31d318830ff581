package io.sqlxwire.idl.model;

/**
 * How far a byte-like value or an array reaches. For byte-like types it counts bytes, for arrays
 * elements (except {@link Terminated} and {@link Rest}, which are about bytes in both cases).
 */
public sealed interface Extent {

    /** A size known when the description is checked. */
    record Fixed(long value) implements Extent {}

    /** A size computed from values read earlier ({@code bytes[length - 4]}, {@code F[field_count]}). */
    record Computed(TypedExpr value) implements Extent {}

    /**
     * A length (or count) written in front of the value.
     *
     * @param lengthType an {@link WireType.Int} or {@link WireType.LenEnc}
     * @param nullMarker the prefix value that stands for NULL ({@code -1} for PostgreSQL), or {@code null}
     */
    record Prefixed(WireType lengthType, Long nullMarker) implements Extent {}

    /** Ends at a terminator, which is consumed and is not part of the value. */
    record Terminated(ByteString terminator) implements Extent {}

    /** Everything up to the end of the enclosing region. */
    record Rest() implements Extent {}
}
