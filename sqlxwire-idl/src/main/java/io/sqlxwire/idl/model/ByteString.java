package io.sqlxwire.idl.model;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte sequence (terminators, magic values, signature bytes) with value equality. */
public final class ByteString {

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ByteString of(byte... bytes) {
        return new ByteString(bytes.clone());
    }

    public static ByteString ofHex(String hex) {
        return new ByteString(HexFormat.of().parseHex(hex));
    }

    public static ByteString ofLatin1(String text) {
        return new ByteString(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    public int length() {
        return bytes.length;
    }

    public int byteAt(int index) {
        return bytes[index] & 0xFF;
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "x\"" + hex() + "\"";
    }
}
