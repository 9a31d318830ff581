package io.sqlxwire.protocols.mongodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * OP_MSG's optional checksum is a CRC-32C over the whole message, standard header included, so the
 * body decoder alone cannot check it: {@code wrapFrame}, which the dispatcher uses, does.
 */
class MongoFrameChecksumTest {

    /**
     * OP_MSG {@code {hello: 1, $db: "admin"}} (request 7) with CHECKSUM_PRESENT and its CRC-32C
     * 0x2f4d3d86 in the last 4 bytes. The shared captures hold no OP_MSG with a checksum (drivers
     * send one only when asked), so this frame is built by hand after the OP_MSG specification; the
     * checksum was computed by a bitwise CRC-32C written apart from this code base (it gives
     * 0xe3069283 for "123456789", the published check value) and is checked below with the JDK's.
     */
    private static final byte[] HELLO = HexFormat.of().parseHex(
            "380000000700000000000000dd070000" // length 56, request 7, response to 0, OP_MSG
                    + "01000000" // flag bits: CHECKSUM_PRESENT
                    + "00" + "1f0000001068656c6c6f000100000002246462000600000061646d696e0000" // kind 0, the document
                    + "863d4d2f"); // crc32c of the 52 bytes before it

    private static final int HEADER = MongoStandardFraming.HEADER_LENGTH;

    @Test
    void theChecksumIsTheCrc32cOfEverythingBeforeIt() {
        CRC32C crc = new CRC32C();
        crc.update(HELLO, 0, HELLO.length - 4);
        assertEquals(0x2f4d3d86L, crc.getValue());
    }

    @Test
    void aValidFramePasses() {
        MongoMsgRequestDecoder request = new MongoMsgRequestDecoder().wrapFrame(WireBuffer.of(HELLO), HEADER);
        assertEquals(MongoMsgFlags.CHECKSUM_PRESENT, request.msg().flagBits());
        assertTrue(request.msg().hasChecksum());
        assertEquals(0x2f4d3d86L, request.msg().checksum());
    }

    @Test
    void theDispatcherVerifiesIt() {
        MongoMsgRequestDecoder[] seen = new MongoMsgRequestDecoder[1];
        MongoClientHandler handler = new MongoClientHandler() {
            @Override
            public void onMsgRequest(MongoMsgRequestDecoder m) {
                seen[0] = m;
            }
        };
        MongoClientDispatcher dispatcher = new MongoClientDispatcher(new MongoSession());
        dispatcher.dispatch(WireBuffer.of(HELLO), handler);
        assertEquals(0x2f4d3d86L, seen[0].msg().checksum());

        CodecException e = assertThrows(CodecException.class,
                () -> dispatcher.dispatch(WireBuffer.of(flipped(HELLO, 46)), handler));
        assertEquals("msg.checksum", e.fieldPath());
    }

    @Test
    void aFlippedBitInTheBodyFailsAtTheChecksum() {
        byte[] bad = flipped(HELLO, 45); // in "admin"
        CodecException e = assertThrows(CodecException.class,
                () -> new MongoMsgRequestDecoder().wrapFrame(WireBuffer.of(bad), HEADER));
        assertEquals("msg.checksum", e.fieldPath());
        assertEquals("MsgRequest", e.messageName());
        assertEquals(52, e.offset()); // where the checksum field starts in the frame
        assertTrue(e.getMessage().startsWith("mongodb MsgRequest.msg.checksum: checksum mismatch: computed 0x"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" but found 0x2f4d3d86 at offset 52"), e.getMessage());
    }

    @Test
    void aFlippedBitInTheHeaderFailsToo() {
        byte[] bad = flipped(HELLO, 4); // request_id: only the frame-wide checksum covers it
        CodecException e = assertThrows(CodecException.class,
                () -> new MongoMsgRequestDecoder().wrapFrame(WireBuffer.of(bad), HEADER));
        assertEquals("msg.checksum", e.fieldPath());
    }

    @Test
    void theBodyAloneCannotBeCheckedAndIsNot() {
        // Without the header there is nothing to check the checksum against: wrap reads the body only.
        byte[] bad = flipped(HELLO, 4);
        MongoMsgRequestDecoder request = new MongoMsgRequestDecoder().wrap(WireBuffer.of(bad), HEADER, bad.length - HEADER);
        assertEquals(0x2f4d3d86L, request.msg().checksum());
        // And a wrapFrame before does not leave its frame behind for a later wrap.
        request.wrapFrame(WireBuffer.of(HELLO), HEADER);
        request.wrap(WireBuffer.of(bad), HEADER, bad.length - HEADER);
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x01;
        return copy;
    }
}
