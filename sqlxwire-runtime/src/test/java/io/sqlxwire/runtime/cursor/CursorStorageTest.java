package io.sqlxwire.runtime.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CursorStorageTest {

    @Test
    void recordedElementsGrowUpToTheLimitAndIgnoreTheRest() {
        RecordedElements records = new RecordedElements();
        for (int i = 0; i < RecordedElements.MAX + 10; i++) {
            records.record(i, i * 3, i % 5 == 1 ? -1 : i);
        }
        assertEquals(0, records.offset(0));
        assertEquals(0, records.length(0));
        assertEquals(-1, records.length(1), "NULL");
        assertEquals(3 * 4095, records.offset(4095));
        assertEquals(4095, records.length(4095));
        assertThrows(IndexOutOfBoundsException.class, () -> records.offset(RecordedElements.MAX));
        assertTrue(RecordedElements.holds(RecordedElements.MAX));
        assertFalse(RecordedElements.holds(RecordedElements.MAX + 1));
    }

    @Test
    void recordedElementsAreOverwrittenByTheNextMessage() {
        RecordedElements records = new RecordedElements();
        records.record(0, 7, 2);
        records.record(0, 9, -1);
        assertEquals(9, records.offset(0));
        assertEquals(-1, records.length(0));
    }

    @Test
    void keptDecodersAreCreatedOnceEachAndOnlyBelowTheLimit() {
        AtomicInteger created = new AtomicInteger();
        KeptDecoders<StringBuilder> kept = new KeptDecoders<>(() -> {
            created.incrementAndGet();
            return new StringBuilder();
        });
        StringBuilder third = kept.of(2);
        assertSame(third, kept.of(2));
        assertNotSame(third, kept.of(3));
        assertSame(kept.of(KeptDecoders.MAX - 1), kept.of(KeptDecoders.MAX - 1));
        assertEquals(3, created.get());
        assertThrows(IndexOutOfBoundsException.class, () -> kept.of(KeptDecoders.MAX));
    }
}
