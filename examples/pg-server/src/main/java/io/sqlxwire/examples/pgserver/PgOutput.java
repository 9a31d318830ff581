package io.sqlxwire.examples.pgserver;

import io.sqlxwire.protocols.postgresql.PgAuthCode;
import io.sqlxwire.protocols.postgresql.PgAuthenticationEncoder;
import io.sqlxwire.protocols.postgresql.PgBackendDispatcher;
import io.sqlxwire.protocols.postgresql.PgBackendKeyDataEncoder;
import io.sqlxwire.protocols.postgresql.PgBindCompleteEncoder;
import io.sqlxwire.protocols.postgresql.PgCloseCompleteEncoder;
import io.sqlxwire.protocols.postgresql.PgCommandCompleteEncoder;
import io.sqlxwire.protocols.postgresql.PgDataRowEncoder;
import io.sqlxwire.protocols.postgresql.PgEmptyQueryResponseEncoder;
import io.sqlxwire.protocols.postgresql.PgEncryptionRefusedEncoder;
import io.sqlxwire.protocols.postgresql.PgErrorResponseEncoder;
import io.sqlxwire.protocols.postgresql.PgFieldDescriptionEncoder;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgNegotiateProtocolVersionEncoder;
import io.sqlxwire.protocols.postgresql.PgNoDataEncoder;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldCode;
import io.sqlxwire.protocols.postgresql.PgNoticeResponseEncoder;
import io.sqlxwire.protocols.postgresql.PgParameterDescriptionEncoder;
import io.sqlxwire.protocols.postgresql.PgParameterStatusEncoder;
import io.sqlxwire.protocols.postgresql.PgParseCompleteEncoder;
import io.sqlxwire.protocols.postgresql.PgPortalSuspendedEncoder;
import io.sqlxwire.protocols.postgresql.PgReadyForQueryEncoder;
import io.sqlxwire.protocols.postgresql.PgRowDescriptionEncoder;
import io.sqlxwire.protocols.postgresql.PgSingleByteFrameEncoder;
import io.sqlxwire.protocols.postgresql.PgSslAcceptedEncoder;
import io.sqlxwire.protocols.postgresql.PgTaggedFrameEncoder;
import io.sqlxwire.protocols.postgresql.PgTransactionStatus;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Everything the server sends, written with the generated encoders into one buffer and flushed
 * to the socket when the client waits for an answer (ReadyForQuery, Flush, the authentication
 * steps) or when the buffer grows large.
 *
 * <p>Each frame, once written, is read back through the generated backend dispatcher into the
 * connection's {@link PgMachine}: the state machine of postgresql.wire then checks the server's
 * side of the conversation too (a message out of order is a bug here, and fails loudly), and it
 * follows the 'p' message kinds and the framing switches the server's answers decide.
 */
final class PgOutput {
    /** Flush mid-result above this many buffered bytes, so a large result never sits in memory. */
    private static final int FLUSH_THRESHOLD = 64 * 1024;

    private final WireWriter out = WireWriter.growable();
    private final WireBuffer written = new WireBuffer();
    private final WireBuffer frameView = new WireBuffer();
    private final PgTaggedFrameEncoder frame = new PgTaggedFrameEncoder();
    private final PgSingleByteFrameEncoder singleByte = new PgSingleByteFrameEncoder();
    private final PgAuthenticationEncoder authentication = new PgAuthenticationEncoder();
    private final PgParameterStatusEncoder parameterStatus = new PgParameterStatusEncoder();
    private final PgBackendKeyDataEncoder backendKeyData = new PgBackendKeyDataEncoder();
    private final PgReadyForQueryEncoder readyForQuery = new PgReadyForQueryEncoder();
    private final PgRowDescriptionEncoder rowDescription = new PgRowDescriptionEncoder();
    private final PgDataRowEncoder dataRow = new PgDataRowEncoder();
    private final PgCommandCompleteEncoder commandComplete = new PgCommandCompleteEncoder();
    private final PgEmptyQueryResponseEncoder emptyQuery = new PgEmptyQueryResponseEncoder();
    private final PgErrorResponseEncoder errorResponse = new PgErrorResponseEncoder();
    private final PgNoticeResponseEncoder noticeResponse = new PgNoticeResponseEncoder();
    private final PgParseCompleteEncoder parseComplete = new PgParseCompleteEncoder();
    private final PgBindCompleteEncoder bindComplete = new PgBindCompleteEncoder();
    private final PgCloseCompleteEncoder closeComplete = new PgCloseCompleteEncoder();
    private final PgNoDataEncoder noData = new PgNoDataEncoder();
    private final PgPortalSuspendedEncoder portalSuspended = new PgPortalSuspendedEncoder();
    private final PgParameterDescriptionEncoder parameterDescription = new PgParameterDescriptionEncoder();
    private final PgNegotiateProtocolVersionEncoder negotiate = new PgNegotiateProtocolVersionEncoder();
    private final PgSslAcceptedEncoder sslAccepted = new PgSslAcceptedEncoder();
    private final PgEncryptionRefusedEncoder encryptionRefused = new PgEncryptionRefusedEncoder();

    private OutputStream stream;
    private PgMachine machine;
    private PgBackendDispatcher checker;
    private int frameStart;

    PgOutput(OutputStream stream) {
        this.stream = stream;
    }

    /** Follows a new machine (a new conversation after TLS) and writes to a new stream. */
    void attach(OutputStream newStream, PgMachine newMachine) {
        this.stream = newStream;
        this.machine = newMachine;
        this.checker = new PgBackendDispatcher(newMachine.session(), newMachine);
    }

    // ------------------------------------------------------------------ startup

    void sslAccepted() throws IOException {
        frameStart = out.position();
        singleByte.wrap(out).answer(PgSslAcceptedEncoder.TAG).body();
        sslAccepted.wrap(out).finish();
        singleByte.finish();
        check();
        flush();
    }

    void encryptionRefused() throws IOException {
        frameStart = out.position();
        singleByte.wrap(out).answer(PgEncryptionRefusedEncoder.TAG).body();
        encryptionRefused.wrap(out).finish();
        singleByte.finish();
        check();
        flush();
    }

    void negotiateProtocolVersion(int newestMinor, List<String> unrecognized) {
        begin(PgNegotiateProtocolVersionEncoder.TAG);
        negotiate.wrap(out).newestMinorVersion(newestMinor);
        for (String option : unrecognized) {
            negotiate.unrecognizedOptionsAdd(option);
        }
        negotiate.finish();
        end();
    }

    void authenticationSasl(String mechanism) {
        begin(PgAuthenticationEncoder.TAG);
        authentication.wrap(out).code(PgAuthCode.SASL);
        authentication.bodyAsSasl().mechanismsAdd(mechanism);
        authentication.finish();
        end();
    }

    void authenticationSaslContinue(byte[] data) {
        begin(PgAuthenticationEncoder.TAG);
        authentication.wrap(out).code(PgAuthCode.SASL_CONTINUE).bodyAsSaslContinue(data);
        authentication.finish();
        end();
    }

    void authenticationSaslFinal(byte[] data) {
        begin(PgAuthenticationEncoder.TAG);
        authentication.wrap(out).code(PgAuthCode.SASL_FINAL).bodyAsSaslFinal(data);
        authentication.finish();
        end();
    }

    void authenticationMd5(byte[] salt) {
        begin(PgAuthenticationEncoder.TAG);
        authentication.wrap(out).code(PgAuthCode.MD5_PASSWORD);
        authentication.bodyAsMd5Password().salt(salt);
        authentication.finish();
        end();
    }

    void authenticationOk() {
        begin(PgAuthenticationEncoder.TAG);
        authentication.wrap(out).code(PgAuthCode.OK).bodyAsOk();
        authentication.finish();
        end();
    }

    void parameterStatus(String name, String value) {
        begin(PgParameterStatusEncoder.TAG);
        parameterStatus.wrap(out).name(name).value(value).finish();
        end();
    }

    void backendKeyData(int processId, byte[] secret) {
        begin(PgBackendKeyDataEncoder.TAG);
        backendKeyData.wrap(out).processId(processId).secretKey(secret).finish();
        end();
    }

    void readyForQuery(PgTransactionStatus status) {
        begin(PgReadyForQueryEncoder.TAG);
        readyForQuery.wrap(out).status(status).finish();
        end();
    }

    // ------------------------------------------------------------------ results

    /** One column of a RowDescription. */
    record Column(String name, PgType type, int typeModifier, int format) {
    }

    void rowDescription(List<Column> columns) {
        begin(PgRowDescriptionEncoder.TAG);
        rowDescription.wrap(out);
        for (Column c : columns) {
            PgFieldDescriptionEncoder field = rowDescription.fieldsAdd();
            field.name(c.name()).tableOid(0).columnAttribute(0).typeOid(c.type().oid)
                    .typeSize(c.type().size).typeModifier(c.typeModifier()).format(c.format());
        }
        rowDescription.finish();
        end();
    }

    /** A DataRow of already formatted values ({@code null} for SQL NULL). */
    void dataRow(byte[][] values) {
        begin(PgDataRowEncoder.TAG);
        dataRow.wrap(out);
        for (byte[] value : values) {
            if (value == null) {
                dataRow.columnsAddNull();
            } else {
                dataRow.columnsAdd(value);
            }
        }
        dataRow.finish();
        end();
    }

    void commandComplete(String tag) {
        begin(PgCommandCompleteEncoder.TAG);
        commandComplete.wrap(out).commandTag(tag).finish();
        end();
    }

    void emptyQueryResponse() {
        begin(PgEmptyQueryResponseEncoder.TAG);
        emptyQuery.wrap(out).finish();
        end();
    }

    void parseComplete() {
        begin(PgParseCompleteEncoder.TAG);
        parseComplete.wrap(out).finish();
        end();
    }

    void bindComplete() {
        begin(PgBindCompleteEncoder.TAG);
        bindComplete.wrap(out).finish();
        end();
    }

    void closeComplete() {
        begin(PgCloseCompleteEncoder.TAG);
        closeComplete.wrap(out).finish();
        end();
    }

    void noData() {
        begin(PgNoDataEncoder.TAG);
        noData.wrap(out).finish();
        end();
    }

    void portalSuspended() {
        begin(PgPortalSuspendedEncoder.TAG);
        portalSuspended.wrap(out).finish();
        end();
    }

    void parameterDescription(long[] oids) {
        begin(PgParameterDescriptionEncoder.TAG);
        parameterDescription.wrap(out);
        for (long oid : oids) {
            parameterDescription.parameterTypesAdd(oid);
        }
        parameterDescription.finish();
        end();
    }

    /** An ErrorResponse; {@code fatal} ends the session (severity FATAL). */
    void error(String sqlState, String message, boolean fatal) {
        String severity = fatal ? "FATAL" : "ERROR";
        begin(PgErrorResponseEncoder.TAG);
        errorResponse.wrap(out);
        errorResponse.fieldsAdd().code(PgNoticeFieldCode.SEVERITY).value(severity);
        errorResponse.fieldsAdd().code(PgNoticeFieldCode.SEVERITY_NONLOCALIZED).value(severity);
        errorResponse.fieldsAdd().code(PgNoticeFieldCode.SQLSTATE).value(sqlState);
        errorResponse.fieldsAdd().code(PgNoticeFieldCode.MESSAGE).value(withoutNul(message));
        errorResponse.finish();
        end();
    }

    /** A NoticeResponse with severity WARNING: the statement still runs. */
    void warning(String sqlState, String message) {
        begin(PgNoticeResponseEncoder.TAG);
        noticeResponse.wrap(out);
        noticeResponse.fieldsAdd().code(PgNoticeFieldCode.SEVERITY).value("WARNING");
        noticeResponse.fieldsAdd().code(PgNoticeFieldCode.SEVERITY_NONLOCALIZED).value("WARNING");
        noticeResponse.fieldsAdd().code(PgNoticeFieldCode.SQLSTATE).value(sqlState);
        noticeResponse.fieldsAdd().code(PgNoticeFieldCode.MESSAGE).value(message);
        noticeResponse.finish();
        end();
    }

    /**
     * The last words of a connection, sent whatever state the conversation is in: not checked by
     * the machine (during TLS negotiation, say, the backend framing is a single byte and the
     * machine would refuse a tagged frame; the client still deserves to read why it is dropped).
     */
    void fatalError(String sqlState, String message) throws IOException {
        PgBackendDispatcher saved = checker;
        checker = null;
        try {
            error(sqlState, message, true);
        } finally {
            checker = saved;
        }
        flush();
    }

    /** A cstring cannot hold NUL; a message quoting client bytes might. */
    private static String withoutNul(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace('\0', '?');
    }

    // ------------------------------------------------------------------ plumbing

    private void begin(int tag) {
        frameStart = out.position();
        frame.wrap(out).tag(tag).body();
    }

    private void end() {
        frame.finish();
        check();
        if (out.position() >= FLUSH_THRESHOLD) {
            try {
                flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Feeds the frame just written to the state machine (see the class comment). */
    private void check() {
        if (checker != null) {
            out.written(written).slice(frameStart, out.position() - frameStart, frameView);
            checker.dispatch(frameView, machine.backend());
        }
    }

    void flush() throws IOException {
        if (out.position() > 0) {
            stream.write(out.toByteArray());
            out.reset();
        }
        stream.flush();
    }
}
