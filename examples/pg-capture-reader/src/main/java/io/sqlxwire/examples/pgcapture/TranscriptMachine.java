package io.sqlxwire.examples.pgcapture;

import io.sqlxwire.protocols.postgresql.PgAuthCode;
import io.sqlxwire.protocols.postgresql.PgAuthSaslDecoder;
import io.sqlxwire.protocols.postgresql.PgAuthenticationDecoder;
import io.sqlxwire.protocols.postgresql.PgBackendKeyDataDecoder;
import io.sqlxwire.protocols.postgresql.PgCancelRequestDecoder;
import io.sqlxwire.protocols.postgresql.PgCommandCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgDataRowDecoder;
import io.sqlxwire.protocols.postgresql.PgEmptyQueryResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgEncryptionRefusedDecoder;
import io.sqlxwire.protocols.postgresql.PgErrorResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgFieldDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgFormatCode;
import io.sqlxwire.protocols.postgresql.PgGSSENCRequestDecoder;
import io.sqlxwire.protocols.postgresql.PgGssEncAcceptedDecoder;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldCode;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldDecoder;
import io.sqlxwire.protocols.postgresql.PgNoticeResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgParameterStatusDecoder;
import io.sqlxwire.protocols.postgresql.PgParseDecoder;
import io.sqlxwire.protocols.postgresql.PgQueryDecoder;
import io.sqlxwire.protocols.postgresql.PgReadyForQueryDecoder;
import io.sqlxwire.protocols.postgresql.PgRowDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgSSLRequestDecoder;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgSslAcceptedDecoder;
import io.sqlxwire.protocols.postgresql.PgStartupMessageDecoder;
import io.sqlxwire.protocols.postgresql.PgStartupParameterDecoder;
import io.sqlxwire.protocols.postgresql.PgState;
import io.sqlxwire.protocols.postgresql.PgTerminateDecoder;
import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.TextView;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The generated PostgreSQL state machine with the hooks this program needs: each hook turns the
 * decoded message (a flyweight over the frame's bytes) into lines of the {@link Transcript}. The
 * generated base class has already checked that the message is allowed in the current state and
 * moved the conversation on when a hook runs.
 */
final class TranscriptMachine extends PgMachine {

    /** Type OIDs of int8, int2, int4, oid, float4, float8 and numeric: shown right-aligned. */
    private static final Set<Long> NUMERIC_TYPES = Set.of(20L, 21L, 23L, 26L, 700L, 701L, 1700L);

    private final Transcript transcript;
    private final TextView cell = new TextView();
    private final List<String> authentication = new ArrayList<>();
    private String serverVersion;
    private int backendProcess;
    private boolean[] binaryColumns = new boolean[0];

    TranscriptMachine(Transcript transcript) {
        super(new PgSession());
        this.transcript = transcript;
    }

    // ---------------------------------------------------------------- connection and authentication

    @Override
    protected void onStartupSSLRequest(PgSSLRequestDecoder m) {
        transcript.line("client: asks for TLS (SSLRequest)");
    }

    @Override
    protected void onStartupGSSENCRequest(PgGSSENCRequestDecoder m) {
        transcript.line("client: asks for GSSAPI encryption (GSSENCRequest)");
    }

    @Override
    protected void onStartupCancelRequest(PgCancelRequestDecoder m) {
        transcript.line("client: asks to cancel the query running in backend process " + m.processId());
    }

    @Override
    protected void onEncryptionNegotiationGssEncAccepted(PgGssEncAcceptedDecoder m) {
        transcript.line("server: accepts GSSAPI encryption; the rest of the connection is encrypted");
    }

    @Override
    protected void onEncryptionNegotiationSslAccepted(PgSslAcceptedDecoder m) {
        transcript.line("server: accepts TLS; the rest of the connection is encrypted");
    }

    @Override
    protected void onEncryptionNegotiationEncryptionRefused(PgEncryptionRefusedDecoder m) {
        transcript.line("server: refuses encryption; the client goes on in plain text");
    }

    @Override
    protected void onStartupStartupMessage(PgStartupMessageDecoder m) {
        StringBuilder line = new StringBuilder("client: connects with protocol ")
                .append(m.protocolMajor()).append('.').append(m.protocolMinor());
        PgStartupMessageDecoder.ParametersCursor parameters = m.parameters();
        while (parameters.hasNext()) {
            PgStartupParameterDecoder parameter = parameters.next();
            line.append(", ").append(parameter.nameAsString()).append('=').append(parameter.valueAsString());
        }
        transcript.line(line.toString());
    }

    @Override
    protected void onAuthenticatingAuthentication(PgAuthenticationDecoder m) {
        StringBuilder step = new StringBuilder(m.codeValue().name());
        if (m.code() == PgAuthCode.SASL.value()) {
            PgAuthSaslDecoder.MechanismsCursor mechanisms = m.bodyAsSasl().mechanisms();
            step.append(" (");
            while (mechanisms.hasNext()) {
                step.append(mechanisms.next().valueAsString()).append(mechanisms.hasNext() ? ", " : "");
            }
            step.append(')');
        }
        authentication.add(step.toString());
        if (m.code() == PgAuthCode.OK.value()) {
            transcript.line("server: authentication " + String.join(" -> ", authentication));
        }
    }

    @Override
    protected void onAnyParameterStatus(PgState state, PgParameterStatusDecoder m) {
        if (m.name().contentEquals("server_version")) {
            serverVersion = m.valueAsString();
        }
    }

    @Override
    protected void onAuthenticatingBackendKeyData(PgBackendKeyDataDecoder m) {
        backendProcess = m.processId();
    }

    @Override
    protected void onAuthenticatingReadyForQuery(PgReadyForQueryDecoder m) {
        transcript.line("server: ready"
                + (serverVersion != null ? ", PostgreSQL " + serverVersion : "")
                + (backendProcess != 0 ? ", backend process " + backendProcess : ""));
    }

    @Override
    protected void onIdleTerminate(PgTerminateDecoder m) {
        transcript.flushTable();
        transcript.line("");
        transcript.line("client: closes the connection (Terminate)");
    }

    // ---------------------------------------------------------------- queries and results

    @Override
    protected void onIdleQuery(PgQueryDecoder m) {
        transcript.query("query", m.sqlAsString());
    }

    @Override
    protected void onIdleParse(PgParseDecoder m) {
        parse(m);
    }

    @Override
    protected void onExtendedQueryParse(PgParseDecoder m) {
        parse(m);
    }

    private void parse(PgParseDecoder m) {
        transcript.query("parse", m.queryAsString());
    }

    @Override
    protected void onSimpleQueryRowDescription(PgRowDescriptionDecoder m) {
        rowDescription(m);
    }

    @Override
    protected void onExtendedQueryRowDescription(PgRowDescriptionDecoder m) {
        rowDescription(m);
    }

    private void rowDescription(PgRowDescriptionDecoder m) {
        ResultTable table = new ResultTable();
        binaryColumns = new boolean[m.fieldCount()];
        PgRowDescriptionDecoder.FieldsCursor fields = m.fields();
        for (int i = 0; fields.hasNext(); i++) {
            PgFieldDescriptionDecoder field = fields.next();
            table.addColumn(field.nameAsString(), NUMERIC_TYPES.contains(field.typeOid()));
            binaryColumns[i] = field.format() == PgFormatCode.BINARY.value();
        }
        transcript.columns(table);
    }

    @Override
    protected void onSimpleQueryDataRow(PgDataRowDecoder m) {
        dataRow(m);
    }

    @Override
    protected void onExtendedQueryDataRow(PgDataRowDecoder m) {
        dataRow(m);
    }

    private void dataRow(PgDataRowDecoder m) {
        String[] cells = new String[m.columnCount()];
        PgDataRowDecoder.ColumnsCursor columns = m.columns();
        for (int i = 0; columns.hasNext(); i++) {
            columns.next();
            if (columns.isValueNull()) {
                cells[i] = null;
            } else if (i < binaryColumns.length && binaryColumns[i]) {
                cells[i] = "\\x" + HexFormat.of().formatHex(columns.value().toByteArray());
            } else {
                // the column's bytes read as text in place: the view points into the frame
                ByteView value = columns.value();
                cells[i] = cell.wrap(value.buffer(), 0, value.length()).toString();
            }
        }
        transcript.row(cells);
    }

    @Override
    protected void onSimpleQueryCommandComplete(PgCommandCompleteDecoder m) {
        transcript.done(m.commandTagAsString());
    }

    @Override
    protected void onExtendedQueryCommandComplete(PgCommandCompleteDecoder m) {
        transcript.done(m.commandTagAsString());
    }

    @Override
    protected void onSimpleQueryEmptyQueryResponse(PgEmptyQueryResponseDecoder m) {
        transcript.done("(empty query)");
    }

    @Override
    protected void onExtendedQueryEmptyQueryResponse(PgEmptyQueryResponseDecoder m) {
        transcript.done("(empty query)");
    }

    // ---------------------------------------------------------------- errors and notices, in any state

    @Override
    protected void onAnyErrorResponse(PgState state, PgErrorResponseDecoder m) {
        transcript.error("error", notice(m.fields()));
    }

    @Override
    protected void onAnyNoticeResponse(PgState state, PgNoticeResponseDecoder m) {
        transcript.error("notice", notice(m.fields()));
    }

    private static String notice(PgErrorResponseDecoder.FieldsCursor fields) {
        Notice notice = new Notice();
        while (fields.hasNext()) {
            notice.add(fields.next());
        }
        return notice.toString();
    }

    private static String notice(PgNoticeResponseDecoder.FieldsCursor fields) {
        Notice notice = new Notice();
        while (fields.hasNext()) {
            notice.add(fields.next());
        }
        return notice.toString();
    }

    /** The fields of an ErrorResponse or NoticeResponse a reader wants: "ERROR 22012: division by zero". */
    private static final class Notice {
        private String severity = "";
        private String sqlState = "";
        private String message = "";
        private final StringBuilder more = new StringBuilder();

        void add(PgNoticeFieldDecoder field) {
            PgNoticeFieldCode code = field.codeValue();
            if (code.equals(PgNoticeFieldCode.SEVERITY)) {
                severity = field.valueAsString();
            } else if (code.equals(PgNoticeFieldCode.SQLSTATE)) {
                sqlState = field.valueAsString();
            } else if (code.equals(PgNoticeFieldCode.MESSAGE)) {
                message = field.valueAsString();
            } else if (code.equals(PgNoticeFieldCode.DETAIL) || code.equals(PgNoticeFieldCode.HINT)
                    || code.equals(PgNoticeFieldCode.POSITION)) {
                more.append("\n  ").append(code.name().toLowerCase(Locale.ROOT))
                        .append(": ").append(field.valueAsString());
            }
        }

        @Override
        public String toString() {
            return (severity + " " + sqlState).strip() + ": " + message + more;
        }
    }
}
