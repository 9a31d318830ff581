package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.checkWithPrelude;
import static io.sqlxwire.idl.check.Models.constant;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.let;
import static io.sqlxwire.idl.check.Models.message;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static io.sqlxwire.idl.check.Models.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Structs with parameters and arguments, nesting, recursion, lets, and arrays of every extent. */
class StructAndArrayModelTest {

    // ------------------------------------------------------------------ structs

    @Test
    void structParametersAndPositionalNamedAndIndexArguments() {
        ProtocolModel model = checkWithPrelude("""
                enum Kind: u8 { INT = 1; STR = 2; }
                /// One column value.
                struct Column(index: u32, unsigned: bool, kind: Kind) {
                    v: u8 if unsigned;
                    w: u16 if kind == STR;
                }
                message M: server {
                    count: u16;
                    a: Column(7, false, Kind.STR);
                    b: Column(index = count, unsigned = true, kind = INT);
                    c: Column(_index, count > 1, INT)[count];
                }
                """);
        StructModel column = struct(model, "Column");
        assertEquals("One column value.", column.doc());
        assertEquals(List.of(
                new Parameter("index", be(IntKind.U32), ExprType.INT),
                new Parameter("unsigned", new WireType.Bool(), ExprType.BOOL),
                new Parameter("kind", new WireType.EnumRef("Kind", be(IntKind.U8)), ExprType.enumOf("Kind"))), column.parameters());
        ExprType kind = ExprType.enumOf("Kind");
        assertEquals(new TypedExpr.ParamRef("unsigned", ExprType.BOOL), field(column.layout(), "v").condition());
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.EQ, new TypedExpr.ParamRef("kind", kind),
                new TypedExpr.NamedConst("Kind", "STR", BigInteger.TWO, kind), ExprType.BOOL), field(column.layout(), "w").condition());

        Layout m = message(model, "M").layout();
        TypedExpr str = new TypedExpr.NamedConst("Kind", "STR", BigInteger.TWO, kind);
        TypedExpr intKind = new TypedExpr.NamedConst("Kind", "INT", BigInteger.ONE, kind);
        assertEquals(new WireType.StructRef("Column", List.of(constant(7), new TypedExpr.BoolConst(false), str), OptionalLong.empty()),
                field(m, "a").type());
        assertEquals(new WireType.StructRef("Column", List.of(intField("count"), new TypedExpr.BoolConst(true), intKind),
                OptionalLong.empty()), field(m, "b").type());
        WireType.Array c = (WireType.Array) field(m, "c").type();
        assertEquals(new WireType.StructRef("Column", List.of(new TypedExpr.ElementIndex(),
                new TypedExpr.Binary(TypedExpr.BinaryOp.GT, intField("count"), constant(1), ExprType.BOOL), intKind),
                OptionalLong.empty()), c.element());
        assertEquals(new Extent.Computed(intField("count")), c.count());
    }

    @Test
    void nestedStructsPassTheirFixedSizeAndFieldsAreReachableByPath() {
        ProtocolModel model = checkWithPrelude("""
                message M: server {
                    header: Header;
                    body: bytes[header.length - 8];
                }
                struct Header { kind: u32; length: u32; }
                """);
        StructModel header = struct(model, "Header");
        assertEquals(OptionalLong.of(8), header.layout().fixedSize());
        assertFalse(header.recursive());
        Layout m = message(model, "M").layout();
        assertEquals(new WireType.StructRef("Header", List.of(), OptionalLong.of(8)), field(m, "header").type());
        assertEquals(OptionalLong.of(8), field(m, "body").fixedOffset());
        assertEquals(new WireType.Bytes(new Extent.Computed(Models.binary(TypedExpr.BinaryOp.SUB, intField("header", "length"),
                constant(8), ExprType.INT))), field(m, "body").type());
    }

    @Test
    void directAndMutualRecursionAreMarked() {
        ProtocolModel model = checkWithPrelude("""
                struct Node { kind: u8; children: Node[] prefix(u8); }
                struct Document { size: i32; elements: Element[] until 0; }
                struct Element { kind: u8; value: switch (kind) { 3 => Document; _ => bytes[4]; }; }
                struct Leaf { v: u8; }
                """);
        assertTrue(struct(model, "Node").recursive());
        assertTrue(struct(model, "Document").recursive());
        assertTrue(struct(model, "Element").recursive());
        assertFalse(struct(model, "Leaf").recursive());
        // a recursive struct has no fixed size
        WireType.Array children = (WireType.Array) field(struct(model, "Node").layout(), "children").type();
        assertEquals(new WireType.StructRef("Node", List.of(), OptionalLong.empty()), children.element());
        assertEquals(new Extent.Prefixed(be(IntKind.U8), null), children.count());
        assertEquals(2, struct(model, "Node").layout().minSize());
    }

    @Test
    void letsAreTypedFromTheirValueOrTheirDeclaration() {
        Layout layout = messageLayout("""
                a: u16;
                b: u8;
                let total = a + b;
                let big: bool = total > 3;
                let twice = total * 2;
                """);
        assertEquals(ExprType.INT, let(layout, "total").type());
        assertEquals(Models.binary(TypedExpr.BinaryOp.ADD, intField("a"), intField("b"), ExprType.INT), let(layout, "total").value());
        assertFalse(let(layout, "total").isJoin());
        assertEquals(ExprType.BOOL, let(layout, "big").type());
        assertEquals(Models.binary(TypedExpr.BinaryOp.GT, new TypedExpr.LetRef("total", ExprType.INT), constant(3), ExprType.BOOL),
                let(layout, "big").value());
        assertEquals(Models.binary(TypedExpr.BinaryOp.MUL, new TypedExpr.LetRef("total", ExprType.INT), constant(2), ExprType.INT),
                let(layout, "twice").value());
        // lets take no space
        assertEquals(OptionalLong.of(3), layout.fixedSize());
        assertEquals(List.of("a", "b", "total", "big", "twice"), Models.names(layout));
    }

    // ------------------------------------------------------------------ arrays

    @Test
    void arraysByCountTerminatorRestAndPrefix() {
        Layout layout = messageLayout("""
                struct Pair { name: cstring; value: cstring; }
                """, """
                n: u16;
                fixed: u32[3];
                counted: Pair[n];
                terminated: Pair[] until 0;
                prefixed: u16le[] prefix(u16);
                rest: u8[] rest;
                """);
        assertEquals(new WireType.Array(be(IntKind.U32), new Extent.Fixed(3)), field(layout, "fixed").type());
        assertEquals(OptionalLong.of(12), field(layout, "fixed").type().fixedSize());
        WireType pair = new WireType.StructRef("Pair", List.of(), OptionalLong.empty());
        assertEquals(new WireType.Array(pair, new Extent.Computed(intField("n"))), field(layout, "counted").type());
        assertEquals(new WireType.Array(pair, new Extent.Terminated(ByteString.ofHex("00"))), field(layout, "terminated").type());
        assertEquals(new WireType.Array(new WireType.Int(IntKind.U16, io.sqlxwire.idl.model.Endian.LITTLE),
                new Extent.Prefixed(be(IntKind.U16), null)), field(layout, "prefixed").type());
        assertEquals(new WireType.Array(be(IntKind.U8), new Extent.Rest()), field(layout, "rest").type());
    }

    @Test
    void forByteLikeTypesTheFirstExtentIsTheSizeAndTheSecondMakesAnArray() {
        Layout layout = messageLayout("""
                column_count: u16;
                columns: bytes prefix(i32, null = -1)[column_count];
                blocks: bytes[16][4];
                names: cstring[] until 0;
                tags: text[2][] prefix(u8);
                """);
        assertEquals(new WireType.Array(new WireType.Bytes(new Extent.Prefixed(be(IntKind.I32), -1L)),
                new Extent.Computed(intField("column_count"))), field(layout, "columns").type());
        WireType blocks = field(layout, "blocks").type();
        assertEquals(new WireType.Array(new WireType.Bytes(new Extent.Fixed(16)), new Extent.Fixed(4)), blocks);
        assertEquals(OptionalLong.of(64), blocks.fixedSize());
        assertEquals(new WireType.Array(new WireType.Text(TextEncoding.UTF8, new Extent.Terminated(ByteString.ofHex("00"))),
                new Extent.Terminated(ByteString.ofHex("00"))), field(layout, "names").type());
        assertEquals(new WireType.Array(new WireType.Text(TextEncoding.UTF8, new Extent.Fixed(2)),
                new Extent.Prefixed(be(IntKind.U8), null)), field(layout, "tags").type());
    }
}
