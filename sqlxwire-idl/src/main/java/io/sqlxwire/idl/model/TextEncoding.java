package io.sqlxwire.idl.model;

import java.util.Arrays;
import java.util.Optional;

/** The character sets text fields may use, with the name the IDL spells and the JDK's charset name. */
public enum TextEncoding {
    UTF8("utf8", "UTF-8", 1),
    ASCII("ascii", "US-ASCII", 1),
    LATIN1("latin1", "ISO-8859-1", 1),
    UTF16LE("utf16le", "UTF-16LE", 2),
    UTF16BE("utf16be", "UTF-16BE", 2),
    /** EBCDIC International (DRDA). */
    CP500("cp500", "IBM500", 1),
    /** EBCDIC US/Canada (DRDA). */
    CP037("cp037", "IBM037", 1);

    private final String idlName;
    private final String javaName;
    private final int unitSize;

    TextEncoding(String idlName, String javaName, int unitSize) {
        this.idlName = idlName;
        this.javaName = javaName;
        this.unitSize = unitSize;
    }

    public String idlName() {
        return idlName;
    }

    public String javaName() {
        return javaName;
    }

    /** Bytes per code unit: a terminator or fixed size must be a multiple of it. */
    public int unitSize() {
        return unitSize;
    }

    public static Optional<TextEncoding> byIdlName(String name) {
        return Arrays.stream(values()).filter(e -> e.idlName.equals(name)).findFirst();
    }
}
