package io.sqlxwire.runtime.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrimitiveListsTest {

    @Test
    void intListGrowsPastItsInitialStorageAndKeepsOrder() {
        IntList list = new IntList();
        for (int i = 0; i < 100; i++) {
            list.add(i * 3);
        }
        assertEquals(100, list.size());
        assertEquals(297, list.get(99));
        list.set(5, -1);
        assertEquals(-1, list.get(5));
        assertEquals(0, list.toArray()[0]);
        assertEquals(100, list.toArray().length);
    }

    @Test
    void indexesOutsideTheListFailEvenWhenTheStorageHasRoom() {
        IntList list = new IntList();
        list.add(1);
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
        list.clear();
        assertTrue(list.isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> list.set(0, 2));
    }

    @Test
    void equalityAndTextLookOnlyAtTheElements() {
        IntList a = new IntList();
        IntList b = new IntList();
        for (int i = 0; i < 20; i++) {
            b.add(9);
        }
        b.clear();
        a.add(3);
        b.add(3);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("[3]", a.toString());
        b.add(4);
        assertNotEquals(a, b);
    }

    @Test
    void longListHoldsValuesBeyondTheIntRange() {
        LongList list = new LongList();
        list.add(1L << 40);
        list.add(-7);
        assertArrayEquals(new long[] {1L << 40, -7}, list.toArray());
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(2));
        assertEquals("[1099511627776, -7]", list.toString());
        LongList other = new LongList();
        other.add(1L << 40);
        other.add(-7);
        assertEquals(list, other);
        assertEquals(list.hashCode(), other.hashCode());
    }
}
