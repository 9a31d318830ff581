package io.sqlxwire.idl.parse;

import static io.sqlxwire.idl.parse.ExpressionParserTest.parse;
import static io.sqlxwire.idl.parse.ExpressionParserTest.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.FramingItem;
import io.sqlxwire.idl.ast.MachineItem;
import io.sqlxwire.idl.ast.Member;
import io.sqlxwire.idl.ast.SignatureItem;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.ast.WireFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The syntax tree of every top-level declaration, in source order. */
class DeclarationParserTest {

    private static <T extends Decl> T only(WireFile file, Class<T> kind) {
        List<T> all = file.all(kind);
        assertEquals(1, all.size(), "declarations of " + kind.getSimpleName());
        return all.get(0);
    }

    private static String typeName(TypeRef type) {
        return assertInstanceOf(TypeRef.Named.class, type).name().text();
    }

    @Test
    void fileHeaderDeclarationsKeepSourceOrder() {
        WireFile file = parse("""
                protocol postgresql;
                import "common/types.wire";
                option byte_order = little;
                option java_package = "io.example.pg";
                direction frontend from client;
                direction backend from server;
                transform zlib;
                """);
        assertEquals("t.wire", file.path());
        List<Decl> decls = file.declarations();
        assertEquals(7, decls.size());
        assertEquals("postgresql", assertInstanceOf(Decl.Protocol.class, decls.get(0)).name().text());
        assertEquals("common/types.wire", assertInstanceOf(Decl.Import.class, decls.get(1)).path());
        Decl.Option order = assertInstanceOf(Decl.Option.class, decls.get(2));
        assertEquals("byte_order", order.name().text());
        assertEquals("little", show(order.value()));
        Decl.Option pkg = assertInstanceOf(Decl.Option.class, decls.get(3));
        assertEquals("java_package", pkg.name().text());
        assertEquals("\"io.example.pg\"", show(pkg.value()));
        Decl.Direction frontend = assertInstanceOf(Decl.Direction.class, decls.get(4));
        assertEquals("frontend", frontend.name().text());
        assertEquals("client", frontend.sender().text());
        assertEquals("server", assertInstanceOf(Decl.Direction.class, decls.get(5)).sender().text());
        assertEquals("zlib", assertInstanceOf(Decl.Transform.class, decls.get(6)).name().text());
    }

    @Test
    void optionNamesMayBeQualified() {
        Decl.Option option = only(parse("option java.package = 1 << 4;"), Decl.Option.class);
        assertEquals("java.package", option.name().text());
        assertEquals("(<< 1 4)", show(option.value()));
    }

    @Test
    void enumAndFlagsKeepBaseAndConstantsInOrder() {
        WireFile file = parse("""
                enum AuthCode: i32 { OK = 0; MD5_PASSWORD = 5; NEGATIVE = -1; }
                flags Capabilities: u32le { LONG_PASSWORD = 0x1; PROTOCOL_41 = 1 << 9; }
                enum Empty: u8 {}
                """);
        List<Decl.Enum> enums = file.all(Decl.Enum.class);
        assertEquals(2, enums.size());
        Decl.Enum auth = enums.get(0);
        assertEquals("AuthCode", auth.name().text());
        assertEquals("i32", typeName(auth.base()));
        assertEquals(List.of("OK", "MD5_PASSWORD", "NEGATIVE"), auth.constants().stream().map(c -> c.name().text()).toList());
        assertEquals(List.of("0", "5", "(- 1)"), auth.constants().stream().map(c -> show(c.value())).toList());
        assertEquals(List.of(), enums.get(1).constants());

        Decl.Flags caps = only(file, Decl.Flags.class);
        assertEquals("Capabilities", caps.name().text());
        assertEquals("u32le", typeName(caps.base()));
        assertEquals(List.of("1", "(<< 1 9)"), caps.constants().stream().map(c -> show(c.value())).toList());
    }

    @Test
    void structsWithAndWithoutParameters() {
        List<Decl.Struct> structs = parse("""
                struct ColumnValue(kind: ColumnType, unsigned: bool) {
                    length: u16;
                    let signed = !unsigned;
                }
                struct Nothing {}
                """).all(Decl.Struct.class);
        assertEquals(2, structs.size());
        Decl.Struct value = structs.get(0);
        assertEquals("ColumnValue", value.name().text());
        assertEquals(List.of("kind", "unsigned"), value.parameters().stream().map(p -> p.name().text()).toList());
        assertEquals(List.of("ColumnType", "bool"), value.parameters().stream().map(p -> typeName(p.type())).toList());
        assertEquals(2, value.members().size());
        assertInstanceOf(Member.Field.class, value.members().get(0));
        assertInstanceOf(Member.Let.class, value.members().get(1));

        Decl.Struct nothing = structs.get(1);
        assertEquals(List.of(), nothing.parameters());
        assertEquals(List.of(), nothing.members());
    }

    @Test
    void messageWithDirectionTagAndWhen() {
        List<Decl.Message> messages = parse("""
                message PasswordMessage: frontend tag 'p' when session.auth == NONE { password: cstring; }
                message Query: frontend tag 0x51 { sql: cstring; }
                message SSLRequest: frontend { code: i32 = 80877103; }
                message Execute(portal_count: u16): frontend tag 'E' {}
                message SslAccepted: backend via single_byte tag 'S' when peek(u8) == 1 {}
                """).all(Decl.Message.class);
        assertEquals(5, messages.size());
        Decl.Message password = messages.get(0);
        assertEquals("PasswordMessage", password.name().text());
        assertEquals("frontend", password.direction().text());
        assertEquals("char:112", show(password.tag()));
        assertEquals("(== (. session auth) NONE)", show(password.when()));
        assertEquals(List.of("password"), password.members().stream().map(m -> m.name().text()).toList());

        assertEquals("81", show(messages.get(1).tag()));
        assertNull(messages.get(1).when());

        assertNull(messages.get(2).tag());
        assertNull(messages.get(2).when());

        Decl.Message execute = messages.get(3);
        assertEquals(List.of("portal_count"), execute.parameters().stream().map(p -> p.name().text()).toList());
        assertEquals("char:69", show(execute.tag()));
        assertEquals(List.of(), execute.members());
        assertNull(execute.via());

        Decl.Message accepted = messages.get(4);
        assertEquals("backend", accepted.direction().text());
        assertEquals("single_byte", accepted.via().text());
        assertEquals("char:83", show(accepted.tag()));
        assertEquals("(== (peek u8) 1)", show(accepted.when()));
    }

    @Test
    void sessionVariablesWithTypesAndInitialValues() {
        Decl.Session session = only(parse("""
                session {
                    auth: AuthKind = NONE;
                    capabilities: Capabilities = 0;
                    column_types: ColumnType[];
                    ready: bool = false;
                }
                """), Decl.Session.class);
        List<Decl.SessionVar> vars = session.variables();
        assertEquals(List.of("auth", "capabilities", "column_types", "ready"), vars.stream().map(v -> v.name().text()).toList());
        assertEquals("NONE", show(vars.get(0).initial()));
        assertEquals("0", show(vars.get(1).initial()));
        assertNull(vars.get(2).initial());
        TypeRef.Named list = assertInstanceOf(TypeRef.Named.class, vars.get(2).type());
        assertEquals("ColumnType", list.name().text());
        assertEquals(1, list.suffixes().size());
        assertNull(assertInstanceOf(TypeRef.Brackets.class, list.suffixes().get(0)).expr());
        assertEquals("false", show(vars.get(3).initial()));
    }

    @Test
    void framingItemsInOrder() {
        List<Decl.Framing> framings = parse("""
                framing packet {
                    header { payload_length: u24le; sequence_id: u8; }
                    tag kind;
                    body payload_length;
                    max 1 << 24;
                    continued if payload_length == 0xFFFFFF;
                    sequence sequence_id;
                    transform zlib;
                }
                framing resp { delimited RespValue; }
                """).all(Decl.Framing.class);
        assertEquals(2, framings.size());
        List<FramingItem> items = framings.get(0).items();
        assertEquals(7, items.size());
        FramingItem.Header header = assertInstanceOf(FramingItem.Header.class, items.get(0));
        assertEquals(List.of("payload_length", "sequence_id"), header.members().stream().map(m -> m.name().text()).toList());
        assertEquals("kind", assertInstanceOf(FramingItem.Tag.class, items.get(1)).field().text());
        assertEquals("payload_length", show(assertInstanceOf(FramingItem.Body.class, items.get(2)).size()));
        assertEquals("(<< 1 24)", show(assertInstanceOf(FramingItem.Max.class, items.get(3)).bytes()));
        assertEquals("(== payload_length 16777215)",
                show(assertInstanceOf(FramingItem.Continued.class, items.get(4)).condition()));
        assertEquals("sequence_id", assertInstanceOf(FramingItem.Sequence.class, items.get(5)).field().text());
        assertEquals("zlib", assertInstanceOf(FramingItem.Transform.class, items.get(6)).transform().text());

        List<FramingItem> resp = framings.get(1).items();
        assertEquals(1, resp.size());
        assertEquals("RespValue", typeName(assertInstanceOf(FramingItem.Delimited.class, resp.get(0)).type()));
    }

    @Test
    void machineWithStatesFramingsTransitionsActionsAndFinal() {
        Decl.Machine machine = only(parse("""
                machine {
                    initial Startup;
                    state Startup {
                        framing frontend untagged;
                        on frontend StartupMessage -> Authenticating;
                    }
                    state Authenticating {
                        on backend AuthenticationOk -> Ready { set auth = NONE; set count += 1; set types = []; }
                        on backend ParameterStatus;
                        on backend Other {}
                    }
                    state Closed { final; }
                    state * { on backend ErrorResponse; }
                }
                """), Decl.Machine.class);
        List<MachineItem> items = machine.items();
        assertEquals(5, items.size());
        assertEquals("Startup", assertInstanceOf(MachineItem.Initial.class, items.get(0)).state().text());

        MachineItem.State startup = assertInstanceOf(MachineItem.State.class, items.get(1));
        assertEquals("Startup", startup.name().text());
        assertFalse(startup.isWildcard());
        MachineItem.UseFraming use = assertInstanceOf(MachineItem.UseFraming.class, startup.items().get(0));
        assertEquals("frontend", use.direction().text());
        assertEquals("untagged", use.framing().text());
        MachineItem.Transition toAuth = assertInstanceOf(MachineItem.Transition.class, startup.items().get(1));
        assertEquals("frontend", toAuth.direction().text());
        assertEquals("StartupMessage", toAuth.message().text());
        assertEquals("Authenticating", toAuth.target().text());
        assertEquals(List.of(), toAuth.actions());

        MachineItem.State auth = assertInstanceOf(MachineItem.State.class, items.get(2));
        MachineItem.Transition ok = assertInstanceOf(MachineItem.Transition.class, auth.items().get(0));
        assertEquals("Ready", ok.target().text());
        assertEquals(3, ok.actions().size());
        assertEquals("auth", ok.actions().get(0).variable().text());
        assertEquals("=", ok.actions().get(0).operator());
        assertEquals("NONE", show(ok.actions().get(0).value()));
        assertEquals("count", ok.actions().get(1).variable().text());
        assertEquals("+=", ok.actions().get(1).operator());
        assertEquals("1", show(ok.actions().get(1).value()));
        assertInstanceOf(Expr.EmptyList.class, ok.actions().get(2).value());
        MachineItem.Transition stay = assertInstanceOf(MachineItem.Transition.class, auth.items().get(1));
        assertNull(stay.target());
        assertEquals(List.of(), stay.actions());
        MachineItem.Transition emptyBlock = assertInstanceOf(MachineItem.Transition.class, auth.items().get(2));
        assertNull(emptyBlock.target());
        assertEquals(List.of(), emptyBlock.actions());

        MachineItem.State closed = assertInstanceOf(MachineItem.State.class, items.get(3));
        assertInstanceOf(MachineItem.Final.class, closed.items().get(0));

        MachineItem.State any = assertInstanceOf(MachineItem.State.class, items.get(4));
        assertTrue(any.isWildcard());
        assertEquals("*", any.name().text());
        assertEquals("ErrorResponse", assertInstanceOf(MachineItem.Transition.class, any.items().get(0)).message().text());
    }

    @Test
    void signatureWithMinMatchesMaskAndAlpn() {
        List<Decl.Signature> signatures = parse("""
                signature startup from client {
                    min 8;
                    at 4 match x"00030000";
                    at 0 match "GET " mask x"ffffffdf";
                    alpn "postgresql";
                }
                signature greeting from server { min 4; }
                """).all(Decl.Signature.class);
        assertEquals(2, signatures.size());
        Decl.Signature startup = signatures.get(0);
        assertEquals("startup", startup.name().text());
        assertEquals("client", startup.sender().text());
        List<SignatureItem> items = startup.items();
        assertEquals(4, items.size());
        assertEquals("8", show(assertInstanceOf(SignatureItem.Min.class, items.get(0)).bytes()));
        SignatureItem.Match first = assertInstanceOf(SignatureItem.Match.class, items.get(1));
        assertEquals("4", show(first.offset()));
        assertEquals("x00030000", show(first.bytes()));
        assertNull(first.mask());
        SignatureItem.Match masked = assertInstanceOf(SignatureItem.Match.class, items.get(2));
        assertEquals("\"GET \"", show(masked.bytes()));
        assertEquals("xffffffdf", show(masked.mask()));
        assertEquals("postgresql", assertInstanceOf(SignatureItem.Alpn.class, items.get(3)).protocol());
        assertEquals("server", signatures.get(1).sender().text());
    }

    @Test
    void commentsAreIgnoredWherever() {
        WireFile file = parse("""
                // a line comment
                protocol /* inline */ demo; // trailing
                /* a block
                   over lines */
                transform t;
                """);
        assertEquals(2, file.declarations().size());
        assertEquals("demo", only(file, Decl.Protocol.class).name().text());
    }

    @Test
    void emptyFileHasNoDeclarations() {
        assertEquals(List.of(), parse("").declarations());
        assertEquals(List.of(), parse("  // only a comment\n").declarations());
    }
}
