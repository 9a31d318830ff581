package io.sqlxwire.maven.drift;

import java.util.List;

/**
 * How checked-in generated sources differ from a fresh generation; paths are relative to the
 * checked-in directory, with {@code /} separators, sorted.
 *
 * @param missing  generated now, but not checked in
 * @param obsolete checked in (and marked as generated), but no longer generated
 * @param changed  checked in with content other than what is generated now
 */
public record Drift(List<String> missing, List<String> obsolete, List<String> changed) {

    public Drift {
        missing = List.copyOf(missing);
        obsolete = List.copyOf(obsolete);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return missing.isEmpty() && obsolete.isEmpty() && changed.isEmpty();
    }

    public int size() {
        return missing.size() + obsolete.size() + changed.size();
    }
}
