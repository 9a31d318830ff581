package io.sqlxwire.idl.format;

/**
 * Re-prints literal values so that the lexer reads back exactly the value the syntax tree holds.
 * Escapes are the grammar's own ({@code \0 \r \n \t \\ \' \" \xHH}); everything else printable is
 * written as itself.
 */
final class Literals {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Literals() {}

    /** {@code "..."}: the resolved text of a string literal, import path or ALPN name. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                out.append("\\\"");
            } else {
                appendEscaped(out, ch);
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code 'Q'}: a character literal denotes one byte, so anything outside printable ASCII is
     * written as {@code \xHH}; that says "this is a byte value" better than a Latin-1 glyph would.
     */
    static String character(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("a character literal holds one byte, not " + value);
        }
        char ch = (char) value;
        StringBuilder out = new StringBuilder(6).append('\'');
        if (ch == '\'') {
            out.append("\\'");
        } else if (ch >= 0x80) {
            appendHexEscape(out, ch);
        } else {
            appendEscaped(out, ch);
        }
        return out.append('\'').toString();
    }

    /** {@code x"0003"}: the tree keeps byte strings as lower-case hex digits without spaces. */
    static String bytes(String hex) {
        return "x\"" + hex + "\"";
    }

    private static void appendEscaped(StringBuilder out, char ch) {
        switch (ch) {
            case '\0' -> out.append("\\0");
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (isControl(ch)) {
                    appendHexEscape(out, ch);
                } else {
                    out.append(ch);
                }
            }
        }
    }

    /** C0 and C1 control characters and DEL: invisible or line-breaking in an editor. */
    private static boolean isControl(char ch) {
        return ch < 0x20 || ch >= 0x7F && ch <= 0x9F;
    }

    private static void appendHexEscape(StringBuilder out, char ch) {
        out.append("\\x").append(HEX[ch >> 4 & 0xF]).append(HEX[ch & 0xF]);
    }
}
