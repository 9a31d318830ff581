package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;

/** Names in the generated {@code <Stem>Arbitraries} class, shared with the property-test generator. */
public final class ArbitraryNames {

    /** Elements of a list whose size is free (counts are derived by the encoders). */
    public static final String MAX_ELEMENTS = "MAX_ELEMENTS";
    /** Bytes of a byte string or characters of a text whose size is free. */
    public static final String MAX_BYTES = "MAX_BYTES";
    /** Nesting levels of recursive structs left to generate when a caller gives none. */
    public static final String MAX_DEPTH = "MAX_DEPTH";
    /** Elements of every list session variable, and the largest integer session variable. */
    public static final String SESSION_LIST_SIZE = "SESSION_LIST_SIZE";

    private ArbitraryNames() {}

    public static ClassName arbitrariesClass(GenerationContext context) {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "Arbitraries");
    }

    public static ClassName sessionClass(GenerationContext context) {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "Session");
    }

    /** The method giving values of a struct, message, enum or flags type: {@code rowDescription()}. */
    public static String method(String idlName) {
        return Naming.member(idlName);
    }

    /** The method giving the cases of a union field: {@code authenticationBodyCases(code)}. */
    static String unionMethod(String ownerIdlName, String fieldIdlName) {
        return Naming.member(ownerIdlName) + Naming.pascal(fieldIdlName) + "Cases";
    }

    public static final String SESSION_METHOD = "session";
}
