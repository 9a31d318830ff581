package io.sqlxwire.codegen.interp;

import static io.sqlxwire.codegen.interp.InterpFixtures.conversation;
import static io.sqlxwire.codegen.interp.InterpFixtures.dialect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.interp.InterpFixtures.Segment;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * MySQL's compressed protocol through the interpreter: the real PyMySQL conversation, its
 * handshake in clear and every packet after the login sent again inside compressed packets made by
 * {@link Deflater} (zlib, as MySQL's {@code my_compress} makes them): deflated and stored ones, a
 * compressed packet holding a piece of a packet, one holding several. The messages decoded must be
 * the same, field for field, as from the uncompressed conversation.
 */
class CompressedConversationTest {

    private static final ProtocolModel MYSQL = dialect("mysql");

    /** The conversation with everything after the login (the machine's Idle) in compressed packets. */
    private static List<Segment> compressedAfterLogin(List<Segment> plain) {
        ConversationDecoder probe = new ConversationDecoder(MYSQL, Limits.DEFAULTS);
        List<Segment> out = new ArrayList<>();
        boolean compressing = false;
        int sequence = 0;
        for (Segment segment : plain) {
            if (!compressing) {
                out.add(segment);
                probe.feed(ConversationDecoder.directionOf(MYSQL, segment.sender()).name(), segment.label(), segment.bytes());
                compressing = probe.state().equals("Idle");
                continue;
            }
            // first half deflated, second half stored: inner packets are cut across compressed ones
            byte[] bytes = segment.bytes();
            int half = bytes.length / 2;
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(deflated(Arrays.copyOfRange(bytes, 0, half), sequence++));
            wire.writeBytes(stored(Arrays.copyOfRange(bytes, half, bytes.length), sequence++));
            out.add(new Segment(segment.sender(), wire.toByteArray()));
        }
        assertTrue(compressing, "the capture reaches Idle");
        return out;
    }

    private static byte[] deflated(byte[] plain, int sequence) {
        Deflater deflater = new Deflater();
        deflater.setInput(plain);
        deflater.finish();
        byte[] buffer = new byte[plain.length + 64];
        int length = deflater.deflate(buffer);
        assertTrue(deflater.finished());
        deflater.end();
        return packet(Arrays.copyOf(buffer, length), sequence, plain.length);
    }

    private static byte[] stored(byte[] plain, int sequence) {
        return packet(plain, sequence, 0);
    }

    /** A compressed packet: 3-byte compressed length, sequence id, 3-byte plain length (0: stored). */
    private static byte[] packet(byte[] body, int sequence, int plainLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body.length);
        out.write(body.length >> 8);
        out.write(body.length >> 16);
        out.write(sequence);
        out.write(plainLength);
        out.write(plainLength >> 8);
        out.write(plainLength >> 16);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A decoder after the real login of the PyMySQL capture, compressing from then on. */
    private static ConversationDecoder loggedIn() {
        ConversationDecoder decoder = new ConversationDecoder(MYSQL, Limits.DEFAULTS);
        decoder.inflateFrom("Idle");
        for (Segment segment : conversation("my-pymysql.conv")) {
            List<DecodedMessage> out = decoder.feed(ConversationDecoder.directionOf(MYSQL, segment.sender()).name(),
                    segment.label(), segment.bytes());
            assertTrue(out.stream().noneMatch(DecodedMessage::isError), out.toString());
            if (decoder.state().equals("Idle")) {
                return decoder;
            }
        }
        throw new AssertionError("the capture never reaches Idle");
    }

    private static List<DecodedMessage> decode(List<Segment> segments, String inflateFrom) {
        ConversationDecoder decoder = new ConversationDecoder(MYSQL, Limits.DEFAULTS);
        if (inflateFrom != null) {
            decoder.inflateFrom(inflateFrom);
        }
        List<DecodedMessage> out = new ArrayList<>();
        for (Segment segment : segments) {
            out.addAll(decoder.feed(ConversationDecoder.directionOf(MYSQL, segment.sender()).name(), segment.label(),
                    segment.bytes()));
        }
        out.addAll(decoder.finish());
        return out;
    }

    private static List<String> json(List<DecodedMessage> messages) {
        return messages.stream().map(DecodedMessage::toJson).toList();
    }

    @Test
    void aCompressedConversationDecodesLikeThePlainOne() {
        List<Segment> plain = conversation("my-pymysql.conv");
        List<DecodedMessage> expected = decode(plain, null);
        List<Segment> compressed = compressedAfterLogin(plain);
        assertFalse(Arrays.equals(plain.get(plain.size() - 1).bytes(), compressed.get(compressed.size() - 1).bytes()));
        List<DecodedMessage> actual = decode(compressed, "Idle");
        assertTrue(actual.stream().noneMatch(DecodedMessage::isError), () -> String.join("\n", json(actual)));
        assertEquals(json(expected), json(actual));
        assertTrue(actual.stream().anyMatch(m -> "TextResultsetRow".equals(m.message())));
        // read as plain packets, the compressed bytes make no sense
        assertTrue(decode(compressed, null).stream().anyMatch(DecodedMessage::isError));
    }

    @Test
    void aCompressedPacketMayCarrySeveralPacketsAndAPacketMayNeedSeveral() {
        // COM_STMT_CLOSE (no answer) and COM_PING in one deflated packet, then a COM_QUERY cut in
        // three stored pieces
        byte[] close = {5, 0, 0, 0, 0x19, 1, 0, 0, 0};
        byte[] ping = {1, 0, 0, 0, 0x0e};
        byte[] query = {9, 0, 0, 0, 0x03, 's', 'e', 'l', 'e', 'c', 't', ' ', '1'};
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.writeBytes(close);
        two.writeBytes(ping);
        ConversationDecoder decoder = loggedIn();
        String client = ConversationDecoder.directionOf(MYSQL, DirectionModel.Sender.CLIENT).name();
        String server = ConversationDecoder.directionOf(MYSQL, DirectionModel.Sender.SERVER).name();
        List<DecodedMessage> first = decoder.feed(client, "C", deflated(two.toByteArray(), 0));
        assertEquals(List.of("ComStmtClose", "ComPing"), first.stream().map(DecodedMessage::message).toList());
        assertTrue(first.stream().noneMatch(DecodedMessage::isError), first.toString());
        byte[] ok = {7, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0};
        List<DecodedMessage> answer = decoder.feed(server, "S", deflated(ok, 0));
        assertEquals(List.of("OkPacket"), answer.stream().map(DecodedMessage::message).toList());
        List<DecodedMessage> pieces = new ArrayList<>();
        pieces.addAll(decoder.feed(client, "C", stored(Arrays.copyOfRange(query, 0, 3), 0)));
        pieces.addAll(decoder.feed(client, "C", stored(Arrays.copyOfRange(query, 3, 8), 1)));
        assertTrue(pieces.isEmpty(), "no message before its last piece");
        pieces.addAll(decoder.feed(client, "C", stored(Arrays.copyOfRange(query, 8, query.length), 2)));
        assertEquals(List.of("ComQuery"), pieces.stream().map(DecodedMessage::message).toList());
        assertFalse(pieces.get(0).isError(), pieces.get(0).toJson());
        assertTrue(decoder.finish().isEmpty());
    }

    @Test
    void badZlibDataLosesTheFraming() {
        ConversationDecoder decoder = loggedIn();
        String client = ConversationDecoder.directionOf(MYSQL, DirectionModel.Sender.CLIENT).name();
        byte[] notZlib = packet(new byte[] {1, 2, 3, 4, 5}, 0, 5);
        List<DecodedMessage> out = decoder.feed(client, "C", notZlib);
        assertEquals(1, out.size());
        assertTrue(out.get(0).isError());
        assertTrue(out.get(0).toJson().contains("framing lost"), out.get(0).toJson());
        assertTrue(out.get(0).toJson().contains("compressed"), out.get(0).toJson());
    }
}
