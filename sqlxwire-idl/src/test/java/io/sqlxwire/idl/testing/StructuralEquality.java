package io.sqlxwire.idl.testing;

import io.sqlxwire.idl.diag.SourceSpan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/**
 * Deep equality of record trees (syntax trees, checked models) that ignores where things were
 * written: every {@link SourceSpan} is skipped. A failure names the path to the first difference,
 * e.g. {@code declarations[2].members[0].type.suffixes[1].terminator.value}, which says far more
 * than two pages of record {@code toString()}.
 */
public final class StructuralEquality {

    private static final int SHOWN_CHARS = 300;

    private StructuralEquality() {}

    public static void assertStructurallyEqual(Object expected, Object actual) {
        difference(expected, actual).ifPresent(message -> {
            throw new AssertionFailedError(message, expected, actual);
        });
    }

    /** The first difference between two trees, or empty when they are equal apart from spans. */
    public static Optional<String> difference(Object expected, Object actual) {
        return compare(rootName(expected, actual), expected, actual);
    }

    private static String rootName(Object expected, Object actual) {
        Object sample = expected != null ? expected : actual;
        if (sample instanceof List<?>) {
            return "list";
        }
        if (sample instanceof Map<?, ?>) {
            return "map";
        }
        return sample == null ? "value" : sample.getClass().getSimpleName();
    }

    private static Optional<String> compare(String path, Object expected, Object actual) {
        if (expected instanceof SourceSpan || actual instanceof SourceSpan || expected == actual) {
            return Optional.empty();
        }
        if (expected == null || actual == null) {
            return differs(path, expected, actual);
        }
        // Collections compare by content whatever their implementation (List.of(a) is not List.of(a, b)'s class).
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            return compareLists(path, e, a);
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return compareMaps(path, e, a);
        }
        if (expected.getClass() != actual.getClass()) {
            return Optional.of(path + ": expected a " + expected.getClass().getName() + " but was a "
                    + actual.getClass().getName() + "\n  expected: " + shown(expected) + "\n  actual:   " + shown(actual));
        }
        if (expected.getClass().isRecord()) {
            return compareRecords(path, (Record) expected, (Record) actual);
        }
        if (expected instanceof Optional<?> e) {
            Optional<?> a = (Optional<?>) actual;
            if (e.isPresent() != a.isPresent()) {
                return differs(path, expected, actual);
            }
            return e.isPresent() ? compare(path + ".get()", e.get(), a.get()) : Optional.empty();
        }
        return Objects.equals(expected, actual) ? Optional.empty() : differs(path, expected, actual);
    }

    private static Optional<String> compareRecords(String path, Record expected, Record actual) {
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            if (component.getType() == SourceSpan.class) {
                continue;
            }
            Optional<String> difference = compare(path + "." + component.getName(),
                    read(component, expected), read(component, actual));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compareLists(String path, List<?> expected, List<?> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            Optional<String> difference = compare(path + "[" + i + "]", expected.get(i), actual.get(i));
            if (difference.isPresent()) {
                return difference;
            }
        }
        if (expected.size() != actual.size()) {
            return Optional.of(path + ": expected " + expected.size() + " elements but was " + actual.size()
                    + "\n  expected: " + shown(expected) + "\n  actual:   " + shown(actual));
        }
        return Optional.empty();
    }

    private static Optional<String> compareMaps(String path, Map<?, ?> expected, Map<?, ?> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            return Optional.of(path + ": expected keys " + new TreeSet<>(keyNames(expected)) + " but was "
                    + new TreeSet<>(keyNames(actual)));
        }
        for (Map.Entry<?, ?> entry : expected.entrySet()) {
            Optional<String> difference = compare(path + "[" + entry.getKey() + "]", entry.getValue(),
                    actual.get(entry.getKey()));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static List<String> keyNames(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    private static Object read(RecordComponent component, Record owner) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true); // records nested in package-private types
            return accessor.invoke(owner);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component + " of " + owner.getClass(), e);
        }
    }

    private static Optional<String> differs(String path, Object expected, Object actual) {
        return Optional.of(path + ": expected " + shown(expected) + " but was " + shown(actual));
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }
}
