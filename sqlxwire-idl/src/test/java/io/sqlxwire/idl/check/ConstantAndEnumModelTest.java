package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.checkWithPrelude;
import static io.sqlxwire.idl.check.Models.constant;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.let;
import static io.sqlxwire.idl.check.Models.message;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constant fields, anonymous padding, enums, flags and flags joined from split fields. */
class ConstantAndEnumModelTest {

    private static final String KINDS = """
            /// Authentication codes.
            enum AuthCode: i32 {
                /// Success.
                OK = 0;
                MD5_PASSWORD = 5;
                SASL = 0x0A;
            }
            flags Capabilities: u32le {
                LONG_PASSWORD = 0x1;
                PROTOCOL_41 = 0x200;
                PLUGIN_AUTH = 1 << 19;
            }
            """;

    private static TypedExpr constantOf(Field f) {
        return ((FieldValue.Constant) f.value()).value();
    }

    @Test
    void constantValuesOfEveryKind() {
        Layout layout = messageLayout(KINDS, """
                version: u8 = 0x0a;
                code: i32 = 80877103;
                minus: i16 = -1;
                letter: u8 = 'Q';
                magic: bytes[4] = x"00 03 00 00";
                riff: bytes[4] = "RIFF";
                name: text[3] = "abc";
                kind: AuthCode = MD5_PASSWORD;
                caps: Capabilities = LONG_PASSWORD | PROTOCOL_41;
                """);
        assertEquals(constant(10), constantOf(field(layout, "version")));
        assertEquals(constant(80877103), constantOf(field(layout, "code")));
        assertEquals(new TypedExpr.Unary(TypedExpr.UnaryOp.NEGATE, constant(1), ExprType.INT), constantOf(field(layout, "minus")));
        assertEquals(constant('Q'), constantOf(field(layout, "letter")));
        assertEquals(new TypedExpr.BytesConst(ByteString.ofHex("00030000")), constantOf(field(layout, "magic")));
        assertEquals(new TypedExpr.TextConst("RIFF"), constantOf(field(layout, "riff")));
        assertEquals(new TypedExpr.TextConst("abc"), constantOf(field(layout, "name")));
        assertEquals(new TypedExpr.NamedConst("AuthCode", "MD5_PASSWORD", BigInteger.valueOf(5), ExprType.enumOf("AuthCode")),
                constantOf(field(layout, "kind")));
        ExprType caps = ExprType.flagsOf("Capabilities");
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.OR,
                new TypedExpr.NamedConst("Capabilities", "LONG_PASSWORD", BigInteger.ONE, caps),
                new TypedExpr.NamedConst("Capabilities", "PROTOCOL_41", BigInteger.valueOf(0x200), caps), caps),
                constantOf(field(layout, "caps")));
        // the codec writes constants itself: the user supplies none of them
        assertTrue(layout.fields().stream().noneMatch(Field::isUserSupplied));
        assertTrue(layout.fields().stream().allMatch(f -> f.role() instanceof FieldRole.Data));
    }

    @Test
    void anonymousPaddingAndReservedConstants() {
        Layout layout = messageLayout("a: u8; _: pad[10]; _: u16 = 0; b: u8;");
        List<Field> fields = layout.fields();
        assertEquals(4, fields.size());
        Field pad = fields.get(1);
        assertTrue(pad.isAnonymous());
        assertEquals(new FieldRole.Padding(), pad.role());
        assertEquals(new FieldValue.None(), pad.value());
        Field reserved = fields.get(2);
        assertTrue(reserved.isAnonymous());
        assertEquals(new FieldRole.Padding(), reserved.role());
        assertEquals(new FieldValue.Constant(constant(0)), reserved.value());
        assertEquals(java.util.OptionalLong.of(13), fields.get(3).fixedOffset());
        assertFalse(pad.isUserSupplied());
    }

    @Test
    void enumsAndFlagsKeepBaseValuesDocsAndOrder() {
        ProtocolModel model = checkWithPrelude(KINDS);
        assertEquals(List.of("AuthCode", "Capabilities"), model.enums().stream().map(EnumModel::name).toList());
        EnumModel auth = model.enumeration("AuthCode").orElseThrow();
        assertFalse(auth.flags());
        assertEquals(be(IntKind.I32), auth.base());
        assertEquals("Authentication codes.", auth.doc());
        assertEquals(List.of(
                new EnumModel.Constant("OK", "Success.", BigInteger.ZERO),
                new EnumModel.Constant("MD5_PASSWORD", "", BigInteger.valueOf(5)),
                new EnumModel.Constant("SASL", "", BigInteger.TEN)), auth.constants());

        EnumModel caps = model.enumeration("Capabilities").orElseThrow();
        assertTrue(caps.flags());
        assertEquals(new WireType.Int(IntKind.U32, Endian.LITTLE), caps.base());
        assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(0x200), BigInteger.valueOf(0x80000)),
                caps.constants().stream().map(EnumModel.Constant::value).toList());
    }

    @Test
    void enumAndFlagsFieldsReferToTheirDeclaration() {
        Layout layout = messageLayout(KINDS, "code: AuthCode; caps: Capabilities;");
        assertEquals(new WireType.EnumRef("AuthCode", be(IntKind.I32)), field(layout, "code").type());
        assertEquals(new WireType.FlagsRef("Capabilities", new WireType.Int(IntKind.U32, Endian.LITTLE)), field(layout, "caps").type());
        assertEquals(java.util.OptionalLong.of(8), layout.fixedSize());
    }

    @Test
    void splitFlagsJoinedLowPartFirst() {
        Layout layout = messageLayout(KINDS, """
                caps_lower: u16;
                filler: u8;
                caps_upper: u16;
                let caps: Capabilities = join(caps_lower, caps_upper);
                plugin: cstring if caps has PLUGIN_AUTH;
                """);
        ExprType caps = ExprType.flagsOf("Capabilities");
        Let joined = let(layout, "caps");
        assertTrue(joined.isJoin());
        assertEquals(caps, joined.type());
        assertEquals(new TypedExpr.Join(List.of(intField("caps_lower"), intField("caps_upper")), List.of(16, 16), caps),
                joined.value());
        assertEquals(new FieldRole.PartOf("caps", 0, 16), field(layout, "caps_lower").role());
        assertEquals(new FieldRole.PartOf("caps", 16, 16), field(layout, "caps_upper").role());
        assertEquals(new FieldRole.Data(), field(layout, "filler").role());
        // parts are derived from the let on encode
        assertFalse(field(layout, "caps_lower").isUserSupplied());
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.HAS, new TypedExpr.LetRef("caps", caps),
                new TypedExpr.NamedConst("Capabilities", "PLUGIN_AUTH", BigInteger.valueOf(0x80000), caps), ExprType.BOOL),
                field(layout, "plugin").condition());
    }

    @Test
    void joinOfUnequalPartsWithoutDeclaredTypeIsAnInteger() {
        Layout layout = messageLayout("low: u8; mid: u16le; high: u32; let all = join(low, mid, high);");
        Let all = let(layout, "all");
        assertEquals(ExprType.INT, all.type());
        assertEquals(List.of(8, 16, 32), ((TypedExpr.Join) all.value()).bitWidths());
        assertEquals(new FieldRole.PartOf("all", 0, 8), field(layout, "low").role());
        assertEquals(new FieldRole.PartOf("all", 8, 16), field(layout, "mid").role());
        assertEquals(new FieldRole.PartOf("all", 24, 32), field(layout, "high").role());
    }

    @Test
    void enumDeclaredAfterItsUseResolves() {
        ProtocolModel model = checkWithPrelude("""
                message M: server { k: Later; }
                enum Later: u16 { A = 1; }
                """);
        assertEquals(new WireType.EnumRef("Later", be(IntKind.U16)), field(message(model, "M").layout(), "k").type());
    }
}
