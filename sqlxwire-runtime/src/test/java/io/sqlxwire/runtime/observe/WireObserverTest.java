package io.sqlxwire.runtime.observe;

import static io.sqlxwire.runtime.Direction.CLIENT_TO_SERVER;
import static io.sqlxwire.runtime.Direction.SERVER_TO_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class WireObserverTest {

    @Test
    void theDefaultObserverIsOneSharedNoOp() {
        assertSame(NoOpObserver.INSTANCE, WireObserver.NONE);
        WireObserver.NONE.onBytes(CLIENT_TO_SERVER, 10);
        WireObserver.NONE.onMessage(SERVER_TO_CLIENT, 3, 10);
    }

    @Test
    void countsPerDirectionAndType() {
        CountingObserver counts = new CountingObserver(2);
        counts.onBytes(CLIENT_TO_SERVER, 10);
        counts.onBytes(CLIENT_TO_SERVER, 5);
        counts.onMessage(SERVER_TO_CLIENT, 1, 7);
        counts.onMessage(SERVER_TO_CLIENT, 1, 3);
        counts.onMessage(SERVER_TO_CLIENT, 9, 4);
        counts.onMessage(SERVER_TO_CLIENT, -3, 4);
        assertEquals(15, counts.bytes(CLIENT_TO_SERVER));
        assertEquals(0, counts.bytes(SERVER_TO_CLIENT));
        assertEquals(2, counts.messages(SERVER_TO_CLIENT, 1));
        assertEquals(10, counts.messageBytes(SERVER_TO_CLIENT, 1));
        assertEquals(2, counts.messages(SERVER_TO_CLIENT, CountingObserver.OTHER));
        assertEquals(0, counts.messages(CLIENT_TO_SERVER, 1));
        assertEquals(4, counts.totalMessages(SERVER_TO_CLIENT));
    }
}
