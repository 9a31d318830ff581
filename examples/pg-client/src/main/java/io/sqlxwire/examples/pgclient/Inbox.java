package io.sqlxwire.examples.pgclient;

import io.sqlxwire.protocols.postgresql.PgBackendDispatcher;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import io.sqlxwire.runtime.frame.FrameHeaderReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the server sends, cut into frames by the runtime's accumulator with the framing the
 * generated machine says is in force, and handed to the generated backend dispatcher, which wraps
 * the message's reusable decoder around the frame where it lies in the accumulator's buffer.
 */
final class Inbox {

    private final PgMachine machine;
    private final PgBackendDispatcher dispatcher;
    private final FrameAccumulator frames;
    private final byte[] readBuffer = new byte[64 * 1024];
    private FrameHeaderReader framing;

    Inbox(PgMachine machine) {
        this.machine = machine;
        this.dispatcher = new PgBackendDispatcher(machine.session(), machine);
        this.framing = dispatcher.framing();
        this.frames = new FrameAccumulator(framing, Limits.DEFAULTS);
    }

    /**
     * Reads until one whole frame is there and dispatches it to {@code conversation}.
     *
     * @throws EOFException when the server closed the connection
     * @throws java.net.SocketTimeoutException when the socket's read timeout passed first (the
     *     bytes read so far are kept for the next call)
     */
    void receive(InputStream in, Conversation conversation) throws IOException {
        while (!frames.next()) {
            int n = in.read(readBuffer);
            if (n < 0) {
                throw new EOFException("the server closed the connection (state " + machine.state() + ")");
            }
            frames.feed(readBuffer, 0, n);
        }
        WireBuffer frame = frames.frame();
        conversation.frame(frame);
        dispatcher.dispatch(frame, conversation);
        // The backend stays tagged for a client without TLS; follow the machine all the same.
        FrameHeaderReader next = dispatcher.framing();
        if (next != framing) {
            framing = next;
            frames.switchReader(next);
        }
    }
}
