package io.sqlxwire.examples.pgcapture;

import io.sqlxwire.protocols.postgresql.PgBackendDispatcher;
import io.sqlxwire.protocols.postgresql.PgFrontendDispatcher;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.runtime.Direction;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.FrameAccumulator;

/**
 * Plays the bytes of one PostgreSQL connection into the generated codecs the way a connection loop
 * would: each side's bytes go into its own {@link FrameAccumulator}, every complete frame to that
 * side's generated dispatcher, which decodes it and hands it to the machine's handler for that
 * side; the machine checks the message is allowed now, moves on and calls its hook. After every
 * message both accumulators switch to the framing the machine says is in force (the startup
 * packet has no tag byte, everything after it has one).
 */
public final class ConnectionReplay {

    private final PgMachine machine;
    private final PgFrontendDispatcher frontend;
    private final PgBackendDispatcher backend;
    private final FrameAccumulator fromClient;
    private final FrameAccumulator fromServer;
    private int clientMessages;
    private int serverMessages;

    public ConnectionReplay(PgMachine machine) {
        this.machine = machine;
        this.frontend = new PgFrontendDispatcher(machine.session(), machine);
        this.backend = new PgBackendDispatcher(machine.session(), machine);
        this.fromClient = new FrameAccumulator(machine.framing(Direction.CLIENT_TO_SERVER), Limits.DEFAULTS);
        this.fromServer = new FrameAccumulator(machine.framing(Direction.SERVER_TO_CLIENT), Limits.DEFAULTS);
    }

    /**
     * Takes in bytes one side sent; every message they complete is decoded and run through the
     * machine before this returns.
     *
     * @throws ReplayException when a message is malformed or not allowed in the conversation's state
     */
    public void feed(boolean clientSent, byte[] bytes) {
        FrameAccumulator frames = clientSent ? fromClient : fromServer;
        frames.feed(bytes, 0, bytes.length);
        while (next(frames, clientSent)) {
            try {
                if (clientSent) {
                    frontend.dispatch(frames.frame(), machine.frontend());
                    clientMessages++;
                } else {
                    backend.dispatch(frames.frame(), machine.backend());
                    serverMessages++;
                }
            } catch (CodecException e) {
                throw new ReplayException(clientSent, frames.frameStreamOffset(), e);
            }
            fromClient.switchReader(machine.framing(Direction.CLIENT_TO_SERVER));
            fromServer.switchReader(machine.framing(Direction.SERVER_TO_CLIENT));
        }
    }

    private static boolean next(FrameAccumulator frames, boolean clientSent) {
        try {
            return frames.next();
        } catch (CodecException e) {
            // a frame header announcing an impossible length: the stream cannot be framed
            throw new ReplayException(clientSent, -1, e);
        }
    }

    /** Bytes received from that side that do not make a whole message yet. */
    public int pendingBytes(boolean clientSent) {
        return (clientSent ? fromClient : fromServer).buffered();
    }

    public int clientMessages() {
        return clientMessages;
    }

    public int serverMessages() {
        return serverMessages;
    }

    /** A message that could not be read, with the side and the stream offset of its frame. */
    public static final class ReplayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplayException(boolean clientSent, long streamOffset, CodecException cause) {
            super((clientSent ? "client" : "server") + " bytes"
                    + (streamOffset >= 0 ? " at stream offset " + streamOffset : "")
                    + ": " + cause.getMessage(), cause);
        }
    }
}
