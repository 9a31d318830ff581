package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DrdaWireTest {

    private static final DialectFile DRDA = DialectFile.check("drda.wire");

    @Test
    void checksClean() {
        DRDA.assertClean();
        DRDA.assertHeader("drda", "requester", "CLIENT", "server", "SERVER");
    }

    @Test
    void dssHeaderHasTheD0MagicAndIsFollowedByTheDdmHeader() {
        FramingModel dss = DRDA.framing("dss");
        assertInstanceOf(FieldValue.Constant.class, dss.header().field("magic").orElseThrow().value());
        assertEquals(10L, dss.header().fixedSize().orElseThrow(), "6-byte DSS header + 4-byte DDM header");
        assertEquals("code_point", dss.tagField());
    }

    @Test
    void excsatCarriesCodePointParametersInEbcdic() {
        DRDA.message("ExcSat", "requester");
        DRDA.message("ExcSatRd", "server");
        assertEquals(TextEncoding.CP500, DRDA.model().charset());
        assertNotNull(DRDA.field(DRDA.struct("Parameter"), "value").regionSize(), "length counts the header");
        assertInstanceOf(WireType.Union.class, DRDA.field(DRDA.struct("Parameter"), "value").type());
    }

    @Test
    void codePointIsAnEnumSoMessageTagsAreItsConstants() {
        WireType.EnumRef codePoint = assertInstanceOf(WireType.EnumRef.class,
                DRDA.framing("dss").header().field("code_point").orElseThrow().type());
        assertEquals("CodePoint", codePoint.name());
        assertEquals(BigInteger.valueOf(0x1041), assertInstanceOf(TypedExpr.IntConst.class,
                DRDA.message("ExcSat", "requester").tag()).value());
    }
}
