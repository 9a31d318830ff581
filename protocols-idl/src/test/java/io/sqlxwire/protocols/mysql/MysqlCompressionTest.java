package io.sqlxwire.protocols.mysql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.frame.InflatingAccumulator;
import io.sqlxwire.runtime.frame.MessageAccumulator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The compressed protocol ("MySQL Internals: Compression"): a 7-byte header (compressed length,
 * sequence id, uncompressed length, 0 meaning stored as is) in front of a zlib stream, whose plain
 * bytes are ordinary packets.
 */
class MysqlCompressionTest {

    private static final HexFormat HEX = HexFormat.of();

    /** A COM_QUERY packet (66 bytes), long enough to be compressed. */
    private static final byte[] QUERY_PACKET = HEX.parseHex("3e0000000353454c45435420726570656174282761272c20353029"
            + "2c20726570656174282762272c203530292046524f4d206475616c2057484552452031203d2031");

    /** QUERY_PACKET as Python's zlib.compress (the zlib library, default level) writes it. */
    private static final byte[] QUERY_PACKET_ZLIB = HEX.parseHex("789cb3636060600e76f571750e51284a2d484d2cd1504f54d7"
            + "513035d0d4810b24410414dc82fc7d15524a137314c23d5c835c150c156c150c0120611087");

    private static List<byte[]> packets(byte[] compressedStream, int chunk) {
        InflatingAccumulator compressed = new InflatingAccumulator(MyCompressedFraming.INSTANCE, Limits.DEFAULTS);
        MessageAccumulator packets = new MessageAccumulator(MyPacketFraming.INSTANCE, Limits.DEFAULTS);
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < compressedStream.length; at += chunk) {
            compressed.feed(compressedStream, at, Math.min(chunk, compressedStream.length - at));
            while (compressed.next()) {
                packets.feed(compressed.payload());
            }
            while (packets.next()) {
                out.add(packets.frame().toByteArray(0, packets.frame().length()));
            }
        }
        return out;
    }

    @Test
    void aStoredBodyIsThePacketItself() {
        // compressed_length 5, compressed sequence 0, uncompressed_length 0; then COM_PING's packet.
        byte[] wire = HEX.parseHex("05000000000000" + "010000000e");
        List<byte[]> packets = packets(wire, wire.length);
        assertEquals(1, packets.size());
        assertArrayEquals(HEX.parseHex("010000000e"), packets.get(0));
    }

    @Test
    void realZlibOutputInflatesToThePacket() {
        byte[] header = HEX.parseHex("3e0000" + "00" + "420000");   // 62 compressed bytes, 66 plain
        assertEquals(62, QUERY_PACKET_ZLIB.length);
        byte[] wire = concat(header, QUERY_PACKET_ZLIB);
        InflatingAccumulator compressed = new InflatingAccumulator(MyCompressedFraming.INSTANCE, Limits.DEFAULTS);
        compressed.feed(wire, 0, wire.length);
        assertTrue(compressed.next());
        assertTrue(compressed.wasCompressed());
        assertEquals(0, compressed.sequenceNumber());
        WireBuffer plain = compressed.payload();
        assertArrayEquals(QUERY_PACKET, plain.toByteArray(0, plain.length()));
        MyComQuery query = MyComQuery.decode(plain, 4, plain.length() - 4, new MySession());
        assertEquals("SELECT repeat('a', 50), repeat('b', 50) FROM dual WHERE 1 = 1",
                new String(query.query(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theEncoderCompressesLongBodiesAndStoresShortOnes() {
        MyCompressedFrameEncoder encoder = new MyCompressedFrameEncoder();
        WireWriter out = WireWriter.growable();
        encoder.wrap(out).compressedSequenceId(0).body();
        out.putBytes(QUERY_PACKET);
        int length = encoder.finish();
        assertTrue(encoder.compressed());
        byte[] wire = out.toByteArray();
        assertEquals(length, wire.length);
        WireBuffer frame = WireBuffer.of(wire);
        assertEquals(wire.length - 7, MyCompressedFraming.INSTANCE.compressedLength(frame));
        assertEquals(QUERY_PACKET.length, MyCompressedFraming.INSTANCE.uncompressedLength(frame));
        // java.util.zip is zlib: at the same level it writes what Python's zlib writes
        assertArrayEquals(QUERY_PACKET_ZLIB, java.util.Arrays.copyOfRange(wire, 7, wire.length));
        assertArrayEquals(QUERY_PACKET, packets(wire, 5).get(0));

        out.reset();
        encoder.wrap(out).compressedSequenceId(3).body();
        out.putBytes(HEX.parseHex("010000000e"));
        encoder.finish();
        assertFalse(encoder.compressed());
        assertArrayEquals(HEX.parseHex("05000003000000" + "010000000e"), out.toByteArray());

        out.reset();
        encoder.compressAbove(Integer.MAX_VALUE).wrap(out).compressedSequenceId(1).body();
        out.putBytes(QUERY_PACKET);
        encoder.finish();
        assertFalse(encoder.compressed(), "compression turned off");
        assertEquals(7 + QUERY_PACKET.length, out.position());
    }

    @Test
    void badZlibDataIsACodecErrorAtItsStreamOffset() {
        byte[] stored = HEX.parseHex("05000000000000" + "010000000e");
        byte[] broken = QUERY_PACKET_ZLIB.clone();
        broken[10] ^= (byte) 0xFF;
        byte[] wire = concat(stored, concat(HEX.parseHex("3e0000" + "01" + "420000"), broken));
        InflatingAccumulator compressed = new InflatingAccumulator(MyCompressedFraming.INSTANCE, Limits.DEFAULTS);
        compressed.feed(wire, 0, wire.length);
        assertTrue(compressed.next());
        CodecException e = assertThrows(CodecException.class, compressed::next);
        long bodyStart = stored.length + 7;
        assertTrue(e.offset() >= bodyStart && e.offset() <= bodyStart + broken.length,
                "offset " + e.offset() + " inside the second body (" + bodyStart + "..)");
    }

    @Test
    void aBodyInflatingToAnotherSizeThanAnnouncedIsRejected() {
        byte[] wire = concat(HEX.parseHex("3e0000" + "00" + "410000"), QUERY_PACKET_ZLIB);   // says 65, is 66
        InflatingAccumulator compressed = new InflatingAccumulator(MyCompressedFraming.INSTANCE, Limits.DEFAULTS);
        compressed.feed(wire, 0, wire.length);
        CodecException e = assertThrows(CodecException.class, compressed::next);
        assertTrue(e.getMessage().contains("more than the 65 bytes announced"), e.getMessage());
    }

    /** Packets cut anywhere across compressed packets, each compressed or stored, read back in any chunking. */
    @Property(tries = 60)
    void packetsSplitAcrossCompressedPacketsComeBackWhole(@ForAll @IntRange(min = 1, max = 80) int cut,
            @ForAll @IntRange(min = 1, max = 40) int chunk, @ForAll @IntRange(min = 0, max = 100) int threshold) {
        byte[] ping = HEX.parseHex("010000000e");
        byte[] plainStream = concat(QUERY_PACKET, concat(ping, QUERY_PACKET));
        MyCompressedFrameEncoder encoder = new MyCompressedFrameEncoder().compressAbove(threshold);
        WireWriter out = WireWriter.growable();
        int sequence = 0;
        for (int at = 0; at < plainStream.length; at += cut) {
            encoder.wrap(out).compressedSequenceId(sequence++).body();
            out.putBytes(plainStream, at, Math.min(cut, plainStream.length - at));
            encoder.finish();
        }
        List<byte[]> packets = packets(out.toByteArray(), chunk);
        assertEquals(3, packets.size());
        assertArrayEquals(QUERY_PACKET, packets.get(0));
        assertArrayEquals(ping, packets.get(1));
        assertArrayEquals(QUERY_PACKET, packets.get(2));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
