package io.sqlxwire.idl.check;

import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether recursive structs are sound. A recursive type (a BSON document, a RESP array)
 * must read at least one byte on every path before it contains itself again — otherwise nothing
 * bounds the recursion by the input's size — and must be able to stop: a struct that contains
 * itself unconditionally describes no finite input.
 */
final class RecursionChecker {

    /** A struct used inside another: whether it may be absent, and the fewest bytes read before it. */
    private record Edge(String from, String to, boolean optional, long bytesBefore, SourceSpan span) {}

    private final CheckContext ctx;
    private final Sizes sizes;
    private final Map<String, List<Edge>> edges = new LinkedHashMap<>();

    RecursionChecker(CheckContext ctx, Sizes sizes) {
        this.ctx = ctx;
        this.sizes = sizes;
    }

    /** Reports unsound recursion and returns the names of all recursive structs. */
    Set<String> check(List<StructModel> structs) {
        for (StructModel s : structs) {
            List<Edge> out = new ArrayList<>();
            long before = 0;
            for (Field f : s.layout().fields()) {
                collect(s.name(), f.type(), f.condition() != null, before, f.span(), out);
                before += sizes.minOfField(f);
            }
            edges.put(s.name(), out);
        }
        Set<String> recursive = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String name : edges.keySet()) {
            if (cycleThrough(name, e -> true) != null) {
                recursive.add(name);
            }
            List<Edge> unbounded = cycleThrough(name, e -> e.bytesBefore() == 0);
            if (unbounded != null && reported.add(key(unbounded))) {
                ctx.error(unbounded.get(0).span(), "recursive type " + name + " without a size bound: it can contain itself "
                        + "without reading a byte (" + path(unbounded) + ")");
                continue;
            }
            List<Edge> endless = cycleThrough(name, e -> !e.optional());
            if (endless != null && reported.add(key(endless))) {
                ctx.error(endless.get(0).span(), "recursive type " + name + " has no base case: it always contains itself ("
                        + path(endless) + "); make the inner use optional (if, a union arm, or an array that may be empty)");
            }
        }
        return recursive;
    }

    private void collect(String from, WireType type, boolean optional, long before, SourceSpan span, List<Edge> out) {
        if (type instanceof WireType.StructRef s) {
            out.add(new Edge(from, s.name(), optional, before, span));
        } else if (type instanceof WireType.Array a) {
            boolean mayBeEmpty = !(a.count() instanceof Extent.Fixed f && f.value() > 0);
            long prefix = a.count() instanceof Extent.Prefixed p ? sizes.min(p.lengthType()) : 0;
            collect(from, a.element(), optional || mayBeEmpty, before + prefix, span, out);
        } else if (type instanceof WireType.Union u) {
            boolean single = u.allArms().size() == 1 && u.fallback() != null;
            for (UnionArm arm : u.allArms()) {
                collect(from, arm.type(), optional || !single, before, span, out);
            }
        }
    }

    /** A cycle from {@code start} back to itself using only edges that pass {@code allowed}, or null. */
    private List<Edge> cycleThrough(String start, Predicate<Edge> allowed) {
        return search(start, start, allowed, new HashSet<>(), new ArrayList<>());
    }

    private List<Edge> search(String start, String at, Predicate<Edge> allowed, Set<String> visited, List<Edge> path) {
        for (Edge e : edges.getOrDefault(at, List.of())) {
            if (!allowed.test(e)) {
                continue;
            }
            path.add(e);
            if (e.to().equals(start)) {
                return new ArrayList<>(path);
            }
            if (visited.add(e.to())) {
                List<Edge> found = search(start, e.to(), allowed, visited, path);
                if (found != null) {
                    return found;
                }
            }
            path.remove(path.size() - 1);
        }
        return null;
    }

    private static String path(List<Edge> cycle) {
        StringBuilder out = new StringBuilder(cycle.get(0).from());
        for (Edge e : cycle) {
            out.append(" -> ").append(e.to());
        }
        return out.toString();
    }

    /** One report per cycle, whichever struct of it is met first. */
    private static String key(List<Edge> cycle) {
        List<String> names = new ArrayList<>(cycle.stream().map(Edge::from).toList());
        java.util.Collections.sort(names);
        return String.join(",", names);
    }
}
