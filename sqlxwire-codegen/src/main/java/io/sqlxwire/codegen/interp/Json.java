package io.sqlxwire.codegen.interp;

import java.util.HexFormat;

/**
 * Renders {@link Value}s as compact JSON, hand-written so the CLI jar needs no JSON library and the
 * output is byte-for-byte the same on every run: bytes as lowercase hex strings, enum constants by
 * name (a number when unknown), flags as {@code {"bits":N,"set":[names]}}, bitmaps as arrays of
 * booleans, non-finite floats as strings.
 */
public final class Json {

    private Json() {}

    public static String render(Value value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    static void write(Value value, StringBuilder out) {
        if (value instanceof Value.Int v) {
            out.append(v.value());
        } else if (value instanceof Value.Float v) {
            double d = v.value();
            if (Double.isFinite(d)) {
                out.append(d);
            } else {
                string(Double.toString(d), out);
            }
        } else if (value instanceof Value.Bool v) {
            out.append(v.value());
        } else if (value instanceof Value.Text v) {
            string(v.value(), out);
        } else if (value instanceof Value.Bytes v) {
            string(HexFormat.of().formatHex(v.value()), out);
        } else if (value instanceof Value.Null) {
            out.append("null");
        } else if (value instanceof Value.ListOf v) {
            out.append('[');
            for (int i = 0; i < v.elements().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(v.elements().get(i), out);
            }
            out.append(']');
        } else if (value instanceof Value.Obj v) {
            out.append('{');
            for (int i = 0; i < v.fields().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(v.fields().get(i).name(), out);
                out.append(':');
                write(v.fields().get(i).value(), out);
            }
            out.append('}');
        } else if (value instanceof Value.EnumConst v) {
            if (v.name() != null) {
                string(v.name(), out);
            } else {
                out.append(v.value());
            }
        } else if (value instanceof Value.Flags v) {
            out.append("{\"bits\":").append(v.bits()).append(",\"set\":[");
            for (int i = 0; i < v.names().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(v.names().get(i), out);
            }
            out.append("]}");
        } else if (value instanceof Value.Bits v) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(v.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("unknown value " + value);
        }
    }

    /** A JSON string literal; control characters and non-ASCII-safe ones are escaped. */
    public static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Escaping U+2028/2029 and lone surrogates keeps the line valid for any JSON reader.
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
                            && !validPair(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String string(String text) {
        StringBuilder out = new StringBuilder();
        string(text, out);
        return out.toString();
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
