package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlWireTest {

    private static final DialectFile CQL = DialectFile.check("cql.wire");

    @Test
    void checksClean() {
        CQL.assertClean();
        CQL.assertHeader("cql", "request", "CLIENT", "response", "SERVER");
    }

    @Test
    void v4FrameHeaderIsNineBytesTaggedByOpcode() {
        FramingModel v4 = CQL.framing("v4");
        assertEquals("opcode", v4.tagField());
        assertEquals(9L, v4.header().fixedSize().orElseThrow());
        assertEquals(256L * 1024 * 1024, v4.maxBody());
    }

    @Test
    void everyOpcodeHasItsMessage() {
        for (String name : List.of("Startup", "AuthResponse", "Options", "Query", "Prepare", "Execute", "Batch",
                "Register")) {
            assertNotNull(CQL.message(name, "request").tag(), name);
        }
        for (String name : List.of("Error", "Ready", "Authenticate", "Supported", "Result", "Event",
                "AuthChallenge", "AuthSuccess")) {
            assertNotNull(CQL.message(name, "response").tag(), name);
        }
    }

    @Test
    void resultIsAUnionOnItsKindAndRowsMetadataDependsOnFlags() {
        assertInstanceOf(WireType.Union.class, CQL.field(CQL.message("Result", "response"), "body").type());
        StructModel metadata = CQL.struct("RowsMetadata");
        for (String name : List.of("paging_state", "global_keyspace", "global_table", "column_specs")) {
            assertNotNull(CQL.field(metadata, name).condition(), name);
        }
    }

    @Test
    void optionTypesAreRecursive() {
        assertTrue(CQL.struct("OptionType").recursive(), "list<map<...>> nests option types");
    }

    @Test
    void v5OuterFrameIsProtectedByCrc24AndCrc32() {
        assertInstanceOf(FieldValue.Checksum.class,
                CQL.framing("v5").header().field("header_crc24").orElseThrow().value());
        FieldValue.Checksum payload = assertInstanceOf(FieldValue.Checksum.class,
                CQL.field(CQL.struct("V5Payload"), "payload_crc32").value());
        assertEquals(FieldValue.ChecksumKind.CRC32, payload.kind());
        assertEquals(ByteString.ofHex("fa2d55ca"), payload.seed());
    }

    @Test
    void opcodeIsAnEnumSoMessageTagsAreItsConstants() {
        FramingModel v4 = CQL.framing("v4");
        WireType.EnumRef opcode = assertInstanceOf(WireType.EnumRef.class, v4.header().field("opcode").orElseThrow().type());
        assertEquals("Opcode", opcode.name());
        assertEquals(BigInteger.valueOf(0x07), assertInstanceOf(TypedExpr.IntConst.class,
                CQL.message("Query", "request").tag()).value());
    }

    @Test
    void messagesTakeTheFrameFlagsFromTheHeader() {
        WireType headerFlags = CQL.framing("v4").header().field("flags").orElseThrow().type();
        for (String[] message : new String[][] {{"Query", "request"}, {"Prepare", "request"}, {"Execute", "request"},
                {"Batch", "request"}, {"Result", "response"}, {"Error", "response"}, {"Event", "response"}}) {
            MessageModel model = CQL.message(message[0], message[1]);
            Parameter flags = model.parameters().stream().filter(p -> p.name().equals("flags")).findFirst()
                    .orElseThrow(() -> new AssertionError(message[0] + " takes no flags"));
            assertEquals(headerFlags, flags.type(), message[0]);
            WireType.StructRef prefix = assertInstanceOf(WireType.StructRef.class, CQL.field(model, "prefix").type());
            assertEquals("BodyPrefix", prefix.name());
            assertEquals("flags", assertInstanceOf(TypedExpr.ParamRef.class, prefix.arguments().get(0)).name(), message[0]);
        }
        assertTrue(CQL.message("Startup", "request").parameters().isEmpty(), "STARTUP has no body prefix");
    }
}
