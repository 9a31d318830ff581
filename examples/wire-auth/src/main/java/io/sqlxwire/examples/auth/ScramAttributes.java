package io.sqlxwire.examples.auth;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code a=value,b=value} attribute list SCRAM messages are made of (RFC 5802 section 5), kept in
 * wire order because the RFC fixes the order of each message's attributes.
 */
record ScramAttributes(List<Attribute> attributes) {

    record Attribute(char name, String value) {
    }

    static ScramAttributes parse(String message, String what) {
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException(what + ": empty message");
        }
        List<Attribute> parsed = new ArrayList<>();
        // limit -1 keeps trailing empty fields, so "r=x," is reported rather than ignored.
        for (String field : message.split(",", -1)) {
            if (field.length() < 2 || field.charAt(1) != '=' || !isAttributeName(field.charAt(0))) {
                throw new IllegalArgumentException(what + ": malformed attribute '" + field + "'");
            }
            parsed.add(new Attribute(field.charAt(0), field.substring(2)));
        }
        return new ScramAttributes(List.copyOf(parsed));
    }

    private static boolean isAttributeName(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The value of the attribute at {@code index}, which must be named {@code name}. */
    String require(int index, char name, String what) {
        if (index >= attributes.size() || attributes.get(index).name() != name) {
            throw new IllegalArgumentException(what + ": expected attribute '" + name + "=' at position " + (index + 1));
        }
        return attributes.get(index).value();
    }

    /** Rejects attributes after the last one the message defines (mandatory extensions are unsupported). */
    void requireSize(int size, String what) {
        if (attributes.size() > size) {
            throw new IllegalArgumentException(
                    what + ": unexpected attribute '" + attributes.get(size).name() + "=' (extensions unsupported)");
        }
    }

    static byte[] base64(String value, String what) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": invalid base64 '" + value + "'", e);
        }
    }

    /** A nonce is printable ASCII without ',' (RFC 5802 "printable"). */
    static String nonce(String value, String what) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + ": empty nonce");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                throw new IllegalArgumentException(what + ": nonce has a non-printable character at index " + i);
            }
        }
        return value;
    }

    /** saslname: '=' and ',' are written as "=3D" and "=2C". */
    static String encodeName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    static String decodeName(String saslname, String what) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < saslname.length(); i++) {
            char c = saslname.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (saslname.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else if (saslname.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else {
                throw new IllegalArgumentException(what + ": bad escape in username at index " + i);
            }
        }
        return out.toString();
    }
}
