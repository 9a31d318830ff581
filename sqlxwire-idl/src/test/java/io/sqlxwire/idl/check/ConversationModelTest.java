package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.check;
import static io.sqlxwire.idl.check.Models.constant;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.SignatureModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Directions, message catalogues, the session, framings, the state machine and detection signatures. */
class ConversationModelTest {

    /** A small PostgreSQL-like protocol using every conversation construct. */
    private static final String PROTOCOL = """
            protocol pg;
            /// Sent by the client.
            direction frontend from client;
            direction backend from server;
            transform zlib;

            enum AuthKind: u8 { NONE = 0; SASL = 1; SASL_CONTINUE = 2; }
            enum ColumnType: u8 { INT = 1; TEXT = 2; }

            session {
                /// Which 'p' message the server expects next.
                auth: AuthKind = NONE;
                column_types: ColumnType[];
                rows: u32;
                ready: bool = false;
            }

            /// Tagged frames.
            framing tagged {
                header { tag: u8; length: u32; }
                tag tag;
                body length - 4;
                max 1 << 30;
            }
            framing untagged {
                header { length: u32; }
                body length - 4;
                max 10000;
            }
            framing packet {
                header { payload_length: u24le; sequence_id: u8; }
                body payload_length;
                continued if payload_length == 0xFFFFFF;
                sequence sequence_id;
                transform zlib;
            }
            framing cql {
                header { version: u8; flags: u8; stream: i16; opcode: u8; length: u32; }
                tag opcode;
                body length;
            }
            struct RespValue { kind: u8; value: ascii_int; }
            framing resp { delimited RespValue; }

            message StartupMessage: frontend { version: i32 = 196608; }
            /// A cleartext or MD5 password.
            message PasswordMessage: frontend tag 'p' when session.auth == NONE { password: cstring; }
            message SASLInitialResponse: frontend tag 'p' when session.auth == SASL { mechanism: cstring; }
            message SASLResponse: frontend tag 'p' when session.auth == SASL_CONTINUE { data: bytes rest; }
            message AuthenticationRequest: backend tag 'R' { code: i32; }
            message ColumnDefinition: backend tag 'C' { kind: ColumnType; }
            message DataRow: backend tag 'D' { n: u16; }
            message ReadyForQuery: backend tag 'Z' { status: u8; }
            message Terminate: frontend tag 'X' {}
            message ErrorResponse: backend tag 'E' { code: u8; }
            /// Takes its flags from the frame header.
            message Query(flags: u8): frontend via cql tag 7 { text: bytes prefix(u32); tracing: u8 if flags & 2 != 0; }

            machine {
                initial Startup;
                /// Before the startup message.
                state Startup {
                    framing frontend untagged;
                    framing backend tagged;
                    on frontend StartupMessage -> Authenticating;
                }
                state Authenticating {
                    framing frontend tagged;
                    on backend AuthenticationRequest { set auth = SASL; }
                    on frontend PasswordMessage;
                    on backend ReadyForQuery -> Ready { set ready = true; set auth = NONE; }
                }
                state Ready {
                    on backend ColumnDefinition { set column_types += kind; }
                    on backend DataRow { set rows += 1; }
                    on frontend Terminate -> Closed;
                }
                state Closed { final; }
                state * { on backend ErrorResponse -> Closed; }
            }

            /// The startup packet.
            signature startup from client {
                min 8;
                at 4 match x"00 03 00 00";
                at 0 match "ab" mask x"ff0f";
                alpn "postgresql";
            }
            signature greeting from server { min 4; }
            """;

    private static ProtocolModel model() {
        return check(PROTOCOL);
    }

    @Test
    void directionsKnowTheirSender() {
        assertEquals(List.of(new DirectionModel("frontend", "Sent by the client.", DirectionModel.Sender.CLIENT),
                new DirectionModel("backend", "", DirectionModel.Sender.SERVER)), model().directions());
    }

    @Test
    void messagesCarryDirectionTagWhenAndParameters() {
        ProtocolModel model = model();
        MessageModel startup = message(model, "StartupMessage");
        assertEquals("frontend", startup.direction());
        assertNull(startup.tag());
        assertNull(startup.when());

        MessageModel password = message(model, "PasswordMessage");
        assertEquals("A cleartext or MD5 password.", password.doc());
        assertEquals(constant('p'), password.tag());
        ExprType authKind = ExprType.enumOf("AuthKind");
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.EQ, new TypedExpr.SessionRef("auth", authKind),
                new TypedExpr.NamedConst("AuthKind", "NONE", BigInteger.ZERO, authKind), ExprType.BOOL), password.when());
        // the same tag, told apart by 'when'
        assertEquals(constant('p'), message(model, "SASLInitialResponse").tag());
        assertEquals(BigInteger.TWO, ((TypedExpr.NamedConst) ((TypedExpr.Binary) message(model, "SASLResponse").when()).right()).value());
        assertEquals(constant('R'), message(model, "AuthenticationRequest").tag());

        assertNull(password.framing());
        MessageModel query = message(model, "Query");
        assertEquals("cql", query.framing());
        assertEquals(constant(7), query.tag());
        assertEquals(List.of(new Parameter("flags", be(IntKind.U8), ExprType.INT)), query.parameters());
        assertEquals(Models.binary(TypedExpr.BinaryOp.NE, Models.binary(TypedExpr.BinaryOp.AND,
                new TypedExpr.ParamRef("flags", ExprType.INT), constant(2), ExprType.INT), constant(0), ExprType.BOOL),
                field(query.layout(), "tracing").condition());

        assertEquals(List.of("StartupMessage", "PasswordMessage", "SASLInitialResponse", "SASLResponse", "Terminate", "Query"),
                model.messages("frontend").stream().map(MessageModel::name).toList());
        assertEquals(List.of("AuthenticationRequest", "ColumnDefinition", "DataRow", "ReadyForQuery", "ErrorResponse"),
                model.messages("backend").stream().map(MessageModel::name).toList());
    }

    @Test
    void sameTagInTwoDirectionsIsFine() {
        ProtocolModel model = check(Models.PRELUDE + """
                message ClientS: client tag 'S' {}
                message ServerS: server tag 'S' {}
                message Enumerated: server tag Kind.B {}
                enum Kind: u8 { A = 1; B = 2; }
                """);
        assertEquals(constant('S'), message(model, "ClientS").tag());
        assertEquals(constant('S'), message(model, "ServerS").tag());
        assertEquals(constant(2), message(model, "Enumerated").tag());
    }

    @Test
    void sessionVariablesWithTypesListsAndInitialValues() {
        ExprType authKind = ExprType.enumOf("AuthKind");
        WireType.EnumRef columnType = new WireType.EnumRef("ColumnType", be(IntKind.U8));
        assertEquals(List.of(
                new SessionVariable("auth", "Which 'p' message the server expects next.", new WireType.EnumRef("AuthKind", be(IntKind.U8)),
                        authKind, new TypedExpr.NamedConst("AuthKind", "NONE", BigInteger.ZERO, authKind)),
                new SessionVariable("column_types", "", new WireType.ListOf(columnType),
                        ExprType.listOf(ExprType.enumOf("ColumnType")), null),
                new SessionVariable("rows", "", be(IntKind.U32), ExprType.INT, null),
                new SessionVariable("ready", "", new WireType.Bool(), ExprType.BOOL, new TypedExpr.BoolConst(false))),
                model().session());
    }

    @Test
    void framingsWithHeaderTagBodyAndMaximum() {
        ProtocolModel model = model();
        FramingModel tagged = model.framing("tagged").orElseThrow();
        assertEquals("Tagged frames.", tagged.doc());
        assertEquals(List.of("tag", "length"), Models.names(tagged.header()));
        assertEquals(OptionalLong.of(5), tagged.header().fixedSize());
        assertEquals("tag", tagged.tagField());
        assertEquals(Models.binary(TypedExpr.BinaryOp.SUB, intField("length"), constant(4), ExprType.INT), tagged.bodySize());
        assertEquals(1L << 30, tagged.maxBody());
        assertNull(tagged.delimitedBy());
        assertNull(tagged.continuedIf());
        assertNull(tagged.sequenceField());
        assertNull(tagged.transform());
        // the length counts the body, which is not a header field: it stays data
        assertEquals(new FieldRole.Data(), field(tagged.header(), "length").role());

        FramingModel untagged = model.framing("untagged").orElseThrow();
        assertNull(untagged.tagField());
        assertEquals(10000, untagged.maxBody());
    }

    @Test
    void framingWithContinuationSequenceAndTransform() {
        FramingModel packet = model().framing("packet").orElseThrow();
        assertEquals(new WireType.Int(IntKind.U24, Endian.LITTLE), field(packet.header(), "payload_length").type());
        assertEquals(intField("payload_length"), packet.bodySize());
        assertEquals(Models.binary(TypedExpr.BinaryOp.EQ, intField("payload_length"), constant(0xFFFFFF), ExprType.BOOL),
                packet.continuedIf());
        assertEquals("sequence_id", packet.sequenceField());
        assertEquals("zlib", packet.transform());
        assertEquals(FramingModel.DEFAULT_MAX_BODY, packet.maxBody());
    }

    @Test
    void delimitedFramingHasNoHeaderAndNoBodySize() {
        FramingModel resp = model().framing("resp").orElseThrow();
        assertEquals(new WireType.StructRef("RespValue", List.of(), OptionalLong.empty()), resp.delimitedBy());
        assertNull(resp.bodySize());
        assertEquals(List.of(), resp.header().members());
        assertEquals(OptionalLong.of(0), resp.header().fixedSize());
    }

    @Test
    void machineStatesFramingsTransitionsAndActions() {
        MachineModel machine = model().machine();
        assertEquals("Startup", machine.initial());
        assertEquals(List.of("Startup", "Authenticating", "Ready", "Closed"),
                machine.states().stream().map(MachineModel.State::name).toList());

        MachineModel.State startup = machine.state("Startup").orElseThrow();
        assertEquals("Before the startup message.", startup.doc());
        assertEquals(Map.of("frontend", "untagged", "backend", "tagged"), startup.framings());
        assertEquals(List.of(new MachineModel.Transition("frontend", "StartupMessage", null, "Authenticating", List.of())),
                startup.transitions());

        ExprType authKind = ExprType.enumOf("AuthKind");
        MachineModel.State auth = machine.state("Authenticating").orElseThrow();
        assertEquals(Map.of("frontend", "tagged"), auth.framings());
        assertEquals(List.of(
                new MachineModel.Transition("backend", "AuthenticationRequest", null, null, List.of(new MachineModel.Action("auth",
                        MachineModel.Action.Op.ASSIGN, new TypedExpr.NamedConst("AuthKind", "SASL", BigInteger.ONE, authKind)))),
                new MachineModel.Transition("frontend", "PasswordMessage", null, null, List.of()),
                new MachineModel.Transition("backend", "ReadyForQuery", null, "Ready", List.of(
                        new MachineModel.Action("ready", MachineModel.Action.Op.ASSIGN, new TypedExpr.BoolConst(true)),
                        new MachineModel.Action("auth", MachineModel.Action.Op.ASSIGN,
                                new TypedExpr.NamedConst("AuthKind", "NONE", BigInteger.ZERO, authKind))))),
                auth.transitions());

        MachineModel.State ready = machine.state("Ready").orElseThrow();
        assertEquals(List.of(
                new MachineModel.Transition("backend", "ColumnDefinition", null, null, List.of(new MachineModel.Action("column_types",
                        MachineModel.Action.Op.APPEND, new TypedExpr.FieldRef(List.of("kind"), ExprType.enumOf("ColumnType"))))),
                new MachineModel.Transition("backend", "DataRow", null, null,
                        List.of(new MachineModel.Action("rows", MachineModel.Action.Op.ADD, constant(1)))),
                new MachineModel.Transition("frontend", "Terminate", null, "Closed", List.of())), ready.transitions());
        assertEquals(false, ready.isFinal());

        MachineModel.State closed = machine.state("Closed").orElseThrow();
        assertTrue(closed.isFinal());
        assertEquals(List.of(), closed.transitions());

        assertEquals(List.of(new MachineModel.Transition("backend", "ErrorResponse", null, "Closed", List.of())), machine.anyState());
    }

    @Test
    void enumTagFieldsLetMessagesUseBareTagsAndTransitionsReadLetsAndClearLists() {
        ProtocolModel model = check("""
                protocol mysql;
                direction client from client;
                direction server from server;
                enum Command: u8 { QUIT = 1; QUERY = 3; }
                flags Caps: u32 { PROTOCOL_41 = 0x200; }
                enum ColumnType: u8 { TINY = 1; }
                session { caps: Caps; types: ColumnType[]; }
                framing command { header { length: u24le; command: Command; } tag command; body length - 1; }
                message Quit: client tag QUIT {}
                message Handshake: server {
                    caps_lower: u16;
                    caps_upper: u16;
                    let caps: Caps = join(caps_lower, caps_upper);
                }
                message Eof: server when peek(u8) == 0xFE && remaining < 9 { header: u8 = 0xFE; warnings: u16; }
                machine {
                    initial Connecting;
                    state Connecting { on server Handshake -> Ready { set caps = caps; set types = []; } }
                    state Ready { on client Quit -> Done; on server Eof; }
                    state Done { final; }
                }
                """);
        FramingModel command = model.framing("command").orElseThrow();
        assertEquals("command", command.tagField());
        assertEquals(new WireType.EnumRef("Command", be(IntKind.U8)), field(command.header(), "command").type());
        assertEquals(constant(1), message(model, "Quit").tag());

        assertEquals(Models.binary(TypedExpr.BinaryOp.AND_ALSO,
                Models.binary(TypedExpr.BinaryOp.EQ, new TypedExpr.Peek(be(IntKind.U8), constant(0)), constant(0xFE), ExprType.BOOL),
                Models.binary(TypedExpr.BinaryOp.LT, new TypedExpr.Remaining(), constant(9), ExprType.BOOL), ExprType.BOOL),
                message(model, "Eof").when());

        MachineModel.Transition handshake = model.machine().state("Connecting").orElseThrow().transitions().get(0);
        assertEquals(List.of(
                new MachineModel.Action("caps", MachineModel.Action.Op.ASSIGN, new TypedExpr.LetRef("caps", ExprType.flagsOf("Caps"))),
                new MachineModel.Action("types", MachineModel.Action.Op.ASSIGN, new TypedExpr.EmptyList())), handshake.actions());
    }

    @Test
    void noMachineMeansNull() {
        assertNull(Models.checkWithPrelude("").machine());
    }

    @Test
    void signaturesWithMinimumMatchesDefaultMaskAndAlpn() {
        List<SignatureModel> signatures = model().signatures();
        assertEquals(2, signatures.size());
        SignatureModel startup = signatures.get(0);
        assertEquals("startup", startup.name());
        assertEquals("The startup packet.", startup.doc());
        assertEquals(DirectionModel.Sender.CLIENT, startup.sender());
        assertEquals(8, startup.minBytes());
        assertEquals(List.of(
                new SignatureModel.ByteMatch(4, ByteString.ofHex("00030000"), ByteString.ofHex("ffffffff")),
                new SignatureModel.ByteMatch(0, ByteString.ofHex("6162"), ByteString.ofHex("ff0f"))), startup.matches());
        assertEquals(List.of("postgresql"), startup.alpn());

        SignatureModel greeting = signatures.get(1);
        assertEquals(DirectionModel.Sender.SERVER, greeting.sender());
        assertEquals(4, greeting.minBytes());
        assertEquals(List.of(), greeting.matches());
        assertEquals(List.of(), greeting.alpn());
    }

    @Test
    void signatureWithoutMinimumNeedsTheBytesItMatches() {
        ProtocolModel model = Models.checkWithPrelude("signature s from client { at 4 match x\"0102\"; at 0 match x\"ff\"; }");
        assertEquals(6, model.signatures().get(0).minBytes());
    }
}
