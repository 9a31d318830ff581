package io.sqlxwire.idl.check;

import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.ExprType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an expression may name at one point of a description: the fields and lets read so far, the
 * parameters, and (where allowed) session variables, {@code remaining} and {@code _index}. Fields
 * declared further down are remembered so that using one early gets a precise diagnostic.
 */
final class Scope {

    enum NameKind { FIELD, LET, PARAMETER }

    /** @param wireType the wire type of a field or parameter, or {@code null} for lets */
    record Entry(NameKind kind, ExprType type, io.sqlxwire.idl.model.WireType wireType) {}

    private final Map<String, Entry> names = new LinkedHashMap<>();
    private final Map<String, SourceSpan> later = new LinkedHashMap<>();
    private final boolean sessionVisible;
    private final boolean regionVisible;
    private boolean indexVisible;

    private Scope(boolean sessionVisible, boolean regionVisible) {
        this.sessionVisible = sessionVisible;
        this.regionVisible = regionVisible;
    }

    /** Inside a struct, message or framing header: fields, lets, parameters, session, remaining. */
    static Scope layout() {
        return new Scope(true, true);
    }

    /** Where only session variables and constants make sense: transitions. */
    static Scope sessionOnly() {
        return new Scope(true, false);
    }

    /**
     * A message's {@code when}: session variables, and a look at the frame body ({@code peek},
     * {@code remaining}) before any field of the message is read.
     */
    static Scope selector() {
        return new Scope(true, true);
    }

    /** Where only constants make sense: options, enum values, session initial values, signatures. */
    static Scope constants() {
        return new Scope(false, false);
    }

    void declareLater(String name, SourceSpan span) {
        later.putIfAbsent(name, span);
    }

    void define(String name, NameKind kind, ExprType type, io.sqlxwire.idl.model.WireType wireType) {
        names.put(name, new Entry(kind, type, wireType));
        later.remove(name);
    }

    Entry lookup(String name) {
        return names.get(name);
    }

    SourceSpan declaredLater(String name) {
        return later.get(name);
    }

    Set<String> visibleNames() {
        return new LinkedHashSet<>(names.keySet());
    }

    boolean sessionVisible() {
        return sessionVisible;
    }

    boolean regionVisible() {
        return regionVisible;
    }

    boolean indexVisible() {
        return indexVisible;
    }

    /** A copy in which {@code _index} names the element being read (for array element arguments). */
    Scope withIndex() {
        Scope copy = new Scope(sessionVisible, regionVisible);
        copy.names.putAll(names);
        copy.later.putAll(later);
        copy.indexVisible = true;
        return copy;
    }
}
