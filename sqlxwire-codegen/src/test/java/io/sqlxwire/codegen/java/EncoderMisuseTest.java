package io.sqlxwire.codegen.java;

import static io.sqlxwire.codegen.java.EncoderHarness.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Encoders refuse wrong use (order, duplicates, missing members, conditions) and impossible values. */
class EncoderMisuseTest {

    static EncoderHarness pg;
    static EncoderHarness my;

    @BeforeAll
    static void compile() {
        pg = new EncoderHarness("postgresql.wire");
        my = new EncoderHarness("mysql.wire");
    }

    private static Object wrapped(EncoderHarness h, String encoder, WireWriter out, Object... extra) {
        Object e = h.make(encoder);
        Object[] args = new Object[extra.length + 1];
        args[0] = out;
        System.arraycopy(extra, 0, args, 1, extra.length);
        call(e, "wrap", args);
        return e;
    }

    private static void assertMessage(String expectedPart, RuntimeException e) {
        assertTrue(e.getMessage().contains(expectedPart), () -> "message '" + e.getMessage() + "' lacks '" + expectedPart + "'");
    }

    @Test
    void skippingARequiredFieldNamesIt() {
        Object bind = wrapped(pg, "PgBindEncoder", WireWriter.growable());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(bind, "statement", "s1"));
        assertMessage("Bind.portal: required", e);
    }

    @Test
    void goingBackIsOutOfOrder() {
        Object bind = wrapped(pg, "PgBindEncoder", WireWriter.growable());
        call(bind, "portal", "");
        call(bind, "statement", "s1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(bind, "portal", "p"));
        assertMessage("Bind.portal: set out of order or twice", e);
    }

    @Test
    void settingTwiceIsRefused() {
        Object query = wrapped(pg, "PgQueryEncoder", WireWriter.growable());
        call(query, "sql", "select 1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(query, "sql", "select 2"));
        assertMessage("Query.sql", e);
    }

    @Test
    void finishWithAMissingFieldNamesIt() {
        Object query = wrapped(pg, "PgQueryEncoder", WireWriter.growable());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(query, "finish"));
        assertMessage("Query.sql: required", e);
    }

    @Test
    void settersAfterFinishAreRefused() {
        Object query = wrapped(pg, "PgQueryEncoder", WireWriter.growable());
        call(query, "sql", "x");
        call(query, "finish");
        assertThrows(IllegalStateException.class, () -> call(query, "sql", "y"));
    }

    @Test
    void settersBeforeWrapAreRefused() {
        Object query = pg.make("PgQueryEncoder");
        assertMessage("call wrap", assertThrows(IllegalStateException.class, () -> call(query, "sql", "x")));
        Object after = wrapped(pg, "PgQueryEncoder", WireWriter.growable());
        call(after, "sql", "x");
        call(after, "finish");
        assertMessage("call wrap", assertThrows(IllegalStateException.class, () -> call(after, "finish")));
    }

    @Test
    void arraysAreClosedAndSkippedOnesWrittenEmptyByTheNextMember() {
        WireWriter out = WireWriter.growable();
        Object bind = wrapped(pg, "PgBindEncoder", out);
        call(bind, "portal", "");
        call(bind, "statement", "s");
        call(bind, "parameterFormatsAdd", 1);
        call(bind, "finish");
        assertArrayEquals(new byte[] {0, 's', 0, 0, 1, 0, 1, 0, 0, 0, 0}, out.toByteArray());
        out.reset();
        call(bind, "wrap", out);
        call(bind, "portal", "");
        call(bind, "statement", "s");
        call(bind, "parameterFormatsAdd", 1);
        call(bind, "parameterValuesAddNull");
        call(bind, "resultFormatsAdd", 1);
        call(bind, "finish");
        assertArrayEquals(new byte[] {0, 's', 0, 0, 1, 0, 1, 0, 1, -1, -1, -1, -1, 0, 1, 0, 1}, out.toByteArray());
    }

    @Test
    void frameHeaderMisuseIsRefused() {
        WireWriter out = WireWriter.growable();
        Object frame = pg.make("PgTaggedFrameEncoder");
        assertMessage("call wrap", assertThrows(IllegalStateException.class, () -> call(frame, "tag", (int) 'Q')));
        call(frame, "wrap", out);
        assertMessage("body() was not called", assertThrows(IllegalStateException.class, () -> call(frame, "finish")));
        call(frame, "wrap", out);
        assertMessage("tag: required", assertThrows(IllegalStateException.class, () -> call(frame, "body")));
        call(frame, "wrap", out);
        call(frame, "tag", (int) 'Q');
        call(frame, "body");
        assertMessage("before body()", assertThrows(IllegalStateException.class, () -> call(frame, "tag", (int) 'Q')));
        assertMessage("before body()", assertThrows(IllegalStateException.class, () -> call(frame, "body")));
        assertEquals(5, call(frame, "finish"));
        assertMessage("call wrap", assertThrows(IllegalStateException.class, () -> call(frame, "finish")));
    }

    @Test
    void terminatorInsideTextIsRefused() {
        WireWriter out = WireWriter.growable();
        Object query = wrapped(pg, "PgQueryEncoder", out);
        CodecException e = assertThrows(CodecException.class, () -> call(query, "sql", "select\0 1"));
        assertMessage("Query.sql", e);
        assertEquals(0, out.position(), "the refused text is taken back");
    }

    @Test
    void fixedSizeMustMatchExactly() {
        Object md5 = wrapped(pg, "PgAuthMd5PasswordEncoder", WireWriter.growable());
        CodecException e = assertThrows(CodecException.class, () -> call(md5, "salt", new byte[3]));
        assertMessage("salt", e);
        assertMessage("exactly 4", e);
    }

    @Test
    void unionArmMustMatchItsSubject() {
        Object auth = wrapped(pg, "PgAuthenticationEncoder", WireWriter.growable());
        call(auth, "code", 5);
        assertThrows(IllegalStateException.class, () -> call(auth, "bodyAsSasl"));
    }

    @Test
    void unionWithDataMustBeSet() {
        Object auth = wrapped(pg, "PgAuthenticationEncoder", WireWriter.growable());
        call(auth, "code", 5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(auth, "finish"));
        assertMessage("Authentication.body", e);
    }

    @Test
    void emptyUnionArmNeedsNoSetter() {
        WireWriter out = WireWriter.growable();
        Object auth = wrapped(pg, "PgAuthenticationEncoder", out);
        call(auth, "code", 0);
        assertEquals(4, call(auth, "finish"));
        assertArrayEquals(new byte[4], out.toByteArray());
    }

    @Test
    void unionArmWithAStruct() {
        WireWriter out = WireWriter.growable();
        Object auth = wrapped(pg, "PgAuthenticationEncoder", out);
        call(auth, "code", 5);
        call(call(auth, "bodyAsMd5Password"), "salt", new byte[] {1, 2, 3, 4});
        call(auth, "finish");
        assertArrayEquals(EncoderHarness.hex("00000005 01020304"), out.toByteArray());
    }

    @Test
    void valueOutsideItsWireTypeIsRefused() {
        Object ready = wrapped(pg, "PgReadyForQueryEncoder", WireWriter.growable());
        assertThrows(CodecException.class, () -> call(ready, "status", 300));
    }

    private static Object session(long capabilities) {
        Object session = my.make("MySession");
        my.set(session, "capabilities", my.make("MyCapabilityFlags", capabilities));
        return session;
    }

    @Test
    void optionalFieldWhoseConditionIsFalseIsRefused() {
        Object response = wrapped(my, "MyHandshakeResponse41Encoder", WireWriter.growable(), session(0xffffffffL));
        call(response, "clientFlag", 0x1L | 0x200L); // LONG_PASSWORD and PROTOCOL_41 only: no CONNECT_WITH_DB
        call(response, "maxPacketSize", 0x1000000L);
        call(response, "characterSet", 33);
        call(response, "username", "app");
        call(response, "authResponseShort", new byte[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(response, "database", "db"));
        assertMessage("HandshakeResponse41.database: must be absent", e);
    }

    @Test
    void optionalFieldWhoseConditionHoldsIsRequired() {
        Object response = wrapped(my, "MyHandshakeResponse41Encoder", WireWriter.growable(), session(0xffffffffL));
        call(response, "clientFlag", 0x1L | 0x200L | 0x8L | 0x80000L); // LONG_PASSWORD, PROTOCOL_41, CONNECT_WITH_DB, PLUGIN_AUTH
        call(response, "maxPacketSize", 0x1000000L);
        call(response, "characterSet", 33);
        call(response, "username", "app");
        call(response, "authResponseShort", new byte[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> call(response, "clientPluginName", "mysql_native_password"));
        assertMessage("HandshakeResponse41.database: required here", e);
    }

    @Test
    void conditionsOnTheSessionDecidePresence() {
        WireWriter out = WireWriter.growable();
        Object err = wrapped(my, "MyErrPacketEncoder", out, session(0));
        call(err, "errorCode", 1064);
        assertThrows(IllegalStateException.class, () -> call(err, "sqlState", "42000"));

        WireWriter out41 = WireWriter.growable();
        Object err41 = wrapped(my, "MyErrPacketEncoder", out41, session(0x200));
        call(err41, "errorCode", 1064);
        call(err41, "sqlState", "42000");
        call(err41, "errorMessage", "bad");
        call(err41, "finish");
        assertArrayEquals(EncoderHarness.hex("ff 2804 23 3432303030 626164"), out41.toByteArray());
    }

    @Test
    void textOutsideItsCharsetIsRefused() {
        Object err = wrapped(my, "MyErrPacketEncoder", WireWriter.growable(), session(0x200));
        call(err, "errorCode", 1064);
        CodecException e = assertThrows(CodecException.class, () -> call(err, "sqlState", "4200\u00e9"));
        assertMessage("sqlState", e);
    }

    @Test
    void derivedLengthPrefixesAreBackPatched() {
        WireWriter out = WireWriter.growable();
        Object attribute = wrapped(my, "MyConnectAttributeEncoder", out);
        call(attribute, "key", "_os");
        call(attribute, "value", "Linux");
        call(attribute, "finish");
        assertArrayEquals(EncoderHarness.hex("035f6f73 054c696e7578"), out.toByteArray());
    }

    @Test
    void encoderIsReusable() {
        Object query = pg.make("PgQueryEncoder");
        byte[] target = new byte[64];
        WireWriter out = WireWriter.into(target, 0, target.length);
        for (int i = 0; i < 3; i++) {
            out.wrap(target, 0, target.length);
            call(call(query, "wrap", out), "sql", "select " + i);
            assertEquals(9, call(query, "finish"));
        }
        assertArrayEquals("select 2\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), java.util.Arrays.copyOf(target, 9));
    }
}
