package io.sqlxwire.idl.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The members of a struct, message or framing header in wire order.
 *
 * @param fixedSize the size when every value has it, otherwise empty
 * @param minSize   the fewest bytes any value takes
 */
public record Layout(List<Member> members, OptionalLong fixedSize, long minSize) {

    public Layout {
        members = List.copyOf(members);
    }

    public List<Field> fields() {
        return members.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
    }

    public Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Field> field(String name) {
        return fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
