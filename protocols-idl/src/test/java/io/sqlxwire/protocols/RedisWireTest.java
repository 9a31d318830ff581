package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.WireType;
import org.junit.jupiter.api.Test;

class RedisWireTest {

    private static final DialectFile RESP = DialectFile.check("redis.wire");

    @Test
    void checksClean() {
        RESP.assertClean();
        RESP.assertHeader("redis", "client", "CLIENT", "server", "SERVER");
    }

    @Test
    void aValueIsRecursiveAndCoversEveryResp3TypePrefix() {
        StructModel value = RESP.struct("Value");
        assertTrue(value.recursive(), "arrays, maps, sets, pushes and attributes contain values");
        assertInstanceOf(WireType.Union.class, RESP.field(value, "body").type());
        assertEquals(17, RESP.model().enumeration("TypePrefix").orElseThrow().constants().size());
    }

    @Test
    void lengthsAreAsciiDecimalsEndedByCrlf() {
        assertInstanceOf(WireType.AsciiInt.class, RESP.field(RESP.struct("BulkString"), "length").type());
        assertInstanceOf(WireType.AsciiInt.class, RESP.field(RESP.struct("CountedValues"), "count").type());
    }

    @Test
    void framesEndWhereTheValueEnds() {
        assertNotNull(RESP.framing("reply").delimitedBy());
        assertNotNull(RESP.framing("command").delimitedBy());
        RESP.message("Request", "client");
        RESP.message("Reply", "server");
    }
}
