package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
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
        StructModel login = TDS.struct("Login7Body");
        for (String name : List.of("host_name", "user_name", "password", "app_name", "server_name", "database")) {
            Field field = TDS.field(login, name);
            assertNotNull(field.position(), name);
            WireType.Text text = assertInstanceOf(WireType.Text.class, field.type(), name);
            assertEquals(TextEncoding.UTF16LE, text.encoding(), name);
        }
        assertEquals("tds_password", TDS.field(login, "password").transform());
    }

    @Test
    void login7OffsetAndCharacterCountPairsAreDerivedFromTheStrings() {
        StructModel login = TDS.struct("Login7Body");
        for (String name : List.of("host_name", "user_name", "password", "app_name", "server_name", "clt_int_name",
                "language", "database", "atch_db_file", "change_password")) {
            FieldRole.OffsetOf offset = assertInstanceOf(FieldRole.OffsetOf.class, TDS.field(login, "ib_" + name).role(), name);
            assertEquals(name, offset.target());
            assertEquals(4, offset.adjustment(), "offsets count from the start of LOGIN7, before its length");
            FieldRole.LengthOf length = assertInstanceOf(FieldRole.LengthOf.class, TDS.field(login, "cch_" + name).role(), name);
            assertEquals(name, length.target());
            assertEquals(2, length.unit(), name + " counts UTF-16 characters");
        }
        assertEquals(1, assertInstanceOf(FieldRole.LengthOf.class, TDS.field(login, "cb_extension").role()).unit());
        FieldRole.LengthOf total = assertInstanceOf(FieldRole.LengthOf.class,
                TDS.field(TDS.message("Login7", "client"), "length").role());
        assertEquals("login", total.target());
        assertEquals(4, total.adjustment());
    }

    @Test
    void packetTypeIsAnEnumSoMessageTagsAreItsConstants() {
        assertInstanceOf(WireType.EnumRef.class, TDS.framing("packet").header().field("type").orElseThrow().type());
        assertEquals(BigInteger.valueOf(16), assertInstanceOf(TypedExpr.IntConst.class,
                TDS.message("Login7", "client").tag()).value());
    }

    @Test
    void theServerAnswersWithPacketType4ReadByPhase() {
        assertNotNull(TDS.message("PreloginResponse", "server").when());
        assertNotNull(TDS.message("TokenStream", "server").when());
    }
}
