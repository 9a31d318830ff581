package io.sqlxwire.idl.parse;

import static io.sqlxwire.idl.parse.ExpressionParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.MachineItem;
import io.sqlxwire.idl.ast.Member;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.ast.WireFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Doc comments ({@code ///} lines and {@code /** ... *}{@code /} blocks) attach to the declaration,
 * member, constant, arm or state right after them, and only there; ordinary comments are not docs.
 */
class DocCommentParserTest {

    @Test
    void lineDocsAttachToTheNextDeclarationWithMarkersRemoved() {
        WireFile file = parse("""
                /// PostgreSQL, version 3.
                /// Second line.
                protocol postgresql;
                /// Sent by the client.
                direction frontend from client;
                /// Escape hatch.
                transform zlib;
                """);
        assertEquals("PostgreSQL, version 3.\nSecond line.", file.all(Decl.Protocol.class).get(0).doc());
        assertEquals("Sent by the client.", file.all(Decl.Direction.class).get(0).doc());
        assertEquals("Escape hatch.", file.all(Decl.Transform.class).get(0).doc());
    }

    @Test
    void blockDocsLoseTheirStarsAndBlankEdges() {
        WireFile file = parse("""
                /**
                 * A reusable struct.
                 * It has two lines.
                 */
                struct S {}
                /** One line. */
                enum E: u8 {}
                """);
        assertEquals("A reusable struct.\nIt has two lines.", file.all(Decl.Struct.class).get(0).doc());
        assertEquals("One line.", file.all(Decl.Enum.class).get(0).doc());
    }

    @Test
    void declarationsWithoutDocsHaveEmptyDocs() {
        WireFile file = parse("""
                // an ordinary comment is not documentation
                struct A {}
                /* neither is an ordinary block */
                struct B {}
                """);
        assertEquals(List.of("", ""), file.all(Decl.Struct.class).stream().map(Decl.Struct::doc).toList());
    }

    @Test
    void aDocBelongsOnlyToTheDeclarationRightAfterIt() {
        WireFile file = parse("""
                /// About A.
                struct A {}
                struct B {}
                """);
        List<Decl.Struct> structs = file.all(Decl.Struct.class);
        assertEquals("About A.", structs.get(0).doc());
        assertEquals("", structs.get(1).doc());
    }

    @Test
    void membersFieldsAndLetsCarryTheirOwnDocs() {
        Decl.Message message = parse("""
                /// A message.
                message M: frontend tag 'M' {
                    /// The code.
                    code: i32;
                    /** The payload. */
                    payload: bytes rest;
                    /// Derived.
                    let twice = code * 2;
                    plain: u8;
                }
                """).all(Decl.Message.class).get(0);
        assertEquals("A message.", message.doc());
        List<Member> members = message.members();
        assertEquals(List.of("The code.", "The payload.", "Derived.", ""), members.stream().map(Member::doc).toList());
    }

    @Test
    void enumAndFlagConstantsCarryTheirOwnDocs() {
        WireFile file = parse("""
                enum AuthCode: i32 {
                    /// Authenticated.
                    OK = 0;
                    MD5 = 5;
                }
                flags Caps: u32 {
                    /** Long passwords. */
                    LONG_PASSWORD = 1;
                }
                """);
        assertEquals(List.of("Authenticated.", ""),
                file.all(Decl.Enum.class).get(0).constants().stream().map(Decl.Constant::doc).toList());
        assertEquals("Long passwords.", file.all(Decl.Flags.class).get(0).constants().get(0).doc());
    }

    @Test
    void unionArmsCarryTheirOwnDocs() {
        Member.Field body = (Member.Field) parse("""
                struct S {
                    code: u8;
                    body: switch (code) {
                        /// Success.
                        0 => empty;
                        1 => u32;
                        /// Anything else.
                        _ => bytes rest;
                    };
                }
                """).all(Decl.Struct.class).get(0).members().get(1);
        TypeRef.Switch union = (TypeRef.Switch) body.type();
        assertEquals(List.of("Success.", "", "Anything else."), union.arms().stream().map(a -> a.doc()).toList());
    }

    @Test
    void sessionVariablesFramingsStatesAndSignaturesCarryDocs() {
        WireFile file = parse("""
                session {
                    /// Which password message comes next.
                    auth: u8 = 0;
                }
                /// Tagged frames.
                framing tagged { body 0; }
                /// The conversation.
                machine {
                    initial Start;
                    /// Before anything.
                    state Start {}
                }
                /// First bytes.
                signature pg from client { alpn "postgresql"; }
                """);
        assertEquals("Which password message comes next.", file.all(Decl.Session.class).get(0).variables().get(0).doc());
        assertEquals("Tagged frames.", file.all(Decl.Framing.class).get(0).doc());
        Decl.Machine machine = file.all(Decl.Machine.class).get(0);
        assertEquals("The conversation.", machine.doc());
        assertEquals("Before anything.", ((MachineItem.State) machine.items().get(1)).doc());
        assertEquals("First bytes.", file.all(Decl.Signature.class).get(0).doc());
    }

    @Test
    void ordinaryCommentBetweenDocAndDeclarationDoesNotDetachIt() {
        // Ordinary comments are skipped by the lexer, so the doc still stands right before the struct.
        Decl.Struct struct = parse("""
                /// The doc.
                // a note for maintainers
                struct S {}
                """).all(Decl.Struct.class).get(0);
        assertEquals("The doc.", struct.doc());
    }
}
