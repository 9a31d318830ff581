package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlWireTest {

    private static final DialectFile MY = DialectFile.check("mysql.wire");

    @Test
    void checksClean() {
        MY.assertClean();
        MY.assertHeader("mysql", "client", "CLIENT", "server", "SERVER");
    }

    @Test
    void packetsHaveAThreeByteLengthASequenceIdAndContinuation() {
        FramingModel packet = MY.framing("packet");
        WireType.Int length = assertInstanceOf(WireType.Int.class,
                packet.header().field("payload_length").orElseThrow().type());
        assertEquals("U24", length.kind().name());
        assertEquals("sequence_id", packet.sequenceField());
        assertNotNull(packet.continuedIf(), "0xFFFFFF continuation");
    }

    @Test
    void handshakeJoinsTheSplitCapabilityFlags() {
        MessageModel handshake = MY.message("HandshakeV10", "server");
        assertInstanceOf(Let.class, handshake.layout().member("capabilities").orElseThrow());
        assertNotNull(MY.field(handshake, "auth_plugin_name").condition(), "plugin name only with CLIENT_PLUGIN_AUTH");
        assertNotNull(MY.field(handshake, "protocol_version").value());
    }

    @Test
    void handshakeResponseFieldsDependOnCapabilities() {
        MessageModel response = MY.message("HandshakeResponse41", "client");
        for (String name : List.of("auth_response", "auth_response_short", "database", "client_plugin_name",
                "attributes", "zstd_compression_level")) {
            assertNotNull(MY.field(response, name).condition(), name);
        }
        assertTrue(MY.model().session().stream().anyMatch(v -> v.name().equals("capabilities")));
    }

    @Test
    void okPacketHasSessionStateOnlyWithSessionTracking() {
        StructModel ok = MY.struct("OkFields");
        assertNotNull(MY.field(ok, "session_state_changes").condition());
        assertNotNull(MY.field(ok, "session_state_changes").regionSize());
        assertInstanceOf(WireType.LenEnc.class, MY.field(ok, "affected_rows").type());
    }

    @Test
    void responsesAreAUnionOnThePeekedFirstByteWithAGuardForEof() {
        WireType.Union response = assertInstanceOf(WireType.Union.class,
                MY.field(MY.message("QueryResponse", "server"), "response").type());
        assertTrue(response.arms().stream().anyMatch(arm -> arm.guard() != null), "0xFE is EOF only when short");
        assertNotNull(response.fallback(), "anything else is a result set header");
    }

    @Test
    void binaryRowsHaveANullBitmapWithOffsetTwo() {
        WireType.Bitmap bitmap = assertInstanceOf(WireType.Bitmap.class,
                MY.field(MY.message("BinaryResultsetRow", "server"), "null_bitmap").type());
        assertEquals(2, bitmap.bitOffset());
    }

    @Test
    void theServerSpeaksFirst() {
        assertEquals(DirectionModel.Sender.SERVER, MY.model().signatures().get(0).sender());
    }
}
