package io.sqlxwire.idl.model;

/**
 * The type of an expression as the checker infers it.
 *
 * @param name    the enum, flags or struct name for those kinds, otherwise {@code null}
 * @param element the element type of a {@link Kind#LIST}, otherwise {@code null}
 */
public record ExprType(Kind kind, String name, ExprType element) {

    public enum Kind { INT, FLOAT, BOOL, BYTES, TEXT, ENUM, FLAGS, STRUCT, UNION, LIST, NULL, BITMAP, ERROR }

    public static final ExprType INT = new ExprType(Kind.INT, null, null);
    public static final ExprType FLOAT = new ExprType(Kind.FLOAT, null, null);
    public static final ExprType BOOL = new ExprType(Kind.BOOL, null, null);
    public static final ExprType BYTES = new ExprType(Kind.BYTES, null, null);
    public static final ExprType TEXT = new ExprType(Kind.TEXT, null, null);
    public static final ExprType NULL = new ExprType(Kind.NULL, null, null);
    public static final ExprType UNION = new ExprType(Kind.UNION, null, null);
    public static final ExprType BITMAP = new ExprType(Kind.BITMAP, null, null);
    /** The type of an expression that already produced a diagnostic: it matches anything, quietly. */
    public static final ExprType ERROR = new ExprType(Kind.ERROR, null, null);

    public static ExprType enumOf(String name) {
        return new ExprType(Kind.ENUM, name, null);
    }

    public static ExprType flagsOf(String name) {
        return new ExprType(Kind.FLAGS, name, null);
    }

    public static ExprType structOf(String name) {
        return new ExprType(Kind.STRUCT, name, null);
    }

    public static ExprType listOf(ExprType element) {
        return new ExprType(Kind.LIST, null, element);
    }

    /** Integers, enums and flags all take part in arithmetic, comparison and bit operations. */
    public boolean isIntegral() {
        return kind == Kind.INT || kind == Kind.ENUM || kind == Kind.FLAGS || kind == Kind.ERROR;
    }

    public boolean isNumeric() {
        return isIntegral() || kind == Kind.FLOAT;
    }

    /** How a user reads it in a diagnostic: {@code int}, {@code enum AuthCode}, {@code list of int}. */
    public String describe() {
        return switch (kind) {
            case ENUM -> "enum " + name;
            case FLAGS -> "flags " + name;
            case STRUCT -> "struct " + name;
            case LIST -> "list of " + element.describe();
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
