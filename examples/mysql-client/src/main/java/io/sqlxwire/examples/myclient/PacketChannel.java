package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyPacketFrameEncoder;
import io.sqlxwire.protocols.mysql.MyPacketFraming;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.MessageAccumulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The packets of one connection, both ways: the only class that reads from or writes to the socket.
 *
 * <p>Reading goes through the generated {@link MyPacketFraming} and the runtime's
 * {@link MessageAccumulator}, which joins a message of 16 MiB - 1 bytes or more from its packets
 * (each full one, payload 0xFFFFFF, is followed by the rest) and checks the sequence ids inside it;
 * {@link #readMessage()} checks that each message starts with the sequence id the conversation is at.
 *
 * <p>Writing goes through the generated {@link MyPacketFrameEncoder}: the caller's message encoder
 * writes the body in place behind the header, the header is back-patched, and a body of 16 MiB - 1
 * bytes or more is cut into continuation packets by the frame encoder itself.
 *
 * <p>Sequence ids are counted on every packet read and written; each command starts again at 0
 * ({@link #newCommand()}).
 */
final class PacketChannel implements AutoCloseable {

    /** The largest payload of one packet; a payload of exactly this size is continued. */
    static final int MAX_PAYLOAD = MyPacketFrameEncoder.CONTINUATION_SIZE;

    /** What a single message may grow to when joined: 1 GiB, the largest max_allowed_packet servers allow. */
    private static final int MAX_MESSAGE_BYTES = 1 << 30;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Joined messages may reach MAX_MESSAGE_BYTES; a single packet stays within the framing's max. */
    private final MessageAccumulator messages = new MessageAccumulator(MyPacketFraming.INSTANCE,
            Limits.DEFAULTS.withMaxFrameBytes(MAX_MESSAGE_BYTES));
    private final byte[] chunk = new byte[64 * 1024];
    private final MyPacketFrameEncoder frameEncoder = new MyPacketFrameEncoder();
    private final WireBuffer sent = new WireBuffer();
    private byte[] outBytes = new byte[16 * 1024];
    private WireWriter packet;
    private int sequence;

    PacketChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A new command starts: the client's first packet has sequence id 0. */
    void newCommand() {
        sequence = 0;
    }

    /**
     * The next message the server sent, as one frame: a 4-byte packet header, then the whole
     * payload (the parts of a continued message joined). Valid until the next call.
     */
    WireBuffer readMessage() throws IOException {
        while (!messages.next()) {
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                throw new ConnectionClosedException("the server closed the connection");
            }
            messages.feed(chunk, 0, n);
        }
        long first = messages.firstSequenceNumber();
        if (first != sequence) {
            throw new CodecException("mysql packet with sequence id " + first + " where " + sequence
                    + " was expected", messages.frameStreamOffset() + 3);
        }
        sequence = (int) (messages.lastSequenceNumber() + 1) & 0xFF;
        return messages.frame();
    }

    /** Writes the body of one message; given a writer positioned where the body goes. */
    @FunctionalInterface
    interface BodyWriter {
        void write(WireWriter body);
    }

    /**
     * Encodes one message with {@code writer} into a packet and returns it (header and whole body,
     * valid until the next send) so the caller can show it to the state machine before
     * {@link #flush()} sends it. {@code maxBodyBytes} must bound the body's size.
     */
    WireBuffer encode(int maxBodyBytes, BodyWriter writer) {
        // Room for the headers of the continuation packets a long body is cut into.
        long capacity = MyPacketFraming.HEADER_LENGTH + (long) maxBodyBytes
                + (long) MyPacketFraming.HEADER_LENGTH * (maxBodyBytes / MyPacketFrameEncoder.CONTINUATION_SIZE + 1);
        if (capacity > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("a message of up to " + maxBodyBytes + " bytes is too long");
        }
        if (outBytes.length < capacity) {
            outBytes = new byte[(int) Math.max(capacity, Math.min(MAX_MESSAGE_BYTES, 2L * outBytes.length))];
        }
        packet = WireWriter.into(outBytes, 0, outBytes.length);
        frameEncoder.wrap(packet).sequenceId(sequence);
        frameEncoder.body();
        writer.write(packet);
        // The machine reads the message before it is cut into packets: the frame encoder splits a
        // long body at finish(), and the dispatcher reads the body to the end, not the header.
        return sent.wrap(outBytes, 0, packet.position());
    }

    /** Sends the packet made by the last {@link #encode}, cut into continuation packets if long. */
    void flush() throws IOException {
        int length = frameEncoder.finish();
        out.write(outBytes, 0, length);
        out.flush();
        sequence = (sequence + frameEncoder.frames()) & 0xFF;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
