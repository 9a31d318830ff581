package io.sqlxwire.runtime.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A translated statement and how its parameters relate to the original's.
 *
 * @param sql      the statement in the target style
 * @param bindings one per target parameter, in the target's parameter order: by occurrence for
 *                 {@code ?}/{@code %s}, by number for {@code $n}, by first appearance for names
 */
public record Translation(String sql, List<Binding> bindings) {

    /**
     * Target parameter {@code target} takes the value of source parameter {@code source}. Keys are the
     * name for named styles and the 1-based position (occurrence or {@code $} number) as text otherwise.
     */
    public record Binding(String target, String source) {
        public Binding {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(source, "source");
        }
    }

    public Translation {
        Objects.requireNonNull(sql, "sql");
        bindings = List.copyOf(bindings);
    }

    /** The values for the target parameters, in target order, given each source parameter's value by key. */
    public <T> List<T> arrange(Function<String, T> sourceValue) {
        List<T> values = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            values.add(sourceValue.apply(b.source()));
        }
        return values;
    }

    /** As {@link #arrange(Function)} for a positional source: key "1" is {@code sourceValues.get(0)}. */
    public <T> List<T> arrangePositional(List<T> sourceValues) {
        return arrange(key -> {
            int index = Integer.parseInt(key) - 1;
            if (index < 0 || index >= sourceValues.size()) {
                throw new IllegalArgumentException("no value for source parameter " + key + " (have " + sourceValues.size() + ")");
            }
            return sourceValues.get(index);
        });
    }
}
