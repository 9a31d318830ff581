package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TdsWireTest {

    private static final DialectFile TDS = DialectFile.check("tds.wire");

    @Test
    void checksClean() {
        TDS.assertClean();
        TDS.assertHeader("tds", "client", "CLIENT", "server", "SERVER");
    }

    @Test
    void packetHeaderIsEightBytesAndMessagesContinueUntilEom() {
        FramingModel packet = TDS.framing("packet");
        assertEquals(8L, packet.header().fixedSize().orElseThrow());
        assertNotNull(packet.continuedIf(), "EOM status bit");
        assertEquals("packet_id", packet.sequenceField());
    }

    @Test
    void preloginOptionDataIsReadAtItsOffset() {
        Field value = TDS.field(TDS.struct("PreloginOption"), "value");
        assertNotNull(value.position(), "at(offset)");
        assertNotNull(value.regionSize(), "size(length)");
    }

    @Test
    void login7StringsAreUtf16AtOffsetsAndThePasswordIsTransformed() {
        MessageModel login = TDS.message("Login7", "client");
        for (String name : List.of("host_name", "user_name", "password", "app_name", "server_name", "database")) {
            Field field = TDS.field(login, name);
            assertNotNull(field.position(), name);
            WireType.Text text = assertInstanceOf(WireType.Text.class, field.type(), name);
            assertEquals(TextEncoding.UTF16LE, text.encoding(), name);
        }
        assertEquals("tds_password", TDS.field(login, "password").transform());
    }

    @Test
    void theServerAnswersWithPacketType4ReadByPhase() {
        assertNotNull(TDS.message("PreloginResponse", "server").when());
        assertNotNull(TDS.message("TokenStream", "server").when());
    }
}
