package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MongodbWireTest {

    private static final DialectFile MONGO = DialectFile.check("mongodb.wire");

    @Test
    void checksClean() {
        MONGO.assertClean();
        MONGO.assertHeader("mongodb", "client", "CLIENT", "server", "SERVER");
    }

    @Test
    void standardHeaderIsSixteenBytesTaggedByOpCode() {
        assertEquals(16L, MONGO.framing("standard").header().fixedSize().orElseThrow());
        assertEquals("op_code", MONGO.framing("standard").tagField());
        MONGO.message("MsgRequest", "client");
        MONGO.message("MsgReply", "server");
    }

    @Test
    void opMsgHasSectionsAndAnOptionalCrc32c() {
        StructModel msg = MONGO.struct("MsgBody");
        assertNotNull(MONGO.field(msg, "sections").regionSize(), "sections stop before the checksum");
        Field checksum = MONGO.field(msg, "checksum");
        assertNotNull(checksum.condition(), "only with CHECKSUM_PRESENT");
        assertInstanceOf(FieldValue.Checksum.class, checksum.value());
        assertInstanceOf(WireType.Union.class, MONGO.field(MONGO.struct("Section"), "payload").type());
    }

    @Test
    void bsonDocumentsAreRecursiveAndCoverEveryElementType() {
        assertTrue(MONGO.struct("Document").recursive());
        assertNotNull(MONGO.field(MONGO.struct("Document"), "elements").regionSize(), "length counts itself");
        assertEquals(21, MONGO.model().enumeration("ElementType").orElseThrow().constants().size());
    }

    @Test
    void opCodeIsAnEnumSoMessageTagsAreItsConstants() {
        WireType.EnumRef opCode = assertInstanceOf(WireType.EnumRef.class,
                MONGO.framing("standard").header().field("op_code").orElseThrow().type());
        assertEquals("OpCode", opCode.name());
        assertEquals(BigInteger.valueOf(2013), assertInstanceOf(TypedExpr.IntConst.class,
                MONGO.message("MsgRequest", "client").tag()).value());
    }

    @Test
    void opMsgChecksumCoversTheFrameFromItsHeader() {
        FieldValue.Checksum checksum = assertInstanceOf(FieldValue.Checksum.class,
                MONGO.field(MONGO.struct("MsgBody"), "checksum").value());
        assertEquals(FieldValue.ChecksumKind.CRC32C, checksum.kind());
        assertTrue(checksum.fromFrame(), "the 16-byte standard header is covered too");
    }
}
