package io.sqlxwire.codegen.java.arbitrary;

import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an expression inside a generated arbitrary may refer to: the record components generated so
 * far (lambda parameters of the {@code flatMap} chain), the method's parameters, the session and
 * the element index. Records which locals were used, so a record without dependencies between its
 * components is built with {@code Combinators.combine} instead of a chain.
 */
final class Scope {

    /** A component already generated, held in a local of the same (Java) name. */
    record Local(String javaName, Member member) {
        boolean optional() {
            return member instanceof Field f && f.isOptional();
        }
    }

    private final Map<String, Local> locals = new LinkedHashMap<>();
    private final boolean hasSession;
    private final boolean hasIndex;
    private boolean usedLocal;

    Scope(boolean hasSession, boolean hasIndex) {
        this.hasSession = hasSession;
        this.hasIndex = hasIndex;
    }

    void add(String idlName, String javaName, Member member) {
        locals.put(idlName, new Local(javaName, member));
    }

    Local local(String idlName) {
        Local local = locals.get(idlName);
        if (local != null) {
            usedLocal = true;
        }
        return local;
    }

    boolean hasSession() {
        return hasSession;
    }

    boolean hasIndex() {
        return hasIndex;
    }

    /** Whether an expression translated since the last {@link #resetUse()} read a generated component. */
    boolean usedLocal() {
        return usedLocal;
    }

    void resetUse() {
        usedLocal = false;
    }

    static boolean isJoin(Member member) {
        return member instanceof Let let && let.isJoin();
    }
}
