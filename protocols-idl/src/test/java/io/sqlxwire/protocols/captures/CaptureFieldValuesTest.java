package io.sqlxwire.protocols.captures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.interp.DecodedMessage;
import io.sqlxwire.codegen.interp.Value;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Field values the descriptions decode from real traffic, each checked against what tshark 4.0
 * dissects from the same pcap ({@code tshark -r FILE -d tcp.port==PORT,pgsql|mysql -V}).
 */
class CaptureFieldValuesTest {

    private static CapturedConversation pg(String relative) {
        return CapturedConversation.decode(Captures.model("postgresql.wire"), Captures.file(relative));
    }

    private static CapturedConversation my(String relative) {
        return CapturedConversation.decode(Captures.model("mysql.wire"), Captures.file(relative));
    }

    private static Value field(DecodedMessage message, String... path) {
        return message.fields().at(path).orElseThrow(
                () -> new AssertionError(message.message() + " has no " + String.join(".", path)));
    }

    private static String text(DecodedMessage message, String... path) {
        return ((Value.Text) field(message, path)).value();
    }

    private static long integer(DecodedMessage message, String... path) {
        Value value = field(message, path);
        if (value instanceof Value.Flags flags) {
            return flags.bits().longValueExact();
        }
        if (value instanceof Value.EnumConst constant) {
            return constant.value().longValueExact();
        }
        return ((Value.Int) value).value().longValueExact();
    }

    private static String hex(DecodedMessage message, String... path) {
        return HexFormat.of().formatHex(((Value.Bytes) field(message, path)).value());
    }

    private static DecodedMessage only(CapturedConversation conversation, String message) {
        List<DecodedMessage> found = conversation.named(message);
        assertEquals(1, found.size(), message + " in " + conversation.file());
        return found.get(0);
    }

    // ---------------------------------------------------------------- PostgreSQL

    @Test
    void psqlStartupKeyAndResults() {
        // tshark -r local/pg-psql-scram-simple.pcap -d tcp.port==55440,pgsql
        CapturedConversation c = pg("local/pg-psql-scram-simple.conv");
        DecodedMessage startup = only(c, "StartupMessage");
        assertEquals("user", text(startup, "parameters", "0", "name"));
        List<String> values = ((Value.ListOf) field(startup, "parameters")).elements().stream()
                .map(p -> ((Value.Text) ((Value.Obj) p).get("value").orElseThrow()).value()).toList();
        assertEquals(List.of("app", "appdb", "psql"), values);

        DecodedMessage key = only(c, "BackendKeyData");
        assertEquals(20511, integer(key, "process_id"));
        assertEquals(Long.toHexString(3131019388L), hex(key, "secret_key"));

        assertTrue(c.named("ParameterStatus").stream().anyMatch(m -> text(m, "name").equals("server_version")
                && text(m, "value").equals("15.18 (Debian 15.18-0+deb12u1)")));
        assertEquals(List.of("select 1 as one, 'two' as two, null::int as nothing", "select * from t where id <= 20",
                "select 1/0"), c.named("Query").stream().map(m -> text(m, "sql")).toList());
        assertEquals(List.of("SELECT 1", "SELECT 20"),
                c.named("CommandComplete").stream().map(m -> text(m, "command_tag")).toList());
        assertEquals(20 + 1, c.named("DataRow").size());
        assertEquals(1, c.named("ErrorResponse").size());
    }

    @Test
    void tlsUpgradeIsFramedAsRecords() {
        // tshark -r third-party/postgresql/suricata-pgsql-upgrade-tls.pcap: tls.record.length
        // client 300 (a ClientHello), server 58, 704, 527, 4.
        CapturedConversation c = pg("third-party/postgresql/suricata-pgsql-upgrade-tls.0.conv");
        only(c, "SSLRequest");
        only(c, "SslAccepted");
        DecodedMessage hello = c.named("TlsRecordFromClient").get(0);
        assertEquals(300 * 2, hex(hello, "fragment").length());
        assertTrue(hex(hello, "fragment").startsWith("01"), "handshake type client_hello");
        assertEquals(List.of(58, 704, 527, 4), c.named("TlsRecordFromServer").stream().limit(4)
                .map(m -> hex(m, "fragment").length() / 2).toList());
        assertTrue(c.named("StartupMessage").isEmpty(), "the StartupMessage is encrypted");
    }

    @Test
    void pipelinedSyncBatchesAreAnsweredInOrder() {
        // ndpi-pgsql.pcap stream 1: two Parse/Bind/Describe/Execute/Sync batches sent before the
        // first ReadyForQuery; tshark shows two "Ready for query" answers.
        CapturedConversation c = pg("third-party/postgresql/ndpi-pgsql.1.conv");
        assertEquals(2, c.named("Sync").size());
        // The guarded transition keeps the first answer in ExtendedQuery; the second one leads to Idle.
        assertEquals(3, c.named("ReadyForQuery").size(), "one after authentication, one per Sync");
        assertEquals(2, c.named("RowDescription").size());
        assertEquals("Idle", c.finalState());
    }

    // ---------------------------------------------------------------- MySQL / MariaDB

    @Test
    void mariadbExtendedCapabilitiesDriveResultSetMetadata() {
        // tshark -r local/my-mariadb-cli.pcap -d tcp.port==53340,mysql -V
        CapturedConversation c = my("local/my-mariadb-cli.conv");
        DecodedMessage greeting = only(c, "HandshakeV10");
        assertEquals("5.5.5-10.11.19-MariaDB-0+deb12u1", text(greeting, "server_version"));
        assertEquals(0x1d, integer(greeting, "mariadb_capabilities"));
        DecodedMessage response = only(c, "HandshakeResponse41");
        assertEquals(0x1d, integer(response, "mariadb_capabilities"));
        assertEquals("app", text(response, "username"));
        assertEquals("appdb", text(response, "database"));

        DecodedMessage header = c.named("ResultSetHeader").get(0);
        assertEquals(3, integer(header, "column_count"));
        assertEquals(1, integer(header, "metadata_follows"), "send metadata: 1");
        List<DecodedMessage> columns = c.named("ColumnDefinition41");
        assertEquals(List.of("one", "two", "nothing", "id", "name", "score", "at", "data", "f"),
                columns.stream().map(m -> text(m, "name")).toList());
        assertEquals(0, integer(columns.get(0), "extended_info_length"));
        assertEquals(63, integer(columns.get(0), "character_set"));
        assertEquals(1146, integer(only(c, "ErrPacket"), "error_code"));
    }

    @Test
    void handshakeResponsePartsFollowTheSharedCapabilities() {
        // zeek-auth.pcap stream 10: a 5.1 server without CLIENT_PLUGIN_AUTH; the client sets the flag
        // (caps 0xa605 in the low half) but sends no plugin name; tshark: user root, error 1045.
        CapturedConversation c = my("third-party/mysql/zeek-auth.10.conv");
        DecodedMessage response = only(c, "HandshakeResponse41");
        assertEquals(0xa605, integer(response, "client_flag") & 0xffff);
        assertEquals("root", text(response, "username"));
        assertTrue(response.fields().get("client_plugin_name").isEmpty()
                || response.fields().get("client_plugin_name").get() instanceof Value.Null);
        assertEquals(1045, integer(only(c, "ErrPacket"), "error_code"));
    }

    @Test
    void changeUserIsAnAuthenticationExchange() {
        // tshark -r third-party/mysql/zeek-change-user-error.pcap: command 17 (COM_CHANGE_USER),
        // user root2, plugin caching_sha2_password; the server switches to mysql_native_password.
        CapturedConversation c = my("third-party/mysql/zeek-change-user-error.conv");
        DecodedMessage change = only(c, "ComChangeUser");
        assertEquals("root2", text(change, "user"));
        assertEquals("caching_sha2_password", text(change, "auth_plugin_name"));
        List<DecodedMessage> switches = c.named("AuthSwitchRequest");
        assertEquals(2, switches.size(), "one at connection, one after COM_CHANGE_USER");
        assertEquals("mysql_native_password", text(switches.get(1), "plugin_name"));
        assertEquals(1045, integer(only(c, "ErrPacket"), "error_code"));
    }

    @Test
    void mysqlTlsStartsRightAfterSslRequest() {
        // zeek-tls-13-amazon-rds.pcap: SSLRequest, then TLS records in both directions.
        CapturedConversation c = my("third-party/mysql/zeek-tls-13-amazon-rds.conv");
        DecodedMessage request = only(c, "SSLRequest");
        assertTrue((integer(request, "client_flag") & 0x800) != 0, "CLIENT_SSL");
        assertFalse(c.named("TlsRecordFromClient").isEmpty());
        assertFalse(c.named("TlsRecordFromServer").isEmpty());
        assertTrue(c.named("HandshakeResponse41").isEmpty(), "the response travels encrypted");
    }

    @Test
    void bytesThatAreNotTlsLoseTheTlsFraming() {
        // An HTTP response where TLS records are expected: version major byte 'T' (0x54), not 3.
        CapturedConversation c = pg("third-party/postgresql/suricata-pgsql-upgrade-tls.0.conv");
        assertEquals("TlsEncrypted", c.finalState());
        var decoder = new io.sqlxwire.codegen.interp.ConversationDecoder(Captures.model("postgresql.wire"),
                io.sqlxwire.runtime.Limits.DEFAULTS);
        decoder.startIn("TlsEncrypted");
        List<DecodedMessage> out = decoder.feed("backend", "S",
                "HTTP/1.1 200 OK\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, out.size());
        assertTrue(out.get(0).isError() && out.get(0).error().contains("version_major"), out.get(0)::toJson);
    }
}
