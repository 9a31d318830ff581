package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyMachine;
import io.sqlxwire.protocols.mysql.MyPacketFrameEncoder;
import io.sqlxwire.protocols.mysql.MyPacketFraming;
import io.sqlxwire.protocols.mysql.MyServerDispatcher;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.MessageAccumulator;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One connection's packets: cuts the client's byte stream into MySQL packets with the generated
 * framing, and writes the server's packets with the generated frame encoder and the sequence ids the
 * protocol wants (each command starts at the client's id, every packet after it counts up).
 *
 * <p>Payloads of 16 MiB and more travel as several packets (0xFFFFFF bytes each, then the rest):
 * the runtime's {@link MessageAccumulator} joins the client's, the frame encoder splits the
 * server's, and each part takes a sequence id of its own. Up to {@link #MAX_PAYLOAD} bytes are
 * accepted (MySQL's default max_allowed_packet); a larger message ends the connection.
 *
 * <p>Every packet the server writes is also decoded again and fed to the connection's
 * {@link MyMachine}: the machine follows both directions (it needs the server's column definitions
 * to know how binary rows are laid out, and the server's OK to know a command is over), and a packet
 * that does not fit the conversation as {@code mysql.wire} describes it is caught here, before it
 * leaves, as an {@link IllegalStateException}.
 */
final class PacketChannel {
    /** The largest message (joined payload) read or a long-data value built: 64 MiB. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final MessageAccumulator frames = new MessageAccumulator(MyPacketFraming.INSTANCE,
            Limits.DEFAULTS.withMaxFrameBytes(MyPacketFraming.HEADER_LENGTH + MAX_PAYLOAD));
    /** Joins the server's own split packets again for the machine's check. */
    private final MessageAccumulator ownPackets = new MessageAccumulator(MyPacketFraming.INSTANCE,
            Limits.DEFAULTS.withMaxFrameBytes(Integer.MAX_VALUE));
    private final byte[] readBuffer = new byte[64 * 1024];
    private final WireWriter pending = WireWriter.growable();
    private final MyPacketFrameEncoder frame = new MyPacketFrameEncoder();
    private final WireBuffer written = new WireBuffer();
    private final WireBuffer packet = new WireBuffer();
    private MyMachine machine;
    private MyServerDispatcher selfCheck;
    private int sequence;
    /** Before TLS can start, read no byte past the current packet: the rest belongs to the TLS layer. */
    private boolean exactReads = true;

    PacketChannel(Socket socket, MyMachine machine) throws IOException {
        attach(socket);
        follow(machine);
    }

    /** Reads and writes through {@code socket} from now on (the TLS socket after SSLRequest). */
    void attach(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Feeds the server's packets to {@code machine} from now on. */
    void follow(MyMachine machine) {
        this.machine = machine;
        this.selfCheck = new MyServerDispatcher(machine.session(), machine);
    }

    Socket socket() {
        return socket;
    }

    /** From the first command on no TLS can follow: read as much as the socket has. */
    void readGreedily() {
        exactReads = false;
    }

    /**
     * The client's next message, header included (valid until the next call): one packet, or the
     * packets of a payload of 16 MiB or more joined behind the first one's header; {@code null} when
     * the client closed the connection between packets.
     *
     * @throws CodecException for a message too large, a gap in a split message's sequence ids, or a
     *                        connection cut inside a packet
     */
    WireBuffer read() throws IOException {
        while (!frames.next()) {
            int wanted = exactReads ? (int) Math.min(readBuffer.length, frames.needed()) : readBuffer.length;
            int n = in.read(readBuffer, 0, wanted);
            if (n < 0) {
                if (frames.buffered() > 0) {
                    throw new EOFException("connection closed inside a packet");
                }
                return null;
            }
            frames.feed(readBuffer, 0, n);
        }
        sequence = (int) ((frames.lastSequenceNumber() + 1) & 0xFF);
        return frames.frame();
    }

    /** Starts a server packet and returns the writer its body goes into. */
    WireWriter begin() {
        frame.wrap(pending).sequenceId(sequence);
        frame.body();
        return pending;
    }

    /** Ends the packet begun last: a body of 16 MiB or more became several packets, one id each. */
    private int finish() {
        int length = frame.finish();
        sequence = (sequence + frame.frames()) & 0xFF;
        return length;
    }

    /**
     * Ends the packet begun last and runs it through the machine.
     *
     * @throws IllegalStateException when the machine refuses it: a bug of the server, not of the client
     */
    void end() {
        int start = frame.frameStart();
        int length = finish();
        pending.written(written).slice(start, length, packet);
        try {
            WireBuffer whole = packet;
            if (frame.frames() > 1) {
                ownPackets.feed(packet);
                ownPackets.next();
                whole = ownPackets.frame();
            }
            selfCheck.dispatch(whole, machine.server());
        } catch (CodecException e) {
            throw new IllegalStateException("the server's own packet does not fit the conversation: " + e.getMessage(), e);
        }
    }

    /** A copy of the packet ended last, header included (before it is flushed). */
    byte[] lastPacket() {
        return packet.toByteArray(0, packet.length());
    }

    /**
     * Shows the machine a packet sent earlier, without sending it again: after TLS starts, a fresh
     * machine is brought to where the conversation stands by the greeting it was sent in clear.
     */
    void replay(byte[] sentPacket) {
        selfCheck.dispatch(WireBuffer.of(sentPacket), machine.server());
    }

    /**
     * Ends the packet begun last without showing it to the machine: for the ERR that ends a
     * connection whose conversation is already broken.
     */
    void endUnchecked() {
        finish();
    }

    /** Sends everything written since the last flush. */
    void flush() throws IOException {
        pending.written(written);
        if (written.length() > 0) {
            out.write(written.toByteArray(0, written.length()));
            out.flush();
        }
        pending.reset();
    }

    /** Sends what is written when it has grown large (long result sets are streamed, not held). */
    void flushIfLarge() throws IOException {
        if (pending.position() >= 64 * 1024) {
            flush();
        }
    }
}
