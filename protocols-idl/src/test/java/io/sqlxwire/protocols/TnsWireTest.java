package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import org.junit.jupiter.api.Test;

class TnsWireTest {

    private static final DialectFile TNS = DialectFile.check("tns.wire");

    @Test
    void checksClean() {
        TNS.assertClean();
        TNS.assertHeader("tns", "client", "CLIENT", "server", "SERVER");
    }

    @Test
    void packetHeaderIsEightBytesTaggedByType() {
        FramingModel packet = TNS.framing("packet");
        assertEquals(8L, packet.header().fixedSize().orElseThrow());
        assertEquals("type", packet.tagField());
    }

    @Test
    void connectDataIsReadAtItsOffset() {
        MessageModel connect = TNS.message("Connect", "client");
        assertNotNull(TNS.field(connect, "connect_data").position());
        assertNotNull(TNS.field(connect, "value_of_one").value());
        TNS.message("Accept", "server");
        TNS.message("Refuse", "server");
    }
}
