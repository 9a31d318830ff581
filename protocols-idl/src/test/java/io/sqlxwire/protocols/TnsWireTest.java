package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
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

    @Test
    void packetTypeIsAnEnumSoMessageTagsAreItsConstants() {
        assertInstanceOf(WireType.EnumRef.class, TNS.framing("packet").header().field("type").orElseThrow().type());
        assertEquals(BigInteger.ONE, assertInstanceOf(TypedExpr.IntConst.class, TNS.message("Connect", "client").tag()).value());
    }

    @Test
    void connectDataOffsetAndLengthAreDerivedFromTheData() {
        MessageModel connect = TNS.message("Connect", "client");
        FieldRole.OffsetOf offset = assertInstanceOf(FieldRole.OffsetOf.class, TNS.field(connect, "connect_data_offset").role());
        assertEquals("connect_data", offset.target());
        assertEquals(8, offset.adjustment(), "the offset counts the 8-byte packet header");
        assertEquals("connect_data",
                assertInstanceOf(FieldRole.LengthOf.class, TNS.field(connect, "connect_data_length").role()).target());
    }
}
