package io.sqlxwire.runtime.session;

import java.util.Arrays;

/**
 * A growable list of {@code long}s for session variables declared as lists of wide integers,
 * enums based on u32 and wider, or flags (whose bits are kept in a {@code long}): the
 * {@link IntList} of {@code long}s, for the same reason (a plain array lookup per read, no boxing).
 */
public final class LongList {

    private long[] elements = new long[8];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Element {@code index}.
     *
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code 0..size()-1}
     */
    public long get(int index) {
        if (index >= size || index < 0) {
            throw new IndexOutOfBoundsException("index " + index + " of a list of " + size);
        }
        return elements[index];
    }

    public void add(long value) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
        }
        elements[size++] = value;
    }

    /** Replaces element {@code index}. */
    public void set(int index, long value) {
        get(index);
        elements[index] = value;
    }

    /** Empties the list; the storage is kept for the next appends. */
    public void clear() {
        size = 0;
    }

    /** A copy of the elements. */
    public long[] toArray() {
        return Arrays.copyOf(elements, size);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LongList list
                && Arrays.equals(elements, 0, size, list.elements, 0, list.size);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + Long.hashCode(elements[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
