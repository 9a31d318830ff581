package io.sqlxwire.runtime.session;

import java.util.Arrays;

/**
 * A growable list of {@code int}s for session variables declared as lists of integers, enums or
 * flags (MySQL's {@code column_types}). Decoders read an element per column of every row, so it is
 * a plain array lookup: no boxing, no cast, no pointer to an element object. Enum lists hold the
 * raw values ({@code MyColumnType.of(session.columnTypes.get(i))} gives the enum). Kept for the
 * connection's life: {@link #clear()} keeps the storage. Not thread-safe, like the session.
 */
public final class IntList {

    private int[] elements = new int[8];
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
    public int get(int index) {
        if (index >= size || index < 0) {
            throw new IndexOutOfBoundsException("index " + index + " of a list of " + size);
        }
        return elements[index];
    }

    public void add(int value) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
        }
        elements[size++] = value;
    }

    /** Replaces element {@code index}. */
    public void set(int index, int value) {
        get(index);
        elements[index] = value;
    }

    /** Empties the list; the storage is kept for the next appends. */
    public void clear() {
        size = 0;
    }

    /** A copy of the elements. */
    public int[] toArray() {
        return Arrays.copyOf(elements, size);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntList list
                && Arrays.equals(elements, 0, size, list.elements, 0, list.size);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + elements[i];
        }
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
