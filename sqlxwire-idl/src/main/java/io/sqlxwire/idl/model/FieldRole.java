package io.sqlxwire.idl.model;

/**
 * Why a field is there. Lengths, counts and split parts are derived from other members on encode, so
 * value records and encoders do not ask the user for them.
 */
public sealed interface FieldRole {

    record Data() implements FieldRole {}

    /** The byte length of {@code target}, plus {@code adjustment} ({@code length: u32; ... bytes[length - 4]}). */
    record LengthOf(String target, long adjustment) implements FieldRole {}

    /** The element count of {@code target}, plus {@code adjustment}. */
    record CountOf(String target, long adjustment) implements FieldRole {}

    /** Bits {@code [bitOffset, bitOffset + bitWidth)} of the joined let {@code let}. */
    record PartOf(String let, int bitOffset, int bitWidth) implements FieldRole {}

    /** Anonymous padding or reserved space. */
    record Padding() implements FieldRole {}
}
