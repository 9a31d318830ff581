package io.sqlxwire.runtime.machine;

import static io.sqlxwire.runtime.Direction.CLIENT_TO_SERVER;
import static io.sqlxwire.runtime.Direction.SERVER_TO_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.error.ProtocolStateException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineTest {

    enum State { STARTUP, AUTHENTICATING, READY }

    static final int STARTUP_MESSAGE = 0;
    static final int QUERY = 1;
    static final int AUTH_OK = 0;
    static final int READY_FOR_QUERY = 1;
    static final int ERROR_RESPONSE = 2;

    static final TransitionTable<State> TABLE = TransitionTable.builder(State.class)
            .messages(CLIENT_TO_SERVER, "frontend", "StartupMessage", "Query")
            .messages(SERVER_TO_CLIENT, "backend", "AuthenticationOk", "ReadyForQuery", "ErrorResponse")
            .allow(State.STARTUP, CLIENT_TO_SERVER, STARTUP_MESSAGE, State.AUTHENTICATING)
            .allow(State.AUTHENTICATING, SERVER_TO_CLIENT, AUTH_OK)
            .allow(State.AUTHENTICATING, SERVER_TO_CLIENT, READY_FOR_QUERY, State.READY)
            .allow(State.READY, CLIENT_TO_SERVER, QUERY)
            .allow(State.READY, SERVER_TO_CLIENT, READY_FOR_QUERY)
            .allowEverywhere(SERVER_TO_CLIENT, ERROR_RESPONSE)
            .build();

    /** What a generated machine looks like: accept, then the user's handler. */
    static final class Session extends StateMachine<State> {
        final List<String> log = new ArrayList<>();

        Session() {
            super("postgresql", TABLE, State.STARTUP);
        }

        void startup() {
            accept(CLIENT_TO_SERVER, STARTUP_MESSAGE);
        }

        void query() {
            accept(CLIENT_TO_SERVER, QUERY);
        }

        void server(int message) {
            accept(SERVER_TO_CLIENT, message);
        }

        @Override
        protected void onTransition(State from, State to) {
            log.add(from + "->" + to);
        }
    }

    @Test
    void acceptsDeclaredMessagesAndTransitions() {
        Session session = new Session();
        session.startup();
        assertEquals(State.AUTHENTICATING, session.state());
        session.server(AUTH_OK);
        session.server(ERROR_RESPONSE);
        assertEquals(State.AUTHENTICATING, session.state());
        session.server(READY_FOR_QUERY);
        session.query();
        session.server(READY_FOR_QUERY);
        assertEquals(State.READY, session.state());
        assertEquals(List.of("STARTUP->AUTHENTICATING", "AUTHENTICATING->READY"), session.log);
    }

    @Test
    void rejectsAMessageTheStateDoesNotAllow() {
        Session session = new Session();
        assertFalse(session.allows(CLIENT_TO_SERVER, QUERY));
        assertTrue(session.allows(SERVER_TO_CLIENT, ERROR_RESPONSE));
        ProtocolStateException e = assertThrows(ProtocolStateException.class, session::query);
        assertEquals("postgresql Query: frontend message not allowed in state STARTUP; allowed: StartupMessage",
                e.getMessage());
        assertEquals("STARTUP", e.state());
        assertEquals(State.STARTUP, session.state(), "a rejected message changes nothing");
        assertTrue(e instanceof CodecException);
        assertThrows(ProtocolStateException.class, () -> session.server(99), "unknown message ids too");
    }

    @Test
    void contradictoryTransitionsAreABuildError() {
        TransitionTable.Builder<State> builder = TransitionTable.builder(State.class)
                .messages(CLIENT_TO_SERVER, "frontend", "Query")
                .allow(State.READY, CLIENT_TO_SERVER, 0, State.READY);
        assertThrows(IllegalStateException.class, () -> builder.allow(State.READY, CLIENT_TO_SERVER, 0, State.STARTUP));
        assertThrows(IllegalArgumentException.class, () -> builder.allow(State.READY, CLIENT_TO_SERVER, 1));
    }
}
