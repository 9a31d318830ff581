package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresqlWireTest {

    private static final DialectFile PG = DialectFile.check("postgresql.wire");

    @Test
    void checksClean() {
        PG.assertClean();
        PG.assertHeader("postgresql", "frontend", "CLIENT", "backend", "SERVER");
    }

    @Test
    void startupRequestsAreUntaggedAndTellEachOtherApartByTheirFirstWord() {
        for (String name : List.of("StartupMessage", "SSLRequest", "GSSENCRequest", "CancelRequest")) {
            assertNull(PG.message(name, "frontend").tag(), name + " must be untagged");
        }
        assertNotNull(PG.field(PG.message("SSLRequest", "frontend"), "code").value());
        assertInstanceOf(WireType.Array.class, PG.field(PG.message("StartupMessage", "frontend"), "parameters").type());
    }

    @Test
    void authenticationIsOneUnionOverEveryCode() {
        MessageModel auth = PG.message("Authentication", "backend");
        WireType.Union body = assertInstanceOf(WireType.Union.class, PG.field(auth, "body").type());
        assertNotNull(body.fallback(), "raw fallback for unknown codes");
        List<String> codes = PG.model().enumeration("AuthCode").orElseThrow().constants().stream()
                .map(c -> c.name()).toList();
        assertTrue(codes.containsAll(List.of("OK", "KERBEROS_V5", "CLEARTEXT_PASSWORD", "MD5_PASSWORD", "GSS",
                "GSS_CONTINUE", "SSPI", "SASL", "SASL_CONTINUE", "SASL_FINAL")), codes::toString);
    }

    @Test
    void theFourPasswordMessagesShareTagPAndAreSelectedBySession() {
        for (String name : List.of("PasswordMessage", "GSSResponse", "SASLInitialResponse", "SASLResponse")) {
            MessageModel message = PG.message(name, "frontend");
            assertNotNull(message.tag(), name);
            assertNotNull(message.when(), name + " needs a session condition");
        }
    }

    @Test
    void catalogueCoversTheMessageFormatsSection() {
        for (String name : List.of("Query", "Parse", "Bind", "Describe", "Execute", "Close", "Flush", "Sync",
                "Terminate", "FunctionCall", "CopyDataIn", "CopyDoneIn", "CopyFail")) {
            assertNotNull(PG.message(name, "frontend").tag(), name);
        }
        for (String name : List.of("RowDescription", "DataRow", "ErrorResponse", "NoticeResponse",
                "ParameterStatus", "BackendKeyData", "ReadyForQuery", "CommandComplete", "EmptyQueryResponse",
                "ParseComplete", "BindComplete", "CloseComplete", "NoData", "PortalSuspended",
                "ParameterDescription", "NotificationResponse", "NegotiateProtocolVersion", "CopyInResponse",
                "CopyOutResponse", "CopyBothResponse", "CopyDataOut", "CopyDoneOut", "FunctionCallResponse")) {
            assertNotNull(PG.message(name, "backend").tag(), name);
        }
        assertEquals(18, PG.model().enumeration("NoticeFieldCode").orElseThrow().constants().size());
    }

    @Test
    void startupUsesUntaggedFramesThenTaggedOnes() {
        assertNull(PG.framing("untagged").tagField());
        assertEquals("tag", PG.framing("tagged").tagField());
        assertEquals("untagged", PG.model().machine().state("Startup").orElseThrow().framings().get("frontend"));
        assertEquals("tagged", PG.model().machine().state("Authenticating").orElseThrow().framings().get("frontend"));
        assertEquals("Startup", PG.model().machine().initial());
    }

    @Test
    void encryptionAnswersTravelInTheSingleByteFramingWhoseHeaderIsTheAnswer() {
        FramingModel singleByte = PG.framing("single_byte");
        assertEquals("answer", singleByte.tagField());
        assertEquals(1L, singleByte.header().fixedSize().orElseThrow());
        Map<String, Character> answers = Map.of("SslAccepted", 'S', "EncryptionRefused", 'N', "GssEncAccepted", 'G');
        answers.forEach((name, answer) -> {
            MessageModel message = PG.message(name, "backend");
            assertEquals("single_byte", message.framing(), name);
            assertEquals(BigInteger.valueOf(answer), assertInstanceOf(TypedExpr.IntConst.class, message.tag()).value(), name);
            assertTrue(message.layout().members().isEmpty(), name + " has no body");
        });
        assertEquals("single_byte", PG.model().machine().state("EncryptionNegotiation").orElseThrow().framings().get("backend"));
    }

    @Test
    void answerTagsMayRepeatTaggedMessageTagsBecauseTheyTravelInAnotherFraming() {
        MessageModel parameterStatus = PG.message("ParameterStatus", "backend");
        assertNull(parameterStatus.framing());
        assertEquals(BigInteger.valueOf('S'), assertInstanceOf(TypedExpr.IntConst.class, parameterStatus.tag()).value());
        assertNull(PG.message("NoticeResponse", "backend").framing());
    }
}
