package io.sqlxwire.protocols;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.Generation;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MyDetector;
import io.sqlxwire.protocols.mysql.MyHandshakeV10;
import io.sqlxwire.protocols.mysql.MyHandshakeV10Decoder;
import io.sqlxwire.protocols.mysql.MyPacketFraming;
import io.sqlxwire.protocols.mysql.MyStatusFlags;
import io.sqlxwire.protocols.postgresql.PgAuthCode;
import io.sqlxwire.protocols.postgresql.PgAuthKind;
import io.sqlxwire.protocols.postgresql.PgAuthSasl;
import io.sqlxwire.protocols.postgresql.PgAuthSaslDecoder;
import io.sqlxwire.protocols.postgresql.PgAuthentication;
import io.sqlxwire.protocols.postgresql.PgAuthenticationBody;
import io.sqlxwire.protocols.postgresql.PgAuthenticationDecoder;
import io.sqlxwire.protocols.postgresql.PgAuthenticationEncoder;
import io.sqlxwire.protocols.postgresql.PgBackendDispatcher;
import io.sqlxwire.protocols.postgresql.PgBackendHandler;
import io.sqlxwire.protocols.postgresql.PgCommandCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgDataRow;
import io.sqlxwire.protocols.postgresql.PgDataRowDecoder;
import io.sqlxwire.protocols.postgresql.PgDataRowEncoder;
import io.sqlxwire.protocols.postgresql.PgDetector;
import io.sqlxwire.protocols.postgresql.PgErrorResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgFieldDescription;
import io.sqlxwire.protocols.postgresql.PgFieldDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgFieldDescriptionEncoder;
import io.sqlxwire.protocols.postgresql.PgFormatCode;
import io.sqlxwire.protocols.postgresql.PgFrontendDispatcher;
import io.sqlxwire.protocols.postgresql.PgFrontendHandler;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldCode;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldDecoder;
import io.sqlxwire.protocols.postgresql.PgQuery;
import io.sqlxwire.protocols.postgresql.PgQueryEncoder;
import io.sqlxwire.protocols.postgresql.PgRowDescription;
import io.sqlxwire.protocols.postgresql.PgRowDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgRowDescriptionEncoder;
import io.sqlxwire.protocols.postgresql.PgSASLInitialResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgState;
import io.sqlxwire.protocols.postgresql.PgTaggedFrameEncoder;
import io.sqlxwire.protocols.postgresql.PgTaggedFraming;
import io.sqlxwire.protocols.tds.TdsLogin7Body;
import io.sqlxwire.protocols.tds.TdsLogin7BodyDecoder;
import io.sqlxwire.protocols.tds.TdsOptionFlags1;
import io.sqlxwire.protocols.tds.TdsOptionFlags2;
import io.sqlxwire.protocols.tds.TdsOptionFlags3;
import io.sqlxwire.protocols.tds.TdsTransformRegistry;
import io.sqlxwire.protocols.tds.TdsTransforms;
import io.sqlxwire.protocols.tds.TdsTypeFlags;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.TextView;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.codec.AsciiDecimal;
import io.sqlxwire.runtime.detect.Detection;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import io.sqlxwire.runtime.detect.Signature;
import io.sqlxwire.runtime.error.CodecException;
import io.sqlxwire.runtime.error.ProtocolStateException;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code of {@code docs/generated-code.md}, the user guide to the generated Java code, run on real
 * bytes: a psql session against PostgreSQL 15 ({@code captures/conv/local/pg-psql-scram-simple.conv})
 * and a MariaDB greeting ({@code my-mariadb-cli.conv}).
 *
 * <p>Every Java block of the guide is one of three things, and {@link #theGuideQuotesTheCodeExactly}
 * holds the guide to it so that the two cannot drift apart:
 * <ul>
 * <li>a snippet of this file, between {@code // guide:begin NAME} and {@code // guide:end NAME},
 *     marked {@code <!-- guide:NAME -->} in the guide (compiled and run here);</li>
 * <li>an excerpt of a generated class, marked {@code <!-- excerpt: FILE -->} (checked-in main sources)
 *     or {@code <!-- excerpt-test: postgresql TYPE -->} (test sources, generated here): its lines must
 *     occur in the class in that order;</li>
 * <li>the worked example's output, marked {@code <!-- output: worked-example -->}: its lines, in
 *     order, with {@code ...} for lines left out.</li>
 * </ul>
 */
class GeneratedCodeGuideTest {

    /** Surefire runs in the module directory. */
    private static final Path GUIDE = Path.of("..", "docs", "generated-code.md");
    private static final Path THIS_SOURCE =
            Path.of("src", "test", "java", "io", "sqlxwire", "protocols", "GeneratedCodeGuideTest.java");
    private static final Path GENERATED_MAIN = Path.of("src", "main", "java");
    private static final Path CAPTURES = Path.of("src", "test", "resources", "captures", "conv", "local");

    /** One TCP segment of a capture, in the order it was sent. */
    record Segment(boolean fromClient, byte[] bytes) {}

    // ------------------------------------------------------------------ the worked example

    // guide:begin worked-example
    /** Prints what a PostgreSQL server says: column names, rows, command tags and errors. */
    static final class RowPrinter implements PgBackendHandler {
        private final PrintStream out;

        RowPrinter(PrintStream out) {
            this.out = out;
        }

        /** Reads the server's side of a connection, in the chunks it arrived in, and prints it. */
        static void printServerStream(Iterable<byte[]> chunks, PrintStream out) {
            FrameAccumulator frames = new FrameAccumulator(PgTaggedFraming.INSTANCE, Limits.DEFAULTS);
            PgBackendDispatcher dispatcher = new PgBackendDispatcher(new PgSession());
            RowPrinter printer = new RowPrinter(out);
            for (byte[] chunk : chunks) {
                frames.feed(chunk, 0, chunk.length);
                while (frames.next()) {
                    dispatcher.dispatch(frames.frame(), printer);
                }
            }
        }

        @Override
        public void onRowDescription(PgRowDescriptionDecoder m) {
            StringBuilder line = new StringBuilder();
            PgRowDescriptionDecoder.FieldsCursor fields = m.fields();
            while (fields.hasNext()) {
                PgFieldDescriptionDecoder field = fields.next();
                line.append(line.length() == 0 ? "" : " | ").append(field.nameAsString());
            }
            out.println(line);
        }

        @Override
        public void onDataRow(PgDataRowDecoder m) {
            StringBuilder line = new StringBuilder();
            PgDataRowDecoder.ColumnsCursor columns = m.columns();
            while (columns.hasNext()) {
                columns.next();
                line.append(line.length() == 0 ? "" : " | ");
                line.append(columns.isValueNull() ? "NULL" : new String(columns.value().toByteArray(), UTF_8));
            }
            out.println(line);
        }

        @Override
        public void onCommandComplete(PgCommandCompleteDecoder m) {
            out.println("(" + m.commandTagAsString() + ")");
        }

        @Override
        public void onErrorResponse(PgErrorResponseDecoder m) {
            String sqlState = "";
            String message = "";
            PgErrorResponseDecoder.FieldsCursor fields = m.fields();
            while (fields.hasNext()) {
                PgNoticeFieldDecoder field = fields.next();
                if (field.code() == PgNoticeFieldCode.SQLSTATE.value()) {
                    sqlState = field.valueAsString();
                } else if (field.code() == PgNoticeFieldCode.MESSAGE.value()) {
                    message = field.valueAsString();
                }
            }
            out.println("ERROR " + sqlState + ": " + message);
        }
    }
    // guide:end worked-example

    @Test
    void theWorkedExamplePrintsTheRowsOfTheCapturedSession() {
        String output = workedExampleOutput();
        assertTrue(output.startsWith("one | two | nothing\n1 | two | NULL\n(SELECT 1)\n"), output);
        assertTrue(output.endsWith("(SELECT 20)\nERROR 22012: division by zero\n"), output);
        assertEquals(20 + 1 + 1 + 1 + 2 + 1, output.lines().count(), output);
    }

    /** The server's segments of the capture run through the worked example. */
    private static String workedExampleOutput() {
        List<byte[]> serverChunks = segments("pg-psql-scram-simple.conv").stream()
                .filter(s -> !s.fromClient()).map(Segment::bytes).toList();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RowPrinter.printServerStream(serverChunks, new PrintStream(printed, true, UTF_8));
        return printed.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    // ------------------------------------------------------------------ decoders

    @Test
    void decodersWrapAndRead() {
        WireBuffer frame = serverFrame('T', 0);
        // guide:begin decoder-wrap
        PgRowDescriptionDecoder rowDescription = new PgRowDescriptionDecoder();   // once per connection
        int bodyStart = PgTaggedFraming.HEADER_LENGTH;                            // 5: tag and length
        rowDescription.wrap(frame, bodyStart, frame.length() - bodyStart);        // validates everything

        int fieldCount = rowDescription.fieldCount();                             // 3
        PgFieldDescriptionDecoder first = rowDescription.fields().get(0);
        long typeOid = first.typeOid();                                           // u32 -> long: 23 (int4)
        int typeSize = first.typeSize();                                          // i16 -> int: 4
        int rawFormat = first.format();                                           // enum, raw: 0
        PgFormatCode format = first.formatValue();                                // enum, typed: TEXT
        // guide:end decoder-wrap
        assertEquals(3, fieldCount);
        assertEquals(23, typeOid);
        assertEquals(4, typeSize);
        assertEquals(0, rawFormat);
        assertSame(PgFormatCode.TEXT, format);
        assertEquals(77 - bodyStart, rowDescription.encodedLength());
    }

    @Test
    void cursorsAreReusedAndRewound() {
        PgRowDescriptionDecoder rowDescription = new PgRowDescriptionDecoder();
        WireBuffer frame = serverFrame('T', 0);
        rowDescription.wrap(frame, PgTaggedFraming.HEADER_LENGTH, frame.length() - PgTaggedFraming.HEADER_LENGTH);
        List<String> names = new ArrayList<>();
        // guide:begin cursor
        PgRowDescriptionDecoder.FieldsCursor fields = rowDescription.fields();   // rewound to the first element
        int count = fields.count();                                              // 3
        while (fields.hasNext()) {
            PgFieldDescriptionDecoder field = fields.next();   // element i's decoder, wrapped by wrap
            names.add(field.nameAsString());
        }
        PgFieldDescriptionDecoder third = fields.get(2);       // random access: element 2's decoder
        fields.reset();                                        // start over
        // guide:end cursor
        assertEquals(3, count);
        assertEquals(List.of("one", "two", "nothing"), names);
        assertEquals("nothing", third.nameAsString());
        // Each element (of a flat struct, the first 256) has its own decoder: moving on leaves the
        // ones handed out as they were.
        PgFieldDescriptionDecoder first = fields.next();
        assertEquals("one", first.nameAsString(), "next() after reset() gives the first element");
        assertEquals("nothing", third.nameAsString());
        assertSame(first, fields.get(0));
        assertNotSame(first, third);
    }

    @Test
    void textAndBytesAreViews() {
        PgRowDescriptionDecoder rowDescription = new PgRowDescriptionDecoder();
        WireBuffer frame = serverFrame('T', 0);
        rowDescription.wrap(frame, PgTaggedFraming.HEADER_LENGTH, frame.length() - PgTaggedFraming.HEADER_LENGTH);
        PgDataRowDecoder dataRow = new PgDataRowDecoder();
        WireBuffer rowFrame = serverFrame('D', 0);
        dataRow.wrap(rowFrame, PgTaggedFraming.HEADER_LENGTH, rowFrame.length() - PgTaggedFraming.HEADER_LENGTH);
        // guide:begin views
        PgFieldDescriptionDecoder field = rowDescription.fields().get(1);
        TextView name = field.name();                // zero-copy, re-pointed by the next wrap
        boolean isTwo = name.contentEquals("two");   // compares without decoding: true
        int nameBytes = name.byteLength();           // 3 (the NUL is not part of the value)
        String copy = field.nameAsString();          // allocates a String, on request

        PgDataRowDecoder.ColumnsCursor columns = dataRow.columns();
        ByteView value = columns.next().value();     // bytes prefix(i32, null = -1): "1"
        boolean isOne = value.contentEquals(new byte[] {'1'});
        int firstByte = value.u8(0);                 // 0x31
        byte[] owned = value.toByteArray();          // a copy the caller owns
        long number = AsciiDecimal.parse(value);     // 1: a text-format integer, read in place
        TextView asText = new TextView().wrap(value); // the same bytes as text, no copy
        // guide:end views
        assertEquals(1, number);
        assertTrue(asText.contentEquals("1"));
        assertTrue(isTwo);
        assertEquals(3, nameBytes);
        assertEquals("two", copy);
        assertTrue(isOne);
        assertEquals(0x31, firstByte);
        assertArrayEquals(new byte[] {'1'}, owned);
    }

    @Test
    void nullsAreAskedFor() {
        PgDataRowDecoder dataRow = new PgDataRowDecoder();
        WireBuffer frame = serverFrame('D', 0);
        dataRow.wrap(frame, PgTaggedFraming.HEADER_LENGTH, frame.length() - PgTaggedFraming.HEADER_LENGTH);
        // guide:begin nulls
        PgDataRowDecoder.ColumnsCursor columns = dataRow.columns();
        columns.get(2);                              // third column: null::int
        boolean isNull = columns.isValueNull();      // true: the length prefix was -1
        int length = columns.length();               // 0 for NULL
        boolean empty = columns.value().isEmpty();   // an empty view, not null
        // guide:end nulls
        assertTrue(isNull);
        assertEquals(0, length);
        assertTrue(empty);
    }

    @Test
    void optionalFieldsAndFlags() {
        byte[] packet = segments("my-mariadb-cli.conv").get(0).bytes();
        // guide:begin optional-and-flags
        MyHandshakeV10Decoder greeting = new MyHandshakeV10Decoder().wrap(
                WireBuffer.of(packet), MyPacketFraming.HEADER_LENGTH, packet.length - MyPacketFraming.HEADER_LENGTH);

        // capabilities is `let capabilities: CapabilityFlags = join(lower, upper)`: raw bits as a long
        long capabilities = greeting.capabilities();
        boolean pluginAuth = new MyCapabilityFlags(capabilities).has(MyCapabilityFlags.CLIENT_PLUGIN_AUTH);

        // auth_plugin_name: cstring if capabilities has CLIENT_PLUGIN_AUTH
        String plugin = greeting.hasAuthPluginName() ? greeting.authPluginNameAsString() : null;

        // status_flags: StatusFlags (a u16 flags type): raw int, wrapped on request
        MyStatusFlags status = new MyStatusFlags(greeting.statusFlags());
        // guide:end optional-and-flags
        assertTrue(pluginAuth);
        assertEquals("mysql_native_password", plugin);
        assertEquals("SERVER_STATUS_AUTOCOMMIT", status.toString());
        assertTrue(greeting.hasMariadbCapabilities(), "MariaDB clears CLIENT_MYSQL");
        assertEquals("5.5.5-10.11.19-MariaDB-0+deb12u1", greeting.serverVersionAsString());
    }

    @Test
    void unionsSayWhichArmWasRead() {
        WireBuffer frame = serverFrame('R', 0);
        List<String> mechanisms = new ArrayList<>();
        // guide:begin union-decoder
        PgAuthenticationDecoder auth = new PgAuthenticationDecoder()
                .wrap(frame, PgTaggedFraming.HEADER_LENGTH, frame.length() - PgTaggedFraming.HEADER_LENGTH);
        PgAuthCode code = auth.codeValue();                   // SASL(10)
        if (auth.bodyArm() == 2) {                            // 0 Ok, 1 Md5Password, 2 Sasl, ... -1 Other
            PgAuthSaslDecoder sasl = auth.bodyAsSasl();       // the arm's nested decoder
            PgAuthSaslDecoder.MechanismsCursor names = sasl.mechanisms();
            while (names.hasNext()) {
                mechanisms.add(names.next().valueAsString());   // SCRAM-SHA-256
            }
        }
        // guide:end union-decoder
        assertEquals("SASL(10)", code.toString());
        assertEquals(List.of("SCRAM-SHA-256"), mechanisms);
    }

    @Test
    void badInputRaisesOneExceptionNamingWhereItWent() {
        WireBuffer frame = serverFrame('T', 0);
        // guide:begin codec-exception
        PgRowDescriptionDecoder rowDescription = new PgRowDescriptionDecoder();
        // The first 50 bytes of the body: the third column's name has no NUL before the end.
        CodecException e = assertThrows(CodecException.class,
                () -> rowDescription.wrap(frame, PgTaggedFraming.HEADER_LENGTH, 50));
        assertEquals("postgresql RowDescription.fields[2].name: no NUL before end of frame at offset 51",
                e.getMessage());
        assertEquals("postgresql", e.protocol());
        assertEquals("RowDescription", e.messageName());
        assertEquals("fields[2].name", e.fieldPath());     // IDL names, not Java names
        assertEquals(51, e.offset());                      // from the start of the frame, header included
        assertEquals("no NUL before end of frame", e.detail());
        // guide:end codec-exception
    }

    // guide:begin zero-allocation
    /** Counts rows and the bytes of their non-NULL values: reading allocates nothing. */
    static final class ColumnBytes implements PgBackendHandler {
        long rows;
        long valueBytes;

        @Override
        public void onDataRow(PgDataRowDecoder row) {
            rows++;
            PgDataRowDecoder.ColumnsCursor columns = row.columns();
            while (columns.hasNext()) {
                if (!columns.next().isValueNull()) {
                    valueBytes += columns.length();
                }
            }
        }
    }
    // guide:end zero-allocation

    /**
     * The guide's claim, measured: after a warm-up, dispatching the whole captured server stream
     * again and again allocates nothing on this thread (decoders, cursors and views are re-pointed).
     */
    @Test
    void dispatchingAndReadingAllocateNothing() {
        WireBuffer[] frames = serverFrames().toArray(new WireBuffer[0]);   // no iterator per pass
        PgBackendDispatcher dispatcher = new PgBackendDispatcher(new PgSession());
        ColumnBytes handler = new ColumnBytes();
        for (int i = 0; i < 2_000; i++) {
            dispatchAll(frames, dispatcher, handler);    // warm-up: lazy parts, class loading, JIT
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int passes = 1_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < passes; i++) {
            dispatchAll(frames, dispatcher, handler);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(3_000L * 21, handler.rows);
        // One String or array per pass would be at least 16 bytes a pass; allow for measuring noise only.
        assertTrue(allocated < passes, () -> allocated + " bytes allocated in " + passes + " passes");
    }

    private static void dispatchAll(WireBuffer[] frames, PgBackendDispatcher dispatcher, PgBackendHandler handler) {
        for (WireBuffer frame : frames) {
            dispatcher.dispatch(frame, handler);
        }
    }

    // ------------------------------------------------------------------ encoders

    @Test
    void encodersWriteFramesInPlace() {
        byte[] captured = clientSegment('Q', 2);   // select 1/0
        // guide:begin encode-frame
        WireWriter out = WireWriter.growable();                  // or WireWriter.into(yourBuffer, offset, length)
        PgTaggedFrameEncoder frame = new PgTaggedFrameEncoder(); // reusable, like the message encoder
        PgQueryEncoder query = new PgQueryEncoder();

        frame.wrap(out).tag(PgQueryEncoder.TAG).body();          // 'Q', then room for the length
        query.wrap(out).sql("select 1/0");                       // the body, written in place
        query.finish();
        int frameLength = frame.finish();                        // back-patches the length: 15 + 1
        byte[] bytes = out.toByteArray();                        // 51 00 00 00 0f "select 1/0" 00
        // guide:end encode-frame
        assertEquals(16, frameLength);
        assertArrayEquals(captured, bytes);
    }

    @Test
    void nestedEncodersArraysAndDerivedCounts() {
        WireBuffer captured = serverFrame('T', 0);
        // guide:begin encode-nested
        WireWriter out = WireWriter.growable();
        PgRowDescriptionEncoder rowDescription = new PgRowDescriptionEncoder().wrap(out);
        // field_count is derived (u16 = count(fields)): no setter, back-patched by finish()
        rowDescription.fieldsAdd()                        // the element encoder, positioned
                .name("one").tableOid(0).columnAttribute(0)
                .typeOid(23).typeSize(4).typeModifier(-1)
                .format(PgFormatCode.TEXT);               // typed enum setter
        rowDescription.fieldsAdd()                        // finishes the previous element
                .name("two").tableOid(0).columnAttribute(0)
                .typeOid(25).typeSize(-1).typeModifier(-1)
                .format(0);                               // raw setter: the same bytes
        rowDescription.fieldsAdd()
                .name("nothing").tableOid(0).columnAttribute(0)
                .typeOid(23).typeSize(4).typeModifier(-1)
                .format(PgFormatCode.TEXT);
        int bodyLength = rowDescription.finish();         // 72
        // guide:end encode-nested
        assertEquals(72, bodyLength);
        assertArrayEquals(body(captured), out.toByteArray());
    }

    @Test
    void byteArraysAndNulls() {
        WireBuffer captured = serverFrame('D', 0);
        // guide:begin encode-nulls
        WireWriter out = WireWriter.growable();
        PgDataRowEncoder dataRow = new PgDataRowEncoder().wrap(out);
        dataRow.columnsAdd(new byte[] {'1'});                // i32 length prefix written for you
        dataRow.columnsAdd("xtwox".getBytes(UTF_8), 1, 3);   // a slice of a caller's array
        dataRow.columnsAddNull();                            // the null marker: length -1
        dataRow.finish();                                    // back-patches column_count: 3
        // guide:end encode-nulls
        assertArrayEquals(body(captured), out.toByteArray());
    }

    @Test
    void misuseIsRefusedWithTheFieldsName() {
        // guide:begin encoder-misuse
        PgFieldDescriptionEncoder field = new PgFieldDescriptionEncoder().wrap(WireWriter.growable());
        IllegalStateException skipped = assertThrows(IllegalStateException.class, () -> field.tableOid(0));
        assertEquals("FieldDescription.name: required", skipped.getMessage());

        PgFieldDescriptionEncoder twice = new PgFieldDescriptionEncoder().wrap(WireWriter.growable());
        twice.name("a");
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> twice.name("b"));
        assertEquals("FieldDescription.name: set out of order or twice (members go in wire order)",
                again.getMessage());

        PgFieldDescriptionEncoder unfinished = new PgFieldDescriptionEncoder().wrap(WireWriter.growable());
        unfinished.name("a");
        IllegalStateException missing = assertThrows(IllegalStateException.class, unfinished::finish);
        assertEquals("FieldDescription.tableOid: required", missing.getMessage());

        PgAuthenticationEncoder auth = new PgAuthenticationEncoder().wrap(WireWriter.growable());
        auth.code(PgAuthCode.OK);
        IllegalStateException wrongArm = assertThrows(IllegalStateException.class, auth::bodyAsSasl);
        assertEquals("Authentication.body: arm Sasl does not match the union's subject", wrongArm.getMessage());
        // guide:end encoder-misuse
    }

    @Test
    void unionEncoders() {
        WireBuffer captured = serverFrame('R', 0);
        // guide:begin encode-union
        WireWriter out = WireWriter.growable();
        PgAuthenticationEncoder auth = new PgAuthenticationEncoder().wrap(out);
        auth.code(PgAuthCode.SASL);
        auth.bodyAsSasl()                   // the Sasl arm's encoder; checked against the code
                .mechanismsAdd("SCRAM-SHA-256");
        auth.finish();                      // writes the list's terminating empty name
        // guide:end encode-union
        assertArrayEquals(body(captured), out.toByteArray());
    }

    // ------------------------------------------------------------------ records

    @Test
    void recordsDecodeAndEncodeInOneLine() {
        byte[] body = body(serverFrame('T', 0));
        // guide:begin records
        PgRowDescription columns = PgRowDescription.decode(body);
        PgFieldDescription one = columns.fields().get(0);
        // PgFieldDescription[name=one, tableOid=0, columnAttribute=0, typeOid=23, typeSize=4,
        //                    typeModifier=-1, format=TEXT(0)]
        PgRowDescription expected = new PgRowDescription(List.of(
                new PgFieldDescription("one", 0, 0, 23, 4, -1, PgFormatCode.TEXT),
                new PgFieldDescription("two", 0, 0, 25, -1, -1, PgFormatCode.TEXT),
                new PgFieldDescription("nothing", 0, 0, 23, 4, -1, PgFormatCode.TEXT)));
        assertEquals(expected, columns);
        assertArrayEquals(body, expected.encode());                     // canonical input: bytes -> record -> bytes
        assertEquals(expected, PgRowDescription.decode(expected.encode()));   // record -> bytes -> record
        // guide:end records
        assertEquals("one", one.name());
    }

    @Test
    void recordsGoInsideFrames() {
        byte[] captured = clientSegment('Q', 2);
        // guide:begin records-frame
        WireWriter out = WireWriter.growable();
        PgTaggedFrameEncoder frame = new PgTaggedFrameEncoder().wrap(out);
        frame.tag(PgQueryEncoder.TAG).body();
        new PgQuery("select 1/0").encodeTo(out);   // the record's bytes go where the body goes
        frame.finish();
        // guide:end records-frame
        assertArrayEquals(captured, out.toByteArray());
    }

    @Test
    void recordsCompareByteArraysByContent() {
        byte[] body = body(serverFrame('D', 0));
        // guide:begin records-bytes
        PgDataRow row = PgDataRow.decode(body);
        PgDataRow same = new PgDataRow(java.util.Arrays.asList("1".getBytes(UTF_8), "two".getBytes(UTF_8), null));
        assertEquals(same, row);                  // byte[] components compare by content
        assertEquals(same.hashCode(), row.hashCode());
        assertEquals("PgDataRow[columns=[[49], [116, 119, 111], null]]", row.toString());
        // guide:end records-bytes
    }

    @Test
    void unionRecords() {
        byte[] body = body(serverFrame('R', 0));
        // guide:begin records-union
        PgAuthentication auth = PgAuthentication.decode(body);
        assertEquals(new PgAuthentication(PgAuthCode.SASL,
                new PgAuthenticationBody.Sasl(new PgAuthSasl(List.of("SCRAM-SHA-256")))), auth);
        if (auth.body() instanceof PgAuthenticationBody.Sasl sasl) {
            List<String> mechanisms = sasl.value().mechanisms();
            assertEquals(List.of("SCRAM-SHA-256"), mechanisms);
        }
        // guide:end records-union
        assertTrue(auth.body() instanceof PgAuthenticationBody.Sasl);
    }

    // ------------------------------------------------------------------ session and transforms

    @Test
    void theSessionChoosesAmongMessagesSharingATag() {
        byte[] saslInitial = clientSegment('p', 0);
        List<String> seen = new ArrayList<>();
        // guide:begin session
        PgSession session = new PgSession();                      // one per connection
        PgFrontendDispatcher fromClient = new PgFrontendDispatcher(session);
        fromClient.framing(PgTaggedFraming.INSTANCE);             // past the startup frames
        PgFrontendHandler handler = new PgFrontendHandler() {
            @Override
            public void onSASLInitialResponse(PgSASLInitialResponseDecoder m) {
                seen.add(m.mechanismAsString());
            }
        };
        // Four messages share the tag 'p'; `when session.auth == SASL` picks SASLInitialResponse.
        // A machine records it from AuthenticationSASL; here we set it as the machine would.
        session.auth = PgAuthKind.SASL;
        fromClient.dispatch(WireBuffer.of(saslInitial), handler);
        // guide:end session
        assertEquals(List.of("SCRAM-SHA-256"), seen);
        session.reset();
        assertSame(PgAuthKind.NONE, session.auth);
    }

    // guide:begin transforms-impl
    /** [MS-TDS] 2.2.6.4: swap the nibbles of every byte, XOR with 0xA5 (and back). */
    static final class TdsPasswordObfuscation implements TdsTransforms {
        @Override
        public void encodeTdsPassword(WireWriter out, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                int b = out.u8At(i);
                out.patch8(i, (((b << 4) | (b >>> 4)) & 0xFF) ^ 0xA5);
            }
        }

        @Override
        public void decodeTdsPassword(byte[] data, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                int b = (data[i] & 0xFF) ^ 0xA5;
                data[i] = (byte) (((b << 4) | (b >>> 4)) & 0xFF);
            }
        }
    }
    // guide:end transforms-impl

    /**
     * The registry is global to the JVM and has no "uninstall"; nothing else in this module installs
     * TDS transforms, so the failure before the install is observable here.
     */
    @Test
    void transformsAreTheEscapeHatch() {
        TdsLogin7Body login = new TdsLogin7Body(0x74000004L, 4096, 7, 100, 0,
                new TdsOptionFlags1(0), new TdsOptionFlags2(0), new TdsTypeFlags(0), new TdsOptionFlags3(0),
                0, 0x409, new byte[6], 0, 0, "host", "sa", "secret", "app", "server", new byte[0],
                "odbc", "", "master", new byte[0], "", "");
        // guide:begin transforms-missing
        IllegalStateException none = assertThrows(IllegalStateException.class, login::encode);
        assertEquals("hand-written transform 'tds_password' has no implementation: "
                + "call TdsTransformRegistry.install(...) first", none.getMessage());
        // guide:end transforms-missing
        // guide:begin transforms-install
        TdsTransformRegistry.install(new TdsPasswordObfuscation());   // once, at startup

        byte[] body = login.encode();                        // the encoder obfuscates the password
        assertEquals(login, TdsLogin7Body.decode(body));     // the record gets the plain text back
        TdsLogin7BodyDecoder wire = new TdsLogin7BodyDecoder().wrap(WireBuffer.of(body));
        assertNotEquals("secret", wire.passwordAsString());  // the flyweight shows the wire form
        // guide:end transforms-install
        assertEquals("92a5f3a593a582a5f3a5e2a5", HexFormat.of().formatHex(utf16(wire.password())));
    }

    private static byte[] utf16(TextView text) {
        return new ByteView().wrap(text.buffer(), 0, text.byteLength()).toByteArray();
    }

    // ------------------------------------------------------------------ framing

    @Test
    void theAccumulatorWaitsForWholeFrames() {
        byte[] segment = serverSegment('Z', 0);    // ReadyForQuery, 6 bytes
        List<String> log = new ArrayList<>();
        // guide:begin accumulator-partial
        FrameAccumulator frames = new FrameAccumulator(PgTaggedFraming.INSTANCE, Limits.DEFAULTS);
        frames.feed(segment, 0, 1);                     // 'Z' only
        log.add(frames.next() + " needs " + frames.needed());   // false needs 4: the header is 5 bytes
        frames.feed(segment, 1, 4);                     // the length: 5, so 1 body byte is missing
        log.add(frames.next() + " needs " + frames.needed());   // false needs 1
        frames.feed(segment, 5, 1);
        log.add(frames.next() + " length " + frames.frame().length());   // true length 6
        // guide:end accumulator-partial
        assertEquals(List.of("false needs 4", "false needs 1", "true length 6"), log);
        assertEquals('Z', PgTaggedFraming.INSTANCE.tagOf(frames.frame()));
        assertEquals('I', frames.frame().u8(5), "ReadyForQuery: idle");
    }

    @Test
    void theAccumulatorRefusesOversizedFramesBeforeBufferingThem() {
        // guide:begin accumulator-max
        byte[] header = {'D', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};   // a body of 2 GiB - 5
        FrameAccumulator frames = new FrameAccumulator(PgTaggedFraming.INSTANCE, Limits.DEFAULTS);
        frames.feed(header, 0, header.length);
        CodecException tooBig = assertThrows(CodecException.class, frames::next);
        assertEquals("postgresql framing tagged: body of 2147483643 bytes exceeds the maximum of 1073741824"
                + " at offset 0", tooBig.getMessage());                      // the framing's `max 1 << 30`

        Limits oneKiB = Limits.DEFAULTS.withMaxFrameBytes(1024);
        FrameAccumulator small = new FrameAccumulator(PgTaggedFraming.INSTANCE, oneKiB);
        small.feed(new byte[] {'D', 0, 0, 0x10, 0}, 0, 5);                   // 4096 bytes of body
        CodecException overLimit = assertThrows(CodecException.class, small::next);
        assertEquals("frame of 4097 bytes exceeds the limit of 1024 at offset 0", overLimit.getMessage());
        // guide:end accumulator-max
        assertTrue(small.capacity() <= 1024, "nothing was allocated for the announced frame");
    }

    // ------------------------------------------------------------------ handlers and dispatchers

    @Test
    void unknownFramesGoToOnUnknown() {
        List<String> seen = new ArrayList<>();
        // guide:begin on-unknown
        PgBackendDispatcher dispatcher = new PgBackendDispatcher(new PgSession());
        PgBackendHandler handler = new PgBackendHandler() {
            @Override
            public void onUnknown(long tag, WireBuffer body) {
                seen.add((char) tag + " with " + body.length() + " body bytes");
            }
        };
        dispatcher.dispatch(WireBuffer.of(new byte[] {'!', 0, 0, 0, 6, 1, 2}), handler);   // no message has tag '!'
        // guide:end on-unknown
        assertEquals(List.of("! with 2 body bytes"), seen);
    }

    // ------------------------------------------------------------------ the state machine

    // guide:begin machine-subclass
    /** Counts the rows of each simple query; the machine has already checked the order. */
    static final class RowCounter extends PgMachine {
        final List<String> log = new ArrayList<>();
        private int rows;

        RowCounter() {
            super(new PgSession());
        }

        @Override
        protected void onSimpleQueryDataRow(PgDataRowDecoder m) {
            rows++;
        }

        @Override
        protected void onSimpleQueryCommandComplete(PgCommandCompleteDecoder m) {
            log.add(m.commandTagAsString() + " after " + rows + " rows");
            rows = 0;
        }

        @Override
        protected void onTransition(PgState from, PgState to) {
            log.add(from + " -> " + to);
        }
    }
    // guide:end machine-subclass

    @Test
    void theMachineFollowsBothDirections() {
        List<Segment> capture = segments("pg-psql-scram-simple.conv");
        // guide:begin machine-run
        RowCounter machine = new RowCounter();
        PgFrontendDispatcher fromClient = new PgFrontendDispatcher(machine.session(), machine);
        PgBackendDispatcher fromServer = new PgBackendDispatcher(machine.session(), machine);
        FrameAccumulator clientFrames = new FrameAccumulator(fromClient.framing(), Limits.DEFAULTS);
        FrameAccumulator serverFrames = new FrameAccumulator(fromServer.framing(), Limits.DEFAULTS);
        for (Segment segment : capture) {                  // in the order they were sent
            byte[] bytes = segment.bytes();
            if (segment.fromClient()) {
                clientFrames.feed(bytes, 0, bytes.length);
                while (clientFrames.next()) {
                    fromClient.dispatch(clientFrames.frame(), machine.frontend());
                    clientFrames.switchReader(fromClient.framing());   // untagged startup -> tagged
                }
            } else {
                serverFrames.feed(bytes, 0, bytes.length);
                while (serverFrames.next()) {
                    fromServer.dispatch(serverFrames.frame(), machine.backend());
                    serverFrames.switchReader(fromServer.framing());
                }
            }
        }
        // guide:end machine-run
        assertEquals(List.of(
                "Startup -> Authenticating", "Authenticating -> Idle",
                "Idle -> SimpleQuery", "SELECT 1 after 1 rows", "SimpleQuery -> Idle",
                "Idle -> SimpleQuery", "SELECT 20 after 20 rows", "SimpleQuery -> Idle",
                "Idle -> SimpleQuery", "SimpleQuery -> Idle",
                "Idle -> Closed"), machine.log);
        assertSame(PgState.Closed, machine.state());
        assertTrue(machine.state().isFinal());
        assertSame(PgAuthKind.NONE, machine.session().auth, "AuthenticationOk records NONE");
    }

    @Test
    void theMachineRefusesMessagesOutOfPlace() {
        PgDataRowDecoder dataRow = new PgDataRowDecoder();
        WireBuffer frame = serverFrame('D', 0);
        dataRow.wrap(frame, PgTaggedFraming.HEADER_LENGTH, frame.length() - PgTaggedFraming.HEADER_LENGTH);
        // guide:begin machine-rejects
        PgMachine machine = new PgMachine(new PgSession());          // in Startup
        ProtocolStateException e = assertThrows(ProtocolStateException.class, () -> machine.receive(dataRow));
        assertEquals("postgresql DataRow: backend message not allowed in state Startup; allowed: "
                + "ParameterStatus, ErrorResponse, NoticeResponse, NotificationResponse", e.getMessage());
        assertEquals("Startup", e.state());
        assertTrue(e instanceof CodecException);                      // one catch for both kinds of bad peer
        assertFalse(machine.allows(io.sqlxwire.runtime.Direction.SERVER_TO_CLIENT, PgMachine.DATA_ROW));
        // guide:end machine-rejects
        assertSame(PgState.Startup, machine.state(), "a refused message does not move the machine");
    }

    // ------------------------------------------------------------------ detection

    @Test
    void detectorsTellProtocolsApart() {
        byte[] startup = segments("pg-psql-scram-simple.conv").get(0).bytes();
        // guide:begin detector
        ProtocolDetector postgres = PgDetector.create();
        Detection first3 = postgres.detect(startup, 0, 3);
        Detection whole = postgres.detect(startup, 0, startup.length);
        assertEquals("need 5 more bytes", first3.toString());
        assertEquals("postgresql by signature startup", whole.toString());

        // One detector for several protocols on one port: concatenate their signatures.
        List<Signature> both = Stream.concat(PgDetector.SIGNATURES.stream(), MyDetector.SIGNATURES.stream()).toList();
        ProtocolDetector any = new ProtocolDetector(both);
        assertEquals("postgresql", any.detect(startup, 0, startup.length).protocol());
        // guide:end detector
        assertTrue(whole.isProtocol());
        assertTrue(any.hasServerFirstProtocol(), "MySQL's server speaks first");
    }

    // ------------------------------------------------------------------ the guide itself

    @Test
    void theGuideQuotesTheCodeExactly() throws IOException {
        String guide = Files.readString(GUIDE, UTF_8);
        Map<String, String> snippets = snippets(Files.readString(THIS_SOURCE, UTF_8));
        List<String> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        Map<String, JavaFile> generatedTests = null;
        for (Block block : blocks(guide)) {
            if (block.kind().equals("guide")) {
                used.add(block.argument());
                String snippet = snippets.get(block.argument());
                if (snippet == null) {
                    problems.add("the guide quotes snippet '" + block.argument() + "', which the test does not have");
                } else if (!snippet.equals(block.code())) {
                    problems.add("snippet '" + block.argument() + "' differs; the test has:\n" + snippet);
                }
            } else if (block.kind().equals("excerpt")) {
                Path file = GENERATED_MAIN.resolve(block.argument());
                if (!Files.isRegularFile(file)) {
                    problems.add("excerpt of a missing file " + file);
                } else {
                    checkExcerpt(block, Files.readString(file, UTF_8), problems);
                }
            } else if (block.kind().equals("excerpt-test")) {
                if (generatedTests == null) {
                    generatedTests = generatedTestSources("postgresql.wire");
                }
                String type = block.argument().substring(block.argument().indexOf(' ') + 1);
                JavaFile file = generatedTests.get(type);
                if (file == null) {
                    problems.add("no generated test source " + type + " (have " + generatedTests.keySet() + ")");
                } else {
                    checkExcerpt(block, file.toString(), problems);
                }
            } else if (block.kind().equals("output")) {
                // The printed lines, in order; "..." stands for lines left out of the guide.
                checkExcerpt(block, workedExampleOutput(), problems);
            } else {
                problems.add("unknown marker " + block.kind());
            }
        }
        for (String name : snippets.keySet()) {
            if (!used.contains(name)) {
                problems.add("snippet '" + name + "' is not in the guide");
            }
        }
        // Every Java block is checked: none without a marker, no marker the pattern did not read.
        long javaBlocks = guide.lines().filter(line -> line.equals("```java")).count();
        long checkedJava = blocks(guide).stream().filter(b -> !b.kind().equals("output")).count();
        if (javaBlocks != checkedJava) {
            problems.add(javaBlocks + " Java blocks but " + checkedJava + " marked ones");
        }
        long markers = Pattern.compile("<!-- (guide|excerpt|excerpt-test|output):").matcher(guide).results().count();
        if (markers != blocks(guide).size()) {
            problems.add(markers + " markers but " + blocks(guide).size() + " marked blocks read");
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n\n", problems));
        assertTrue(used.size() >= 20, "the guide quotes the snippets: " + used);
    }

    /** Generated class names the guide mentions in inline code exist (nested ones included). */
    @Test
    void theGuideNamesOnlyClassesThatExist() throws IOException {
        String guide = Files.readString(GUIDE, UTF_8);
        Matcher inline = Pattern.compile("`([^`\n]+)`").matcher(guide);
        Pattern typeName = Pattern.compile("\\b(?:Pg|My|Tds|Resp|Cql)[A-Z][A-Za-z0-9]*(?:\\.[A-Z][a-z][A-Za-z0-9]*)?");
        // The test sources are generated by the plugin's generate-test goal, not checked in here.
        java.util.Set<String> generatedTests = generatedTestSources("postgresql.wire").keySet();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        while (inline.find()) {
            Matcher name = typeName.matcher(inline.group(1));
            while (name.find()) {
                String found = name.group();
                if (found.equals("MySQL") || found.contains("Xxx")) {
                    continue;
                }
                checked++;
                if (!classExists(found) && !generatedTests.contains(found)) {
                    missing.add(found);
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "the guide names classes that are not generated: " + missing);
        assertTrue(checked > 30, "found " + checked + " class names");
    }

    /** The excerpt checks can fail: a changed line is caught. */
    @Test
    void anExcerptThatWasEditedIsCaught() {
        String source = "public record PgAuthCode(int value) {\n  public static final PgAuthCode OK = new PgAuthCode(0);\n";
        List<String> problems = new ArrayList<>();
        checkExcerpt(new Block("excerpt", "x", "public record PgAuthCode(int value) {\n  ...\n  OK = new PgAuthCode(0);"),
                source, problems);
        assertEquals(1, problems.size(), "a partial line is no match: " + problems);
        problems.clear();
        checkExcerpt(new Block("excerpt", "x", "  public static final PgAuthCode OK = new PgAuthCode(1);"),
                source, problems);
        assertEquals(1, problems.size(), problems::toString);
    }

    private static boolean classExists(String name) {
        String packageName;
        String simple = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (simple.startsWith("Pg")) {
            packageName = "postgresql";
        } else if (simple.startsWith("Tds")) {
            packageName = "tds";
        } else if (simple.startsWith("Resp")) {
            packageName = "redis";
        } else if (simple.startsWith("Cql")) {
            packageName = "cql";
        } else {
            packageName = "mysql";
        }
        try {
            Class.forName("io.sqlxwire.protocols." + packageName + "." + name.replace('.', '$'));
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A fenced block of the guide and the marker line before it. */
    record Block(String kind, String argument, String code) {}

    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!-- (guide|excerpt|excerpt-test|output):\\s*([^>]*?)\\s*-->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    static List<Block> blocks(String guide) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = MARKED_BLOCK.matcher(guide.replace("\r\n", "\n"));
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2), m.group(3)));
        }
        return blocks;
    }

    /** The snippets between the begin and end markers, dedented by their common indentation. */
    static Map<String, String> snippets(String source) {
        Map<String, String> snippets = new LinkedHashMap<>();
        List<String> lines = source.replace("\r\n", "\n").lines().toList();
        Pattern begin = Pattern.compile("^\\s*// guide:begin (\\S+)$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = begin.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("// guide:end " + name)) {
                body.add(lines.get(j));
                j++;
            }
            if (j == lines.size()) {
                fail("snippet " + name + " has no end marker");
            }
            int indent = body.stream().filter(l -> !l.isBlank())
                    .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            List<String> dedented = body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
            if (snippets.put(name, String.join("\n", dedented)) != null) {
                fail("two snippets named " + name);
            }
            i = j;
        }
        return snippets;
    }

    /** Every line of the excerpt but {@code ...} occurs in the source, in the same order (spaces trimmed). */
    static void checkExcerpt(Block block, String source, List<String> problems) {
        List<String> lines = source.lines().map(String::strip).toList();
        int at = 0;
        for (String wanted : block.code().lines().map(String::strip).toList()) {
            if (wanted.isEmpty() || wanted.equals("...")) {
                continue;
            }
            int found = -1;
            for (int i = at; i < lines.size(); i++) {
                if (lines.get(i).equals(wanted)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                problems.add("excerpt of " + block.argument() + ": no line '" + wanted + "' (after line " + at + ")");
                return;
            }
            at = found + 1;
        }
    }

    private static Map<String, JavaFile> generatedTestSources(String wireFile) {
        var model = WireCompiler.checkFile(Path.of("src", "main", "sqlxwire", wireFile)).modelOrThrow();
        Map<String, JavaFile> byName = new LinkedHashMap<>();
        for (JavaFile file : Generation.testSources().generate(model)) {
            byName.put(file.typeSpec().name(), file);
        }
        return byName;
    }

    // ------------------------------------------------------------------ capture helpers

    static List<Segment> segments(String capture) {
        List<String> lines;
        try {
            lines = Files.readAllLines(CAPTURES.resolve(capture), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Segment> segments = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("C ") || line.startsWith("S ")) {
                segments.add(new Segment(line.charAt(0) == 'C', HexFormat.of().parseHex(line.substring(2).strip())));
            }
        }
        return segments;
    }

    /** Every frame the server sent in the PostgreSQL capture, each in an array of its own. */
    private static List<WireBuffer> serverFrames() {
        FrameAccumulator frames = new FrameAccumulator(PgTaggedFraming.INSTANCE, Limits.DEFAULTS);
        List<WireBuffer> out = new ArrayList<>();
        for (Segment segment : segments("pg-psql-scram-simple.conv")) {
            if (!segment.fromClient()) {
                frames.feed(segment.bytes(), 0, segment.bytes().length);
                while (frames.next()) {
                    WireBuffer frame = frames.frame();
                    byte[] copy = new byte[frame.length()];
                    for (int i = 0; i < copy.length; i++) {
                        copy[i] = (byte) frame.u8(i);
                    }
                    out.add(WireBuffer.of(copy));
                }
            }
        }
        return out;
    }

    /** The {@code index}-th server frame with tag {@code tag}. */
    private static WireBuffer serverFrame(char tag, int index) {
        int seen = 0;
        for (WireBuffer frame : serverFrames()) {
            if (frame.u8(0) == tag && seen++ == index) {
                return frame;
            }
        }
        throw new AssertionError("no server frame " + tag + " #" + index);
    }

    private static byte[] serverSegment(char tag, int index) {
        return segment(false, tag, index);
    }

    private static byte[] clientSegment(char tag, int index) {
        return segment(true, tag, index);
    }

    /** The {@code index}-th segment of one side that starts with {@code tag} (one whole frame in this capture). */
    private static byte[] segment(boolean fromClient, char tag, int index) {
        int seen = 0;
        for (Segment segment : segments("pg-psql-scram-simple.conv")) {
            if (segment.fromClient() == fromClient && segment.bytes()[0] == tag && seen++ == index) {
                return segment.bytes();
            }
        }
        throw new AssertionError("no segment " + tag + " #" + index);
    }

    private static byte[] body(WireBuffer frame) {
        byte[] body = new byte[frame.length() - PgTaggedFraming.HEADER_LENGTH];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) frame.u8(PgTaggedFraming.HEADER_LENGTH + i);
        }
        return body;
    }
}
