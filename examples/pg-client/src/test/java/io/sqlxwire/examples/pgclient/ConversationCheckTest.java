package io.sqlxwire.examples.pgclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgState;
import io.sqlxwire.runtime.error.ProtocolStateException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated state machine checks what the client sends before it is sent (no server needed). */
class ConversationCheckTest {

    @Test
    void aMessageTheConversationDoesNotAllowIsNeverQueued() {
        PgMachine machine = new PgMachine(new PgSession());
        Outbox outbox = new Outbox(machine);
        ProtocolStateException early = assertThrows(ProtocolStateException.class, () -> outbox.query("select 1"));
        assertEquals("Startup", early.state());
        assertEquals(0, outbox.pending(), "the refused frame was taken back out");

        outbox.startup("u", "db", Map.of());
        assertEquals(PgState.Authenticating, machine.state());
        int startup = outbox.pending();
        assertThrows(ProtocolStateException.class, outbox::copyDone);
        assertEquals(startup, outbox.pending());
    }

    @Test
    void aCancelRequestEndsItsConnection() {
        PgMachine machine = new PgMachine(new PgSession());
        Outbox outbox = new Outbox(machine);
        outbox.cancelRequest(1234, new byte[] {1, 2, 3, 4});
        assertEquals(PgState.Closed, machine.state());
        assertEquals(16, outbox.pending());   // length, code 80877102, process id, 4-byte key
        assertThrows(ProtocolStateException.class, outbox::terminate);
    }
}
