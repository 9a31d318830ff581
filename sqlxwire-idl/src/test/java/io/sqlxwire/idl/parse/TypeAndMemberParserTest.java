package io.sqlxwire.idl.parse;

import static io.sqlxwire.idl.parse.ExpressionParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Member;
import io.sqlxwire.idl.ast.SwitchArm;
import io.sqlxwire.idl.ast.TypeRef;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The syntax tree of types (names, arguments, suffixes, unions) and of struct members. */
class TypeAndMemberParserTest {

    /** The members of {@code struct S { BODY }}. */
    private static List<Member> members(String body) {
        return parse("struct S {\n" + body + "\n}").all(Decl.Struct.class).get(0).members();
    }

    private static Member.Field field(String declaration) {
        List<Member> members = members(declaration);
        assertEquals(1, members.size());
        return assertInstanceOf(Member.Field.class, members.get(0));
    }

    /** A span-free rendering of a written type: name, arguments in parentheses, then each suffix. */
    static String show(TypeRef type) {
        if (type instanceof TypeRef.Switch s) {
            return "switch " + ExpressionParserTest.show(s.subject()) + " {" + s.arms().size() + " arms}";
        }
        TypeRef.Named named = (TypeRef.Named) type;
        StringBuilder out = new StringBuilder(named.name().text());
        if (named.hasArguments()) {
            out.append(named.arguments().stream().map(ExpressionParserTest::show).collect(Collectors.joining(", ", "(", ")")));
        }
        for (TypeRef.Suffix suffix : named.suffixes()) {
            if (suffix instanceof TypeRef.Brackets b) {
                out.append(" [").append(b.expr() == null ? "" : ExpressionParserTest.show(b.expr())).append("]");
            } else if (suffix instanceof TypeRef.Until u) {
                out.append(" until ").append(ExpressionParserTest.show(u.terminator()));
            } else if (suffix instanceof TypeRef.Rest) {
                out.append(" rest");
            } else if (suffix instanceof TypeRef.Prefix p) {
                out.append(" prefix(").append(show(p.lengthType()))
                        .append(p.nullValue() == null ? "" : ", null=" + ExpressionParserTest.show(p.nullValue())).append(")");
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ named types and suffixes

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "u8                                   => u8",
            "u16le                                => u16le",
            "f64be                                => f64be",
            "lenenc                               => lenenc",
            "ascii_int                            => ascii_int",
            "cstring                              => cstring",
            "cstring(latin1)                      => cstring(latin1)",
            "text(utf16le) until 0                => text(utf16le) until 0",
            "bytes[8]                             => bytes [8]",
            "text[len - 4]                        => text [(- len 4)]",
            "bytes until x\"0d0a\"                => bytes until x0d0a",
            "bytes until 'Z'                      => bytes until char:90",
            "bytes rest                           => bytes rest",
            "pad[3]                               => pad [3]",
            "empty                                => empty",
            "bytes prefix(u32)                    => bytes prefix(u32)",
            "bytes prefix(i32, null = -1)         => bytes prefix(i32, null=(- 1))",
            "bytes prefix(lenenc)                 => bytes prefix(lenenc)",
            "bytes prefix(i32, null = -1)[column_count] => bytes prefix(i32, null=(- 1)) [column_count]",
            "bytes[16][4]                         => bytes [16] [4]",
            "ErrorField[] until 0                 => ErrorField [] until 0",
            "Row[] rest                           => Row [] rest",
            "Item[] prefix(u16le)                 => Item [] prefix(u16le)",
            "FieldDescription[field_count]        => FieldDescription [field_count]",
            "ColumnValue(kind, unsigned)[count]   => ColumnValue(kind, unsigned) [count]",
            "Column(_index)[n]                    => Column(_index) [n]",
            "bitmap(column_count, offset = 2)     => bitmap(column_count, offset=2)",
            "Header()                             => Header()",
    })
    void namedTypesKeepArgumentsAndSuffixesInOrder(String written, String shape) {
        assertEquals(shape.strip(), show(field("f: " + written + ";").type()));
    }

    @Test
    void asciiIntWithAnExplicitTerminator() {
        TypeRef.Named type = assertInstanceOf(TypeRef.Named.class, field("n: ascii_int until \"\\r\\n\";").type());
        assertEquals("ascii_int", type.name().text());
        TypeRef.Until until = assertInstanceOf(TypeRef.Until.class, type.suffixes().get(0));
        assertEquals("\r\n", assertInstanceOf(io.sqlxwire.idl.ast.Expr.StringLit.class, until.terminator()).value());
    }

    @Test
    void typeWithoutParenthesesHasNoArgumentList() {
        TypeRef.Named plain = assertInstanceOf(TypeRef.Named.class, field("f: Header;").type());
        assertFalse(plain.hasArguments());
        assertNull(plain.arguments());
        TypeRef.Named empty = assertInstanceOf(TypeRef.Named.class, field("f: Header();").type());
        assertTrue(empty.hasArguments());
        assertEquals(List.of(), empty.arguments());
    }

    @Test
    void prefixLengthTypeIsItselfATypeReference() {
        TypeRef.Named bytes = assertInstanceOf(TypeRef.Named.class, field("f: bytes prefix(i32be, null = -1);").type());
        TypeRef.Prefix prefix = assertInstanceOf(TypeRef.Prefix.class, bytes.suffixes().get(0));
        assertEquals("i32be", assertInstanceOf(TypeRef.Named.class, prefix.lengthType()).name().text());
        assertEquals("(- 1)", ExpressionParserTest.show(prefix.nullValue()));
    }

    // ------------------------------------------------------------------ unions

    @Test
    void unionArmsWithValuesListsRangesGuardsAndFallback() {
        Member.Field body = field("""
                body: switch (peek(u8)) {
                    0x00 => OkPacket;
                    0xFF => ErrPacket;
                    0xFE if remaining < 9 => EofPacket;
                    1 .. 0xFA, 0xFC => ResultSetHeader;
                    'a' .. 'z' => Letter;
                    _ => bytes rest;
                };
                """);
        TypeRef.Switch union = assertInstanceOf(TypeRef.Switch.class, body.type());
        assertEquals("(peek u8)", ExpressionParserTest.show(union.subject()));
        List<SwitchArm> arms = union.arms();
        assertEquals(6, arms.size());

        assertEquals(List.of("0"), patterns(arms.get(0)));
        assertNull(arms.get(0).guard());
        assertEquals("OkPacket", show(arms.get(0).type()));

        assertEquals(List.of("255"), patterns(arms.get(1)));

        assertEquals(List.of("254"), patterns(arms.get(2)));
        assertEquals("(< remaining 9)", ExpressionParserTest.show(arms.get(2).guard()));
        assertEquals("EofPacket", show(arms.get(2).type()));

        assertEquals(List.of("1..250", "252"), patterns(arms.get(3)));
        assertTrue(arms.get(3).patterns().get(0).isRange());
        assertFalse(arms.get(3).patterns().get(1).isRange());

        assertEquals(List.of("char:97..char:122"), patterns(arms.get(4)));

        SwitchArm fallback = arms.get(5);
        assertTrue(fallback.isFallback());
        assertEquals(List.of(), fallback.patterns());
        assertEquals("bytes rest", show(fallback.type()));
    }

    @Test
    void unionOnAFieldWithEnumNamesAndAGuardedFallback() {
        TypeRef.Switch union = assertInstanceOf(TypeRef.Switch.class, field("""
                body: switch (code) {
                    OK, KERBEROS_V5 => bytes[0];
                    SASL => SaslMechanism[] until 0;
                    _ if remaining > 0 => bytes rest;
                    _ => empty;
                };
                """).type());
        assertEquals("code", ExpressionParserTest.show(union.subject()));
        assertEquals(List.of("OK", "KERBEROS_V5"), patterns(union.arms().get(0)));
        assertEquals("SaslMechanism [] until 0", show(union.arms().get(1).type()));
        SwitchArm guardedFallback = union.arms().get(2);
        assertTrue(guardedFallback.isFallback());
        assertEquals("(> remaining 0)", ExpressionParserTest.show(guardedFallback.guard()));
        assertTrue(union.arms().get(3).isFallback());
        assertNull(union.arms().get(3).guard());
        assertEquals("empty", show(union.arms().get(3).type()));
    }

    @Test
    void unionArmMayItselfBeAUnion() {
        TypeRef.Switch outer = assertInstanceOf(TypeRef.Switch.class, field("""
                v: switch (a) { 1 => switch (b) { 2 => u8; _ => u16; }; _ => empty; };
                """).type());
        TypeRef.Switch inner = assertInstanceOf(TypeRef.Switch.class, outer.arms().get(0).type());
        assertEquals("b", ExpressionParserTest.show(inner.subject()));
        assertEquals(2, inner.arms().size());
    }

    private static List<String> patterns(SwitchArm arm) {
        return arm.patterns().stream().map(p -> ExpressionParserTest.show(p.low())
                + (p.isRange() ? ".." + ExpressionParserTest.show(p.high()) : "")).toList();
    }

    // ------------------------------------------------------------------ members

    @Test
    void plainFieldHasNoValueNorSuffixes() {
        Member.Field f = field("code: i32;");
        assertEquals("code", f.name().text());
        assertEquals("i32", show(f.type()));
        assertNull(f.value());
        assertNull(f.condition());
        assertNull(f.size());
        assertNull(f.at());
        assertNull(f.transform());
        assertFalse(f.isAnonymous());
    }

    @Test
    void fieldWithConstantValue() {
        assertEquals("196608", ExpressionParserTest.show(field("protocol_version: i32 = 196608;").value()));
        assertEquals("x00030000", ExpressionParserTest.show(field("magic: bytes[4] = x\"00 03 00 00\";").value()));
        assertEquals("(crc32c start)", ExpressionParserTest.show(field("checksum: u32le = crc32c(start);").value()));
    }

    @Test
    void fieldWithEverySuffix() {
        Member.Field f = field("data: bytes rest = x\"00\" if kind == 2 size(length - 4) at(offset + 8) transform(obfuscate);");
        assertEquals("bytes rest", show(f.type()));
        assertEquals("x00", ExpressionParserTest.show(f.value()));
        assertEquals("(== kind 2)", ExpressionParserTest.show(f.condition()));
        assertEquals("(- length 4)", ExpressionParserTest.show(f.size()));
        assertEquals("(+ offset 8)", ExpressionParserTest.show(f.at()));
        assertEquals("obfuscate", f.transform().text());
    }

    @Test
    void suffixesMayComeInAnyOrder() {
        Member.Field f = field("data: Inner transform(t) at(4) size(8) if session.flags has COMPRESS;");
        assertEquals("(has (. session flags) COMPRESS)", ExpressionParserTest.show(f.condition()));
        assertEquals("8", ExpressionParserTest.show(f.size()));
        assertEquals("4", ExpressionParserTest.show(f.at()));
        assertEquals("t", f.transform().text());
    }

    @Test
    void anonymousFields() {
        List<Member> members = members("_: pad[10]; _: u8 = 0;");
        assertEquals(2, members.size());
        assertTrue(assertInstanceOf(Member.Field.class, members.get(0)).isAnonymous());
        assertEquals("pad [10]", show(((Member.Field) members.get(0)).type()));
        assertEquals("0", ExpressionParserTest.show(((Member.Field) members.get(1)).value()));
    }

    @Test
    void letsWithAndWithoutType() {
        List<Member> members = members("""
                let caps: Capabilities = join(caps_lower, caps_upper);
                let total = a + b * 2;
                """);
        Member.Let caps = assertInstanceOf(Member.Let.class, members.get(0));
        assertEquals("caps", caps.name().text());
        assertEquals("Capabilities", show(caps.type()));
        assertEquals("(join caps_lower caps_upper)", ExpressionParserTest.show(caps.value()));
        Member.Let total = assertInstanceOf(Member.Let.class, members.get(1));
        assertNull(total.type());
        assertEquals("(+ a (* b 2))", ExpressionParserTest.show(total.value()));
    }

    @Test
    void membersKeepSourceOrder() {
        List<Member> members = members("a: u8; let b = a; c: u16; _: pad[1]; let d = c;");
        assertEquals(List.of("a", "b", "c", "_", "d"), members.stream().map(m -> m.name().text()).toList());
        assertEquals(List.of(Member.Field.class, Member.Let.class, Member.Field.class, Member.Field.class, Member.Let.class),
                members.stream().map(Object::getClass).toList());
    }
}
