package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.checkWithPrelude;
import static io.sqlxwire.idl.check.Models.constant;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.message;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Unions on fields, parameters, session variables and peeked bytes; conditional fields. */
class UnionAndConditionModelTest {

    private static UnionArm.Range value(long v) {
        return new UnionArm.Range(BigInteger.valueOf(v), BigInteger.valueOf(v));
    }

    private static UnionArm.Range range(long low, long high) {
        return new UnionArm.Range(BigInteger.valueOf(low), BigInteger.valueOf(high));
    }

    private static WireType.Union union(Field f) {
        return (WireType.Union) f.type();
    }

    @Test
    void unionOnAnEnumFieldWithBareConstantNames() {
        Layout layout = messageLayout("""
                enum AuthCode: i32 { OK = 0; CLEARTEXT = 3; MD5 = 5; SASL = 10; }
                struct Mechanism { name: cstring; }
                """, """
                code: AuthCode;
                body: switch (code) {
                    OK, CLEARTEXT => empty;
                    /// The salt.
                    MD5 => bytes[4];
                    SASL => Mechanism[] until 0;
                };
                """);
        WireType.Union body = union(field(layout, "body"));
        assertEquals(new TypedExpr.FieldRef(List.of("code"), ExprType.enumOf("AuthCode")), body.subject());
        assertNull(body.fallback());
        List<UnionArm> arms = body.arms();
        assertEquals(3, arms.size());
        assertEquals(new UnionArm(List.of(value(0), value(3)), null, new WireType.Empty(), ""), arms.get(0));
        assertEquals(new UnionArm(List.of(value(5)), null, new WireType.Bytes(new Extent.Fixed(4)), "The salt."), arms.get(1));
        assertEquals(List.of(value(10)), arms.get(2).patterns());
        assertEquals(arms, body.allArms());
    }

    @Test
    void unionOnAPeekedByteWithGuardRangesAndRawFallback() {
        Layout layout = messageLayout("""
                struct Ok { affected: lenenc; }
                struct Err { code: u16; }
                struct Eof { warnings: u16; status: u16; }
                struct ResultSet { columns: lenenc; }
                """, """
                body: switch (peek(u8)) {
                    0x00 => Ok;
                    0xFF => Err;
                    0xFE if remaining < 9 => Eof;
                    0x01 .. 0xFA, 0xFC .. 0xFD => ResultSet;
                    _ => bytes rest;
                };
                """);
        WireType.Union body = union(field(layout, "body"));
        assertEquals(new TypedExpr.Peek(be(IntKind.U8), constant(0)), body.subject());
        List<UnionArm> arms = body.arms();
        assertEquals(4, arms.size());
        assertEquals(List.of(value(0)), arms.get(0).patterns());
        assertEquals(new WireType.StructRef("Ok", List.of(), OptionalLong.empty()), arms.get(0).type());
        assertEquals(new WireType.StructRef("Err", List.of(), OptionalLong.of(2)), arms.get(1).type());
        assertEquals(List.of(value(0xFE)), arms.get(2).patterns());
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.LT, new TypedExpr.Remaining(), constant(9), ExprType.BOOL),
                arms.get(2).guard());
        assertEquals(List.of(range(1, 0xFA), range(0xFC, 0xFD)), arms.get(3).patterns());
        assertEquals(new UnionArm(List.of(), null, new WireType.Bytes(new Extent.Rest()), ""), body.fallback());
        assertEquals(5, body.allArms().size());
    }

    @Test
    void guardedUnderscoreIsAnOrdinaryArmMatchingAnyValue() {
        Layout layout = messageLayout("kind: u8; v: switch (kind) { 1 => u32; _ if kind > 100 => u16; _ => empty; };");
        WireType.Union v = union(field(layout, "v"));
        assertEquals(2, v.arms().size());
        UnionArm guarded = v.arms().get(1);
        assertEquals(List.of(), guarded.patterns());
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.GT, intField("kind"), constant(100), ExprType.BOOL), guarded.guard());
        assertEquals(new WireType.Empty(), v.fallback().type());
    }

    @Test
    void unionsOnParametersAndSessionVariables() {
        var model = checkWithPrelude("""
                enum Mode: u8 { TEXT = 0; BINARY = 1; }
                session { mode: Mode = TEXT; }
                struct Value(format: u8) { v: switch (format) { 0 => cstring; 1 => i32; }; }
                message M: server { v: switch (session.mode) { TEXT => cstring; BINARY => bytes[8]; }; }
                """);
        WireType.Union onParam = union(field(Models.struct(model, "Value").layout(), "v"));
        assertEquals(new TypedExpr.ParamRef("format", ExprType.INT), onParam.subject());
        WireType.Union onSession = union(field(message(model, "M").layout(), "v"));
        assertEquals(new TypedExpr.SessionRef("mode", ExprType.enumOf("Mode")), onSession.subject());
        assertEquals(List.of(List.of(value(0)), List.of(value(1))), onSession.arms().stream().map(UnionArm::patterns).toList());
    }

    @Test
    void unionWithArmsOfOneSizeHasThatFixedSize() {
        Layout layout = messageLayout("k: u8; v: switch (k) { 1 => u32; 2 => bytes[4]; _ => i32le; }; after: u8;");
        assertEquals(OptionalLong.of(4), field(layout, "v").type().fixedSize());
        assertEquals(OptionalLong.of(5), field(layout, "after").fixedOffset());
        assertEquals(OptionalLong.of(6), layout.fixedSize());
    }

    // ------------------------------------------------------------------ conditional fields

    @Test
    void conditionsOnFieldsParametersAndSessionVariables() {
        var model = checkWithPrelude("""
                flags Caps: u32 { PROTOCOL_41 = 0x200; CONNECT_WITH_DB = 0x8; }
                session { capabilities: Caps = 0; ready: bool = false; }
                struct S(deprecated: bool) {
                    flags: u8;
                    checksum: u32 if flags & 1 == 1;
                    eof: u8 if !deprecated;
                    db: cstring if session.capabilities has CONNECT_WITH_DB;
                    ok: u8 if session.ready && flags != 0;
                }
                """);
        Layout s = Models.struct(model, "S").layout();
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.EQ,
                new TypedExpr.Binary(TypedExpr.BinaryOp.AND, intField("flags"), constant(1), ExprType.INT), constant(1), ExprType.BOOL),
                field(s, "checksum").condition());
        assertEquals(new TypedExpr.Unary(TypedExpr.UnaryOp.NOT, new TypedExpr.ParamRef("deprecated", ExprType.BOOL), ExprType.BOOL),
                field(s, "eof").condition());
        ExprType caps = ExprType.flagsOf("Caps");
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.HAS, new TypedExpr.SessionRef("capabilities", caps),
                new TypedExpr.NamedConst("Caps", "CONNECT_WITH_DB", BigInteger.valueOf(8), caps), ExprType.BOOL),
                field(s, "db").condition());
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.AND_ALSO, new TypedExpr.SessionRef("ready", ExprType.BOOL),
                new TypedExpr.Binary(TypedExpr.BinaryOp.NE, intField("flags"), constant(0), ExprType.BOOL), ExprType.BOOL),
                field(s, "ok").condition());
        assertTrue(field(s, "checksum").isOptional());
        assertNull(field(s, "flags").condition());
        // an optional field has no fixed size: nothing after it has a fixed offset, and it adds nothing to the minimum
        assertEquals(OptionalLong.of(1), field(s, "checksum").fixedOffset());
        assertEquals(OptionalLong.empty(), field(s, "eof").fixedOffset());
        assertEquals(1, s.minSize());
        assertEquals(OptionalLong.empty(), s.fixedSize());
    }
}
