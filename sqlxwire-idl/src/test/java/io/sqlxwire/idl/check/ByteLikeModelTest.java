package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.check;
import static io.sqlxwire.idl.check.Models.constant;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** bytes, text, cstring, pad and empty with every kind of extent, and the charsets of text. */
class ByteLikeModelTest {

    @Test
    void fixedExtents() {
        Layout layout = messageLayout("a: bytes[8]; b: text[4]; c: pad[3]; d: bytes[2 * 4 + 1];");
        assertEquals(new WireType.Bytes(new Extent.Fixed(8)), field(layout, "a").type());
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Fixed(4)), field(layout, "b").type());
        assertEquals(new WireType.Padding(new Extent.Fixed(3)), field(layout, "c").type());
        assertEquals(new WireType.Bytes(new Extent.Fixed(9)), field(layout, "d").type());
        assertEquals(OptionalLong.of(8 + 4 + 3 + 9), layout.fixedSize());
    }

    @Test
    void computedExtentsKeepTheTypedExpression() {
        Layout layout = messageLayout("len: u32; a: bytes[len - 4]; n: u8; b: text[n];");
        assertEquals(new WireType.Bytes(new Extent.Computed(Models.binary(TypedExpr.BinaryOp.SUB, intField("len"), constant(4),
                ExprType.INT))), field(layout, "a").type());
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Computed(intField("n"))), field(layout, "b").type());
        assertEquals(OptionalLong.empty(), layout.fixedSize());
    }

    @Test
    void prefixedExtentsWithAndWithoutNullMarker() {
        Layout layout = messageLayout("""
                a: bytes prefix(u32);
                b: bytes prefix(i32, null = -1);
                c: text prefix(u16le);
                d: bytes prefix(lenenc);
                e: text prefix(u8, null = 0xFF);
                """);
        assertEquals(new WireType.Bytes(new Extent.Prefixed(be(IntKind.U32), null)), field(layout, "a").type());
        assertEquals(new WireType.Bytes(new Extent.Prefixed(be(IntKind.I32), -1L)), field(layout, "b").type());
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Prefixed(new WireType.Int(IntKind.U16, Endian.LITTLE), null)),
                field(layout, "c").type());
        assertEquals(new WireType.Bytes(new Extent.Prefixed(new WireType.LenEnc(), null)), field(layout, "d").type());
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Prefixed(be(IntKind.U8), 255L)), field(layout, "e").type());
        // an empty value still has its prefix
        assertEquals(4 + 4 + 2 + 1 + 1, layout.minSize());
    }

    @Test
    void terminatedExtentsFromEveryKindOfLiteral() {
        Layout layout = messageLayout("""
                a: bytes until 0;
                b: text until '\\n';
                c: text until "\\r\\n";
                d: bytes until x"ff fe";
                e: cstring;
                """);
        assertEquals(new WireType.Bytes(new Extent.Terminated(ByteString.ofHex("00"))), field(layout, "a").type());
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Terminated(ByteString.ofHex("0a"))), field(layout, "b").type());
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Terminated(ByteString.ofHex("0d0a"))), field(layout, "c").type());
        assertEquals(new WireType.Bytes(new Extent.Terminated(ByteString.ofHex("fffe"))), field(layout, "d").type());
        // cstring is text until a NUL
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Terminated(ByteString.ofHex("00"))), field(layout, "e").type());
        assertEquals(1 + 1 + 2 + 2 + 1, layout.minSize());
    }

    @Test
    void restExtentsAndEmpty() {
        Layout text = messageLayout("a: u8; b: text rest;");
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Rest()), field(text, "b").type());
        assertEquals(new WireType.Bytes(new Extent.Rest()), field(messageLayout("b: bytes rest;"), "b").type());
        assertEquals(new WireType.Padding(new Extent.Rest()), field(messageLayout("_: pad rest;"), "_").type());
        Layout empty = messageLayout("e: empty;");
        assertEquals(new WireType.Empty(), field(empty, "e").type());
        assertEquals(OptionalLong.of(0), empty.fixedSize());
    }

    @ParameterizedTest
    @EnumSource(TextEncoding.class)
    void textAndCstringTakeAnExplicitCharset(TextEncoding encoding) {
        String name = encoding.idlName();
        Layout layout = messageLayout("a: text(" + name + ")[" + 2 * encoding.unitSize() + "]; b: cstring(" + name + ");");
        assertEquals(new WireType.Text(encoding, new Extent.Fixed(2L * encoding.unitSize())), field(layout, "a").type());
        // the NUL terminator is one code unit wide: two zero bytes in UTF-16
        assertEquals(new WireType.Text(encoding, new Extent.Terminated(ByteString.of(new byte[encoding.unitSize()]))),
                field(layout, "b").type());
    }

    @Test
    void numericTerminatorOfUtf16TextIsOneCodeUnit() {
        Layout layout = messageLayout("a: text(utf16le) until 0;");
        assertEquals(new WireType.Text(TextEncoding.UTF16LE, new Extent.Terminated(ByteString.ofHex("0000"))),
                field(layout, "a").type());
    }

    @Test
    void optionCharsetIsTheDefaultOfTextAndCstring() {
        Layout layout = Models.message(check("""
                protocol drda;
                option charset = cp037;
                direction server from server;
                message M: server { a: text[8]; b: cstring; c: text(utf8) rest; }
                """), "M").layout();
        assertEquals(new WireType.Text(TextEncoding.CP037, new Extent.Fixed(8)), field(layout, "a").type());
        assertEquals(new WireType.Text(TextEncoding.CP037, new Extent.Terminated(ByteString.ofHex("00"))), field(layout, "b").type());
        assertEquals(new WireType.Text(TextEncoding.UTF8, new Extent.Rest()), field(layout, "c").type());
    }
}
