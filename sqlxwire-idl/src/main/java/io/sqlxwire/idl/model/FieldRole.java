package io.sqlxwire.idl.model;

/**
 * Why a field is there. Lengths, counts and split parts are derived from other members on encode, so
 * value records and encoders do not ask the user for them.
 */
public sealed interface FieldRole {

    record Data() implements FieldRole {}

    /**
     * The byte length of {@code target}: the field holds {@code length / unit + adjustment}
     * ({@code length: u32; data: bytes[length - 4]} gives adjustment 4; TDS's character counts
     * {@code text(utf16le)[cch * 2]} give unit 2).
     */
    record LengthOf(String target, long adjustment, long unit) implements FieldRole {}

    /** The element count of {@code target}: the field holds {@code count / unit + adjustment}. */
    record CountOf(String target, long adjustment, long unit) implements FieldRole {}

    /**
     * Where positioned field {@code target} starts in the enclosing region: the field holds
     * {@code offset + adjustment} (TDS LOGIN7 offset/length pairs).
     */
    record OffsetOf(String target, long adjustment) implements FieldRole {}

    /** Bits {@code [bitOffset, bitOffset + bitWidth)} of the joined let {@code let}. */
    record PartOf(String let, int bitOffset, int bitWidth) implements FieldRole {}

    /** Anonymous padding or reserved space. */
    record Padding() implements FieldRole {}
}
