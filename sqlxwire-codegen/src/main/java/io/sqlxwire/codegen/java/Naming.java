package io.sqlxwire.codegen.java;

import java.util.Locale;
import java.util.Set;

/**
 * How IDL names become Java names, in one place so every generator agrees: types in PascalCase
 * with the protocol's prefix, members in camelCase, constants as written. A name that would be a
 * Java keyword gets a trailing underscore ({@code default} becomes {@code default_}).
 */
public final class Naming {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits");

    /**
     * Methods every class (and record) has: a member named so would override or clash with them
     * ({@code getClass()} is final; a record cannot have a component {@code hashCode}).
     */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "toString", "notify",
            "notifyAll", "wait", "clone", "finalize");

    private final String prefix;

    /** @param prefix prepended to every generated type name (the protocol's {@code java_prefix}, may be empty) */
    public Naming(String prefix) {
        this.prefix = prefix;
    }

    /** {@code RowDescription} stays, {@code row_description} becomes {@code RowDescription}, with the prefix. */
    public String type(String idlName) {
        return prefix + pascal(idlName);
    }

    /** A type name derived from the protocol itself: {@code postgresql} + {@code Framer} = {@code PostgresqlFramer}. */
    public String protocolType(String protocolName, String suffix) {
        return (prefix.isEmpty() ? pascal(protocolName) : prefix) + suffix;
    }

    /** {@code field_count} becomes {@code fieldCount}; {@code RowDescription} becomes {@code rowDescription}. */
    public static String member(String idlName) {
        String pascal = pascal(idlName);
        String camel = pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
        // An all-caps name (SSL) reads better lower-cased whole: ssl, not sSL.
        if (idlName.equals(idlName.toUpperCase(Locale.ROOT)) && !idlName.contains("_")) {
            camel = idlName.toLowerCase(Locale.ROOT);
        }
        return escape(camel);
    }

    /** An enum or flags constant: kept as written ({@code MD5_PASSWORD}). */
    public static String constant(String idlName) {
        return escape(idlName);
    }

    /** {@code field_count} becomes {@code FieldCount}, for method names such as {@code onRowDescription}. */
    public static String pascal(String idlName) {
        StringBuilder out = new StringBuilder(idlName.length());
        boolean upper = true;
        for (int i = 0; i < idlName.length(); i++) {
            char ch = idlName.charAt(i);
            if (ch == '_') {
                upper = true;
                continue;
            }
            out.append(upper ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        return out.toString();
    }

    /** The name, or with a trailing underscore when it is a Java keyword or a method every object has. */
    public static String escape(String name) {
        return KEYWORDS.contains(name) || OBJECT_METHODS.contains(name) ? name + "_" : name;
    }
}
