package io.sqlxwire.idl.model;

import java.math.BigInteger;

/** The fixed-width numbers of the wire, with their size, signedness and value range. */
public enum IntKind {
    U8(1, false, false),
    U16(2, false, false),
    U24(3, false, false),
    U32(4, false, false),
    U64(8, false, false),
    I8(1, true, false),
    I16(2, true, false),
    I24(3, true, false),
    I32(4, true, false),
    I64(8, true, false),
    F32(4, true, true),
    F64(8, true, true);

    private final int size;
    private final boolean signed;
    private final boolean floating;

    IntKind(int size, boolean signed, boolean floating) {
        this.size = size;
        this.signed = signed;
        this.floating = floating;
    }

    public int size() {
        return size;
    }

    public int bits() {
        return size * 8;
    }

    public boolean signed() {
        return signed;
    }

    public boolean floating() {
        return floating;
    }

    /** The IDL spelling without byte-order suffix: {@code u16}, {@code i32}, {@code f64}. */
    public String idlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(bits() - 1).negate() : BigInteger.ZERO;
    }

    public BigInteger max() {
        return signed ? BigInteger.ONE.shiftLeft(bits() - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits()).subtract(BigInteger.ONE);
    }

    public boolean fits(BigInteger value) {
        return !floating && value.compareTo(min()) >= 0 && value.compareTo(max()) <= 0;
    }
}
