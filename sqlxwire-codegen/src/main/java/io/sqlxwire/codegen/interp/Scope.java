package io.sqlxwire.codegen.interp;

import io.sqlxwire.runtime.buffer.WireBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the expressions inside one struct or message can see: the members read so far (with where
 * they lie, for {@code sizeof} and checksums), the parameters, the session, the array index and
 * the frame. A nested struct gets a scope of its own: it sees only its parameters and the session.
 */
final class Scope {

    private final Map<String, Value> members = new HashMap<>();
    private final Map<String, int[]> spans = new HashMap<>();
    private final List<Value.Entry> output = new ArrayList<>();
    private final Map<String, Value> parameters;
    private final Session session;
    private final int depth;
    private final WireBuffer frame;
    private int elementIndex = -1;
    private int structStart;
    private int furthest;

    Scope(Map<String, Value> parameters, Session session, int depth, WireBuffer frame) {
        this.parameters = parameters;
        this.session = session;
        this.depth = depth;
        this.frame = frame;
    }

    /** A scope with nothing but the session: initial values, framing expressions without a frame. */
    static Scope detached(Session session) {
        return new Scope(Map.of(), session, 0, null);
    }

    /** A scope over the fields of an already decoded message, for transition actions. */
    static Scope over(Value.Obj message, Session session) {
        Scope scope = detached(session);
        for (Value.Entry entry : message.fields()) {
            scope.members.put(entry.name(), entry.value());
        }
        return scope;
    }

    Scope nested(Map<String, Value> nestedParameters) {
        return new Scope(nestedParameters, session, depth + 1, frame);
    }

    void put(String name, Value value, int start, int length, boolean visible) {
        if (name.equals("_")) {
            return;
        }
        members.put(name, value);
        spans.put(name, new int[] {start, length});
        if (visible) {
            output.add(new Value.Entry(name, value));
        }
    }

    void putLet(String name, Value value) {
        members.put(name, value);
        output.add(new Value.Entry(name, value));
    }

    /** An optional field whose condition was false: reads as {@link Value.Null}, not shown. */
    void absent(String name) {
        members.put(name, Value.Null.INSTANCE);
        spans.put(name, new int[] {0, 0});
    }

    Value member(String name) {
        return members.get(name);
    }

    int[] span(String name) {
        return spans.get(name);
    }

    Value parameter(String name) {
        Value value = parameters.get(name);
        return value == null ? Value.Null.INSTANCE : value;
    }

    Session session() {
        return session;
    }

    int depth() {
        return depth;
    }

    WireBuffer frame() {
        return frame;
    }

    int elementIndex() {
        return elementIndex;
    }

    void elementIndex(int index) {
        this.elementIndex = index;
    }

    int structStart() {
        return structStart;
    }

    void structStart(int start) {
        this.structStart = start;
    }

    /** Records the end of a positioned field, which the cursor does not pass over. */
    void reached(int position) {
        furthest = Math.max(furthest, position);
    }

    int furthest() {
        return furthest;
    }

    Value.Obj toObj() {
        return new Value.Obj(output);
    }
}
