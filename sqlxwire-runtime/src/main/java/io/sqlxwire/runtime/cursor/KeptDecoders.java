package io.sqlxwire.runtime.cursor;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One decoder per element for the first {@link #MAX} elements of an array of flat structs (a
 * RowDescription's fields, a binary row's values): a generated decoder's {@code wrap} validates
 * each element with its own decoder, and the cursor's {@code next()} and {@code get(i)} hand that
 * decoder out as it is, without reading the element again.
 *
 * <p>Decoders are created on first use and kept for the next messages, so the number created is
 * bounded by the widest array seen and by {@link #MAX}, never by a count a hostile peer declares;
 * the elements after {@link #MAX} share one decoder, which the cursor re-points.
 *
 * @param <D> the element decoder
 */
public final class KeptDecoders<D> {

    /** Elements that have a decoder of their own. */
    public static final int MAX = 256;

    private final Supplier<D> factory;
    private Object[] decoders = new Object[0];

    public KeptDecoders(Supplier<D> factory) {
        this.factory = factory;
    }

    /** The decoder of element {@code index} (below {@link #MAX}), created on first use. */
    @SuppressWarnings("unchecked")
    public D of(int index) {
        if (index >= decoders.length) {
            if (index >= MAX) {
                throw new IndexOutOfBoundsException("element " + index + " has no decoder of its own (the first " + MAX
                        + " have)");
            }
            decoders = Arrays.copyOf(decoders, Math.min(MAX, Math.max(8, index * 2)));
        }
        Object decoder = decoders[index];
        if (decoder == null) {
            decoder = factory.get();
            decoders[index] = decoder;
        }
        return (D) decoder;
    }
}
