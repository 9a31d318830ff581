package io.sqlxwire.runtime.cursor;

import java.util.Arrays;

/**
 * Where the byte-like elements of an array lie, recorded by a generated decoder's {@code wrap} as
 * it validates them (a DataRow's column values, a text row's values), so that the cursor's
 * {@code next()} and {@code get(i)} restore an element instead of reading its length prefix again,
 * and {@code get(i)} is direct.
 *
 * <p>At most {@link #MAX} elements are recorded: the storage grows with the widest array seen (and
 * is kept for the next messages), never with a count a hostile peer declares. A cursor over a
 * longer array reads its elements again.
 */
public final class RecordedElements {

    /** Elements recorded at most. */
    public static final int MAX = 4096;

    private int[] offsets = new int[16];
    private int[] lengths = new int[16];

    /**
     * Records element {@code index} (elements are recorded in order, from 0, for each message):
     * where its value starts and its length, -1 for NULL. Past {@link #MAX}, nothing.
     */
    public void record(int index, int offset, int length) {
        if (index >= MAX) {
            return;
        }
        if (index == offsets.length) {
            int grown = Math.min(MAX, index * 2);
            offsets = Arrays.copyOf(offsets, grown);
            lengths = Arrays.copyOf(lengths, grown);
        }
        offsets[index] = offset;
        lengths[index] = length;
    }

    /** Whether an array of {@code count} elements is recorded whole. */
    public static boolean holds(int count) {
        return count <= MAX;
    }

    /** Where recorded element {@code index}'s value starts. */
    public int offset(int index) {
        return offsets[index];
    }

    /** Recorded element {@code index}'s length, -1 for NULL. */
    public int length(int index) {
        return lengths[index];
    }
}
