package io.sqlxwire.runtime.detect;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pattern of a signature: {@code bytes} expected at {@code offset}, compared under {@code mask}
 * (a bit set in the mask is a bit that must be equal). Immutable.
 */
public final class ByteMatch {

    /** What the bytes seen so far say about a match. */
    enum Verdict { MATCH, MISMATCH, UNDECIDED }

    private final int offset;
    private final byte[] bytes;
    private final byte[] mask;

    private ByteMatch(int offset, byte[] bytes, byte[] mask) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        if (bytes.length == 0 || bytes.length != mask.length) {
            throw new IllegalArgumentException("pattern and mask must be non-empty and of the same length");
        }
        this.offset = offset;
        this.bytes = bytes;
        this.mask = mask;
    }

    /** {@code bytes} at {@code offset}, every bit compared. */
    public static ByteMatch of(int offset, byte[] bytes) {
        byte[] ones = new byte[bytes.length];
        Arrays.fill(ones, (byte) 0xFF);
        return new ByteMatch(offset, bytes.clone(), ones);
    }

    /** {@code bytes} at {@code offset}, only the bits set in {@code mask} compared. */
    public static ByteMatch of(int offset, byte[] bytes, byte[] mask) {
        return new ByteMatch(offset, bytes.clone(), mask.clone());
    }

    /** The readable form generated code uses: {@code ByteMatch.hex(4, "0003", "ffff")}. */
    public static ByteMatch hex(int offset, String bytesHex, String maskHex) {
        return new ByteMatch(offset, HexFormat.of().parseHex(bytesHex), HexFormat.of().parseHex(maskHex));
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return bytes.length;
    }

    /** The offset just past the pattern: how many bytes of input it needs. */
    public int end() {
        return offset + bytes.length;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] mask() {
        return mask.clone();
    }

    /** How many bits this pattern pins down: the measure of specificity. */
    public int bits() {
        int bits = 0;
        for (byte m : mask) {
            bits += Integer.bitCount(m & 0xFF);
        }
        return bits;
    }

    /** Compares the pattern with {@code input[from, from + length)}, as far as those bytes reach. */
    Verdict judge(byte[] input, int from, int length) {
        int available = Math.min(bytes.length, length - offset);
        for (int i = 0; i < available; i++) {
            if (((input[from + offset + i] ^ bytes[i]) & mask[i]) != 0) {
                return Verdict.MISMATCH;
            }
        }
        return available == bytes.length ? Verdict.MATCH : Verdict.UNDECIDED;
    }

    /** Bits of the pattern that {@code length} bytes of input cover: the evidence they can give. */
    int bitsWithin(int length) {
        int bits = 0;
        for (int i = 0; i < bytes.length && offset + i < length; i++) {
            bits += Integer.bitCount(mask[i] & 0xFF);
        }
        return bits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteMatch other && offset == other.offset
                && Arrays.equals(bytes, other.bytes) && Arrays.equals(mask, other.mask);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * offset + Arrays.hashCode(bytes)) + Arrays.hashCode(mask);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "at " + offset + " match x\"" + hex.formatHex(bytes) + "\" mask x\"" + hex.formatHex(mask) + "\"";
    }
}
