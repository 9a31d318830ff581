package io.sqlxwire.idl.parse;

import static io.sqlxwire.idl.parse.ExpressionParserTest.expr;
import static io.sqlxwire.idl.parse.ExpressionParserTest.parse;
import static io.sqlxwire.idl.parse.ExpressionParserTest.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.FramingItem;
import io.sqlxwire.idl.ast.Member;
import io.sqlxwire.idl.ast.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Words of the language are keywords only where the grammar expects them: protocol documentation
 * is full of fields called {@code tag}, {@code size}, {@code length}, {@code state} or {@code body}.
 */
class SoftKeywordParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"tag", "size", "length", "state", "body", "flags", "at", "until", "rest", "prefix", "when",
            "header", "max", "min", "sequence", "continued", "delimited", "initial", "final", "on", "set", "match",
            "mask", "alpn", "from", "message", "struct", "enum", "session", "framing", "machine", "signature",
            "protocol", "import", "option", "direction", "transform", "has", "via"})
    void softKeywordsAreFieldNamesAndMayBeReferenced(String word) {
        Decl.Struct struct = parse("struct S { " + word + ": u8; copy: u8 if " + word + " == 1; }")
                .all(Decl.Struct.class).get(0);
        Member.Field field = assertInstanceOf(Member.Field.class, struct.members().get(0));
        assertEquals(word, field.name().text());
        Member.Field copy = assertInstanceOf(Member.Field.class, struct.members().get(1));
        assertEquals("(== " + word + " 1)", show(copy.condition()));
    }

    @Test
    void fieldsNamedLikeTheirOwnSuffixes() {
        Decl.Struct struct = parse("""
                struct S {
                    size: u32;
                    body: bytes[size] size(size);
                    at: u16;
                    tag: u8 at(at) if tag != 0;
                }
                """).all(Decl.Struct.class).get(0);
        Member.Field body = (Member.Field) struct.members().get(1);
        assertEquals("body", body.name().text());
        assertEquals("size", show(((TypeRef.Brackets) ((TypeRef.Named) body.type()).suffixes().get(0)).expr()));
        assertEquals("size", show(body.size()));
        Member.Field tag = (Member.Field) struct.members().get(3);
        assertEquals("at", show(tag.at()));
        assertEquals("(!= tag 0)", show(tag.condition()));
    }

    @Test
    void messageTagClauseNextToAFieldNamedTag() {
        Decl.Message message = parse("""
                message Tagged: backend tag 'T' when state == 1 {
                    tag: u8;
                    state: u8;
                }
                """).all(Decl.Message.class).get(0);
        assertEquals("char:84", show(message.tag()));
        assertEquals("(== state 1)", show(message.when()));
        assertEquals(List.of("tag", "state"), message.members().stream().map(m -> m.name().text()).toList());
    }

    @Test
    void framingTagOnAHeaderFieldCalledTag() {
        Decl.Framing framing = parse("""
                framing tagged {
                    header { tag: u8; length: u32; }
                    tag tag;
                    body length - 4;
                }
                """).all(Decl.Framing.class).get(0);
        assertEquals("tag", assertInstanceOf(FramingItem.Tag.class, framing.items().get(1)).field().text());
        assertEquals("(- length 4)", show(assertInstanceOf(FramingItem.Body.class, framing.items().get(2)).size()));
    }

    @Test
    void keywordsAsDeclarationAndConstantNames() {
        var file = parse("""
                enum state: u8 { initial = 0; final = 1; }
                struct body { flags: state; }
                direction message from server;
                """);
        Decl.Enum state = file.all(Decl.Enum.class).get(0);
        assertEquals("state", state.name().text());
        assertEquals(List.of("initial", "final"), state.constants().stream().map(c -> c.name().text()).toList());
        assertEquals("body", file.all(Decl.Struct.class).get(0).name().text());
        assertEquals("message", file.all(Decl.Direction.class).get(0).name().text());
    }

    @Test
    void keywordsInExpressionsAreNamesOrCalls() {
        assertEquals("(min size length)", show(expr("min(size, length)")));
        assertEquals("(max body 1)", show(expr("max(body, 1)")));
        assertEquals("(. header tag)", show(expr("header.tag")));
        assertEquals("(+ rest remaining)", show(expr("rest + remaining")));
    }

    @Test
    void parametersAndLetsNamedLikeKeywords() {
        Decl.Struct struct = parse("""
                struct Value(state: u8, flags: u16) {
                    let mask = flags & 0xFF;
                    v: u8 if state == 2;
                }
                """).all(Decl.Struct.class).get(0);
        assertEquals(List.of("state", "flags"), struct.parameters().stream().map(p -> p.name().text()).toList());
        assertEquals("mask", struct.members().get(0).name().text());
        assertEquals("(& flags 255)", show(((Member.Let) struct.members().get(0)).value()));
    }
}
