package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyPacketFrameEncoder;
import io.sqlxwire.protocols.mysql.MyPacketFraming;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * The packets of one connection, both ways: the only class that reads from or writes to the socket.
 *
 * <p>Reading goes through the generated {@link MyPacketFraming} and the runtime's
 * {@link FrameAccumulator}. A message of 16 MiB - 1 bytes or more arrives as several packets, each
 * full one (payload 0xFFFFFF) followed by the rest; the framing says so ({@code continues}) but
 * joining them is still the caller's job in the generated code of this build, so
 * {@link #readMessage()} joins them here. When the generated framing joins continuations itself,
 * only {@code readMessage} changes.
 *
 * <p>Writing goes through the generated {@link MyPacketFrameEncoder}: the caller's message encoder
 * writes the body in place behind the header, and the header is back-patched. A body of 16 MiB - 1
 * bytes or more is cut into packets here (the frame encoder refuses bodies above its maximum).
 *
 * <p>Sequence ids are checked on every packet read and counted on every packet written; each
 * command starts again at 0 ({@link #newCommand()}).
 */
final class PacketChannel implements AutoCloseable {

    /** The largest payload of one packet; a payload of exactly this size is continued. */
    static final int MAX_PAYLOAD = 0xFFFFFF;

    /** What a single message may grow to when joined (far above any server's max_allowed_packet). */
    private static final int MAX_MESSAGE_BYTES = 1 << 30;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameAccumulator frames =
            new FrameAccumulator(MyPacketFraming.INSTANCE, Limits.DEFAULTS);
    private final byte[] chunk = new byte[64 * 1024];
    private final MyPacketFrameEncoder frameEncoder = new MyPacketFrameEncoder();
    private final WireBuffer joined = new WireBuffer();
    private final WireBuffer sent = new WireBuffer();
    private byte[] joinedBytes = new byte[0];
    private byte[] outBytes = new byte[16 * 1024];
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
        WireBuffer first = nextPacket();
        if (!frames.frameContinues()) {
            return first;
        }
        // A payload of 0xFFFFFF bytes: the message goes on in the next packet(s).
        int length = first.length();
        ensureJoinedCapacity(length);
        first.getBytes(0, joinedBytes, 0, length);
        boolean more = true;
        while (more) {
            WireBuffer part = nextPacket();
            int payload = part.length() - MyPacketFraming.HEADER_LENGTH;
            if ((long) length + payload > MAX_MESSAGE_BYTES) {
                throw new CodecException("mysql message of more than " + MAX_MESSAGE_BYTES
                        + " bytes", frames.frameStreamOffset());
            }
            ensureJoinedCapacity(length + payload);
            part.getBytes(MyPacketFraming.HEADER_LENGTH, joinedBytes, length, payload);
            length += payload;
            more = frames.frameContinues();
        }
        return joined.wrap(joinedBytes, 0, length);
    }

    /** Grows the joining array, keeping what it holds. */
    private void ensureJoinedCapacity(int needed) {
        if (joinedBytes.length < needed) {
            joinedBytes = Arrays.copyOf(joinedBytes, (int) Math.min(MAX_MESSAGE_BYTES + 8L,
                    Math.max(needed, 2L * joinedBytes.length)));
        }
    }

    /** The next packet, header included, after checking its sequence id. */
    private WireBuffer nextPacket() throws IOException {
        while (!frames.next()) {
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                throw new ConnectionClosedException("the server closed the connection");
            }
            frames.feed(chunk, 0, n);
        }
        WireBuffer packet = frames.frame();
        int id = MyPacketFraming.INSTANCE.sequenceId(packet);
        if (id != sequence) {
            throw new CodecException("mysql packet with sequence id " + id + " where " + sequence
                    + " was expected", frames.frameStreamOffset() + 3);
        }
        sequence = (sequence + 1) & 0xFF;
        return packet;
    }

    /** Writes the body of one message; given a writer positioned where the body goes. */
    @FunctionalInterface
    interface BodyWriter {
        void write(WireWriter body);
    }

    /**
     * Encodes one message with {@code writer} into a packet and returns it (header and whole body,
     * valid until the next send) so the caller can show it to the state machine before
     * {@link #flush(WireBuffer)} sends it. {@code maxBodyBytes} must bound the body's size.
     */
    WireBuffer encode(int maxBodyBytes, BodyWriter writer) {
        int capacity = MyPacketFraming.HEADER_LENGTH + maxBodyBytes;
        if (outBytes.length < capacity) {
            outBytes = new byte[Math.max(capacity, 2 * outBytes.length)];
        }
        WireWriter packet = WireWriter.into(outBytes, 0, outBytes.length);
        frameEncoder.wrap(packet).sequenceId(sequence);
        frameEncoder.body();
        writer.write(packet);
        int bodyLength = packet.position() - MyPacketFraming.HEADER_LENGTH;
        if (bodyLength < MAX_PAYLOAD) {
            frameEncoder.finish();   // back-patches payload_length
        }
        // Longer bodies keep a blank header here: flush cuts them into packets with their own.
        return sent.wrap(outBytes, 0, packet.position());
    }

    /** Sends a packet made by {@link #encode}, cut into continued packets when it is that long. */
    void flush(WireBuffer packet) throws IOException {
        int bodyLength = packet.length() - MyPacketFraming.HEADER_LENGTH;
        if (bodyLength < MAX_PAYLOAD) {
            out.write(outBytes, 0, packet.length());
            sequence = (sequence + 1) & 0xFF;
        } else {
            writeSplit(bodyLength);
        }
        out.flush();
    }

    /**
     * "Sending more than 16 MiB": packets of 0xFFFFFF payload bytes, then one with the rest (empty
     * when the body is an exact multiple).
     */
    private void writeSplit(int bodyLength) throws IOException {
        byte[] header = new byte[MyPacketFraming.HEADER_LENGTH];
        int at = MyPacketFraming.HEADER_LENGTH;
        int left = bodyLength;
        while (true) {
            int part = Math.min(left, MAX_PAYLOAD);
            header[0] = (byte) part;
            header[1] = (byte) (part >>> 8);
            header[2] = (byte) (part >>> 16);
            header[3] = (byte) sequence;
            sequence = (sequence + 1) & 0xFF;
            out.write(header);
            out.write(outBytes, at, part);
            at += part;
            left -= part;
            if (part < MAX_PAYLOAD) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
