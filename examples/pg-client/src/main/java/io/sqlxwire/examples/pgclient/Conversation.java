package io.sqlxwire.examples.pgclient;

import io.sqlxwire.protocols.postgresql.PgAuthenticationDecoder;
import io.sqlxwire.protocols.postgresql.PgBackendHandler;
import io.sqlxwire.protocols.postgresql.PgBackendKeyDataDecoder;
import io.sqlxwire.protocols.postgresql.PgBindCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgCloseCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgCommandCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyBothResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyDataOutDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyDoneOutDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyInResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgCopyOutResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgDataRowDecoder;
import io.sqlxwire.protocols.postgresql.PgEmptyQueryResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgErrorResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgFieldDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgFunctionCallResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgNegotiateProtocolVersionDecoder;
import io.sqlxwire.protocols.postgresql.PgNoDataDecoder;
import io.sqlxwire.protocols.postgresql.PgNoticeResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgNotificationResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgParameterDescriptionDecoder;
import io.sqlxwire.protocols.postgresql.PgParameterStatusDecoder;
import io.sqlxwire.protocols.postgresql.PgParseCompleteDecoder;
import io.sqlxwire.protocols.postgresql.PgPortalSuspendedDecoder;
import io.sqlxwire.protocols.postgresql.PgReadyForQueryDecoder;
import io.sqlxwire.protocols.postgresql.PgRowDescriptionDecoder;
import io.sqlxwire.runtime.buffer.WireBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/**
 * The client's side of the conversation: handles every message the server sends. Each message
 * goes to the generated state machine first, which checks that it may arrive now and moves the
 * conversation on; then what it means for the exchange in progress (a query, a COPY, the login)
 * is recorded here or passed to the caller's {@link RowHandler}.
 */
final class Conversation implements PgBackendHandler {

    private final PgMachine machine;
    private final Outbox outbox;
    private final Authenticator authenticator;
    private final Row row = new Row();
    private final Map<String, String> parameters = new TreeMap<>();
    private final Queue<Notification> notifications = new ArrayDeque<>();
    private WireBuffer frame;

    private int processId;
    private byte[] secretKey;
    private char transactionStatus = 'I';

    // The exchange in progress; reset by begin().
    private RowHandler rows;
    private OutputStream copySink;
    private byte[] copyScratch = new byte[8192];
    private boolean ready;
    private boolean copyInRequested;
    private PgServerException error;
    private List<Long> parameterTypes = List.of();
    private List<Column> columns = List.of();
    private String commandTag;

    Conversation(PgMachine machine, Outbox outbox, Authenticator authenticator) {
        this.machine = machine;
        this.outbox = outbox;
        this.authenticator = authenticator;
    }

    /** Starts a new exchange whose rows go to {@code rows} (may be null) and COPY data to {@code copySink}. */
    void begin(RowHandler rows, OutputStream copySink) {
        this.rows = rows;
        this.copySink = copySink;
        this.ready = false;
        this.copyInRequested = false;
        this.error = null;
        this.parameterTypes = List.of();
        this.columns = List.of();
        this.commandTag = null;
    }

    /** The frame the next dispatched message was cut from (Row reads values out of it in place). */
    void frame(WireBuffer frame) {
        this.frame = frame;
    }

    /** ReadyForQuery has arrived: the exchange is over. */
    boolean ready() {
        return ready;
    }

    /** The server sent CopyInResponse and waits for CopyData. */
    boolean copyInRequested() {
        return copyInRequested;
    }

    PgServerException error() {
        return error;
    }

    String commandTag() {
        return commandTag;
    }

    List<Column> columns() {
        return columns;
    }

    List<Long> parameterTypes() {
        return parameterTypes;
    }

    Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    Queue<Notification> notifications() {
        return notifications;
    }

    int processId() {
        return processId;
    }

    byte[] secretKey() {
        return secretKey;
    }

    char transactionStatus() {
        return transactionStatus;
    }

    @Override
    public void onAuthentication(PgAuthenticationDecoder m) {
        machine.receive(m);
        try {
            authenticator.answer(m, outbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onNegotiateProtocolVersion(PgNegotiateProtocolVersionDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onBackendKeyData(PgBackendKeyDataDecoder m) {
        machine.receive(m);
        processId = m.processId();
        secretKey = m.secretKey().toByteArray();
    }

    @Override
    public void onParameterStatus(PgParameterStatusDecoder m) {
        machine.receive(m);
        parameters.put(m.nameAsString(), m.valueAsString());
    }

    @Override
    public void onReadyForQuery(PgReadyForQueryDecoder m) {
        machine.receive(m);
        transactionStatus = (char) m.status();
        ready = true;
    }

    @Override
    public void onRowDescription(PgRowDescriptionDecoder m) {
        machine.receive(m);
        List<Column> described = new ArrayList<>(m.fieldCount());
        PgRowDescriptionDecoder.FieldsCursor fields = m.fields();
        while (fields.hasNext()) {
            PgFieldDescriptionDecoder f = fields.next();
            described.add(new Column(f.nameAsString(), f.tableOid(), f.columnAttribute(), f.typeOid(),
                    f.typeSize(), f.typeModifier(), Format.of(f.format())));
        }
        columns = Collections.unmodifiableList(described);
        row.columns(columns);
        if (rows != null) {
            rows.onColumns(columns);
        }
    }

    @Override
    public void onDataRow(PgDataRowDecoder m) {
        machine.receive(m);
        if (rows != null) {
            row.wrap(m, frame);
            rows.onRow(row);
        }
    }

    @Override
    public void onCommandComplete(PgCommandCompleteDecoder m) {
        machine.receive(m);
        commandTag = m.commandTagAsString();
        if (rows != null) {
            rows.onComplete(commandTag);
        }
    }

    @Override
    public void onEmptyQueryResponse(PgEmptyQueryResponseDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onErrorResponse(PgErrorResponseDecoder m) {
        machine.receive(m);
        // The first error is the one that matters; the server skips the rest of the exchange.
        if (error == null) {
            error = PgServerException.from(m);
        }
    }

    @Override
    public void onNoticeResponse(PgNoticeResponseDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onNotificationResponse(PgNotificationResponseDecoder m) {
        machine.receive(m);
        notifications.add(new Notification(m.processId(), m.channelAsString(), m.payloadAsString()));
    }

    @Override
    public void onParseComplete(PgParseCompleteDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onBindComplete(PgBindCompleteDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onCloseComplete(PgCloseCompleteDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onNoData(PgNoDataDecoder m) {
        machine.receive(m);
        columns = List.of();
    }

    @Override
    public void onPortalSuspended(PgPortalSuspendedDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onParameterDescription(PgParameterDescriptionDecoder m) {
        machine.receive(m);
        List<Long> types = new ArrayList<>(m.parameterCount());
        PgParameterDescriptionDecoder.ParameterTypesCursor cursor = m.parameterTypes();
        while (cursor.hasNext()) {
            types.add(cursor.next());
        }
        parameterTypes = Collections.unmodifiableList(types);
    }

    @Override
    public void onCopyInResponse(PgCopyInResponseDecoder m) {
        machine.receive(m);
        copyInRequested = true;
    }

    @Override
    public void onCopyOutResponse(PgCopyOutResponseDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onCopyDataOut(PgCopyDataOutDecoder m) {
        machine.receive(m);
        if (copySink == null) {
            return;
        }
        int length = m.data().length();
        if (copyScratch.length < length) {
            copyScratch = new byte[Math.max(length, 2 * copyScratch.length)];
        }
        m.data().copyTo(copyScratch, 0);
        try {
            copySink.write(copyScratch, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onCopyDoneOut(PgCopyDoneOutDecoder m) {
        machine.receive(m);
    }

    @Override
    public void onCopyBothResponse(PgCopyBothResponseDecoder m) {
        throw new IllegalStateException("CopyBothResponse (replication) is not supported by this client");
    }

    @Override
    public void onFunctionCallResponse(PgFunctionCallResponseDecoder m) {
        throw new IllegalStateException("FunctionCallResponse without a FunctionCall: this client sends none");
    }

    @Override
    public void onUnknown(long tag, WireBuffer body) {
        throw new IllegalStateException("server sent a message with tag " + (char) tag + " this client does not know");
    }
}
