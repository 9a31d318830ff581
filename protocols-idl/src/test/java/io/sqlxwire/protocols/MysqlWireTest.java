package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlWireTest {

    private static final DialectFile MY = DialectFile.check("mysql.wire");

    @Test
    void checksClean() {
        MY.assertClean();
        MY.assertHeader("mysql", "client", "CLIENT", "server", "SERVER");
    }

    @Test
    void packetsHaveAThreeByteLengthASequenceIdAndContinuation() {
        FramingModel packet = MY.framing("packet");
        WireType.Int length = assertInstanceOf(WireType.Int.class,
                packet.header().field("payload_length").orElseThrow().type());
        assertEquals("U24", length.kind().name());
        assertEquals("sequence_id", packet.sequenceField());
        assertNotNull(packet.continuedIf(), "0xFFFFFF continuation");
    }

    @Test
    void handshakeJoinsTheSplitCapabilityFlags() {
        MessageModel handshake = MY.message("HandshakeV10", "server");
        assertInstanceOf(Let.class, handshake.layout().member("capabilities").orElseThrow());
        assertNotNull(MY.field(handshake, "auth_plugin_name").condition(), "plugin name only with CLIENT_PLUGIN_AUTH");
        assertNotNull(MY.field(handshake, "protocol_version").value());
    }

    @Test
    void handshakeResponseFieldsDependOnCapabilities() {
        MessageModel response = MY.message("HandshakeResponse41", "client");
        for (String name : List.of("auth_response", "auth_response_short", "database", "client_plugin_name",
                "attributes", "zstd_compression_level")) {
            assertNotNull(MY.field(response, name).condition(), name);
        }
        assertTrue(MY.model().session().stream().anyMatch(v -> v.name().equals("capabilities")));
    }

    @Test
    void okPacketHasSessionStateOnlyWithSessionTracking() {
        StructModel ok = MY.struct("OkFields");
        assertNotNull(MY.field(ok, "session_state_changes").condition());
        assertNotNull(MY.field(ok, "session_state_changes").regionSize());
        assertInstanceOf(WireType.LenEnc.class, MY.field(ok, "affected_rows").type());
    }

    @Test
    void eachFirstResponsePacketIsAMessageOfItsOwn() {
        for (String name : List.of("OkPacket", "ErrPacket", "LocalInfileRequest")) {
            MessageModel message = MY.message(name, "server");
            assertInstanceOf(FieldValue.Constant.class, MY.field(message, "header").value(), name + " first byte");
            assertNull(message.when(), name + " is told apart by its first byte alone");
        }
        assertNull(MY.message("ResultSetHeader", "server").when(), "the result set header is the default");
        assertInstanceOf(WireType.LenEnc.class, MY.field(MY.message("ResultSetHeader", "server"), "column_count").type());
    }

    @Test
    void eofIsChosenOnlyForAShortPacketStartingWith0xFe() {
        TypedExpr when = MY.message("EofPacket", "server").when();
        assertNotNull(when, "0xFE also starts a length-encoded integer");
        assertTrue(mentions(when, TypedExpr.Peek.class), "looks at the first byte");
        assertTrue(mentions(when, TypedExpr.Remaining.class), "looks at the packet size");
        assertNotNull(MY.message("ResultSetOk", "server").when(), "OK with header 0xFE under CLIENT_DEPRECATE_EOF");
    }

    @Test
    void theMachineBranchesOnTheResponseToACommand() {
        MachineModel machine = MY.model().machine();
        assertEquals("Idle", target(machine, "AwaitingResult", "OkPacket"));
        assertEquals("Idle", target(machine, "AwaitingResult", "ErrPacket"));
        assertEquals("ColumnDefinitions", target(machine, "AwaitingResult", "ResultSetHeader"));
        assertEquals("SendingFile", target(machine, "AwaitingResult", "LocalInfileRequest"));
        assertEquals("AwaitingResult", target(machine, "Idle", "ComQuery"));
        assertEquals("AwaitingOk", target(machine, "Idle", "ComPing"));
        assertEquals("Rows", target(machine, "ColumnDefinitions", "EofPacket"));
        assertEquals("Idle", target(machine, "Rows", "EofPacket"));
        assertEquals("Idle", target(machine, "Rows", "ResultSetOk"));
        assertEquals("Idle", target(machine, "Rows", "ErrPacket"));
        assertEquals("Idle", target(machine, "Authenticating", "OkPacket"));
        assertEquals("Closed", target(machine, "Authenticating", "ErrPacket"));
    }

    @Test
    void guardsFollowMoreResultsAndPreparedStatementDefinitions() {
        MachineModel machine = MY.model().machine();
        for (String[] end : new String[][] {{"Rows", "EofPacket"}, {"Rows", "ResultSetOk"},
                {"ColumnDefinitions", "ResultSetOk"}, {"AwaitingResult", "OkPacket"}}) {
            MachineModel.Transition more = guarded(machine, end[0], end[1]);
            assertEquals("AwaitingResult", more.target(), "the next result of the same command follows");
            assertTrue(String.valueOf(more.guard()).contains("SERVER_MORE_RESULTS_EXISTS"), more.guard()::toString);
        }
        assertEquals("PreparedDefinitions", guarded(machine, "Preparing", "ComStmtPrepareOk").target());
        assertEquals("Idle", target(machine, "Preparing", "ComStmtPrepareOk"), "no parameters, no columns");
        assertEquals("Idle", guarded(machine, "PreparedDefinitions", "EofPacket").target());
        assertTrue(machine.state("Idle").orElseThrow().transitions().stream().allMatch(t -> t.direction().equals("client")),
                "between commands only the client speaks");
    }

    @Test
    void aNewResultSetClearsTheColumnTypesAndColumnDefinitionsAppendToThem() {
        MachineModel machine = MY.model().machine();
        MachineModel.Action clear = action(transition(machine, "AwaitingResult", "ResultSetHeader"), "column_types");
        assertEquals(MachineModel.Action.Op.ASSIGN, clear.op());
        assertInstanceOf(TypedExpr.EmptyList.class, clear.value());
        MachineModel.Action append = action(transition(machine, "ColumnDefinitions", "ColumnDefinition41"), "column_types");
        assertEquals(MachineModel.Action.Op.APPEND, append.op());
        assertNotNull(MY.message("ColumnDefinition41", "server").when(), "read only while definitions are expected");
    }

    @Test
    void theHandshakeRecordsTheJoinedCapabilities() {
        MachineModel.Action set = action(transition(MY.model().machine(), "Connected", "HandshakeV10"), "capabilities");
        TypedExpr.LetRef let = assertInstanceOf(TypedExpr.LetRef.class, set.value());
        assertEquals("capabilities", let.name());
    }

    @Test
    void binaryRowValuesArePresentOnlyWhenTheirNullBitIsClear() {
        MessageModel row = MY.message("BinaryResultsetRow", "server");
        WireType.Bitmap bitmap = assertInstanceOf(WireType.Bitmap.class, MY.field(row, "null_bitmap").type());
        assertEquals(2, bitmap.bitOffset());
        WireType.Array values = assertInstanceOf(WireType.Array.class, MY.field(row, "values").type());
        WireType.StructRef column = assertInstanceOf(WireType.StructRef.class, values.element());
        TypedExpr.Index nullBit = assertInstanceOf(TypedExpr.Index.class, column.arguments().get(1));
        assertEquals(List.of("null_bitmap"), assertInstanceOf(TypedExpr.FieldRef.class, nullBit.target()).path());
        assertInstanceOf(TypedExpr.ElementIndex.class, nullBit.index());
        assertNotNull(MY.field(MY.struct("BinaryColumn"), "value").condition(), "absent when NULL");
    }

    @Test
    void theServerSpeaksFirst() {
        assertEquals(DirectionModel.Sender.SERVER, MY.model().signatures().get(0).sender());
    }

    /** The transition taken when no guard holds. */
    private static MachineModel.Transition transition(MachineModel machine, String state, String message) {
        return machine.state(state).orElseThrow(() -> new AssertionError("no state " + state)).transitions().stream()
                .filter(t -> t.message().equals(message) && t.guard() == null).findFirst()
                .orElseThrow(() -> new AssertionError(state + " has no transition on " + message));
    }

    /** The first guarded transition on a message. */
    private static MachineModel.Transition guarded(MachineModel machine, String state, String message) {
        return machine.state(state).orElseThrow(() -> new AssertionError("no state " + state)).transitions().stream()
                .filter(t -> t.message().equals(message) && t.guard() != null).findFirst()
                .orElseThrow(() -> new AssertionError(state + " has no guarded transition on " + message));
    }

    private static String target(MachineModel machine, String state, String message) {
        return transition(machine, state, message).target();
    }

    private static MachineModel.Action action(MachineModel.Transition transition, String variable) {
        return transition.actions().stream().filter(a -> a.variable().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(transition.message() + " sets no " + variable));
    }

    /** Whether an expression contains a node of the given kind (through binary and unary operators). */
    private static boolean mentions(TypedExpr expr, Class<? extends TypedExpr> kind) {
        if (kind.isInstance(expr)) {
            return true;
        }
        if (expr instanceof TypedExpr.Binary b) {
            return mentions(b.left(), kind) || mentions(b.right(), kind);
        }
        if (expr instanceof TypedExpr.Unary u) {
            return mentions(u.operand(), kind);
        }
        return false;
    }
}
