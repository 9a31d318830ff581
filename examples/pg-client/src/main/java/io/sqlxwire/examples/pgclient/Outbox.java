package io.sqlxwire.examples.pgclient;

import io.sqlxwire.protocols.postgresql.PgBindEncoder;
import io.sqlxwire.protocols.postgresql.PgCancelRequestEncoder;
import io.sqlxwire.protocols.postgresql.PgCloseEncoder;
import io.sqlxwire.protocols.postgresql.PgCopyDataInEncoder;
import io.sqlxwire.protocols.postgresql.PgCopyDoneInEncoder;
import io.sqlxwire.protocols.postgresql.PgCopyFailEncoder;
import io.sqlxwire.protocols.postgresql.PgDescribeEncoder;
import io.sqlxwire.protocols.postgresql.PgExecuteEncoder;
import io.sqlxwire.protocols.postgresql.PgFrontendDispatcher;
import io.sqlxwire.protocols.postgresql.PgMachine;
import io.sqlxwire.protocols.postgresql.PgObjectKind;
import io.sqlxwire.protocols.postgresql.PgParseEncoder;
import io.sqlxwire.protocols.postgresql.PgPasswordMessageEncoder;
import io.sqlxwire.protocols.postgresql.PgQueryEncoder;
import io.sqlxwire.protocols.postgresql.PgSASLInitialResponseEncoder;
import io.sqlxwire.protocols.postgresql.PgSASLResponseEncoder;
import io.sqlxwire.protocols.postgresql.PgStartupMessageEncoder;
import io.sqlxwire.protocols.postgresql.PgSyncEncoder;
import io.sqlxwire.protocols.postgresql.PgTaggedFrameEncoder;
import io.sqlxwire.protocols.postgresql.PgTerminateEncoder;
import io.sqlxwire.protocols.postgresql.PgUntaggedFrameEncoder;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * What the client is about to send: frames written in place by the generated frame encoders and
 * message encoders into one growable buffer, sent with {@link #flushTo}. Each frame is shown to
 * the connection's state machine as soon as it is written (decoded again by the generated
 * frontend dispatcher): a message the conversation does not allow now is refused here, with the
 * machine's {@code ProtocolStateException}, and never reaches the server.
 */
final class Outbox {

    private final WireWriter out = WireWriter.growable(8192, 1 << 30);
    private final PgMachine machine;
    private final PgFrontendDispatcher check;
    private final WireBuffer written = new WireBuffer();
    private final WireBuffer frame = new WireBuffer();
    private byte[] sendBuffer = new byte[8192];

    private final PgTaggedFrameEncoder tagged = new PgTaggedFrameEncoder();
    private final PgUntaggedFrameEncoder untagged = new PgUntaggedFrameEncoder();
    private final PgStartupMessageEncoder startup = new PgStartupMessageEncoder();
    private final PgCancelRequestEncoder cancelRequest = new PgCancelRequestEncoder();
    private final PgPasswordMessageEncoder password = new PgPasswordMessageEncoder();
    private final PgSASLInitialResponseEncoder saslInitial = new PgSASLInitialResponseEncoder();
    private final PgSASLResponseEncoder saslResponse = new PgSASLResponseEncoder();
    private final PgQueryEncoder query = new PgQueryEncoder();
    private final PgParseEncoder parse = new PgParseEncoder();
    private final PgBindEncoder bind = new PgBindEncoder();
    private final PgDescribeEncoder describe = new PgDescribeEncoder();
    private final PgExecuteEncoder execute = new PgExecuteEncoder();
    private final PgCloseEncoder close = new PgCloseEncoder();
    private final PgSyncEncoder sync = new PgSyncEncoder();
    private final PgCopyDataInEncoder copyData = new PgCopyDataInEncoder();
    private final PgCopyDoneInEncoder copyDone = new PgCopyDoneInEncoder();
    private final PgCopyFailEncoder copyFail = new PgCopyFailEncoder();
    private final PgTerminateEncoder terminate = new PgTerminateEncoder();

    Outbox(PgMachine machine) {
        this.machine = machine;
        this.check = new PgFrontendDispatcher(machine.session(), machine);
    }

    /** Bytes written and not yet sent. */
    int pending() {
        return out.position();
    }

    void startup(String user, String database, Map<String, String> parameters) {
        int start = untaggedFrame();
        startup.wrap(out).protocolMinor(0);
        startup.parametersAdd().name("user").value(user);
        startup.parametersAdd().name("database").value(database);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            startup.parametersAdd().name(parameter.getKey()).value(parameter.getValue());
        }
        startup.finish();
        endUntagged(start);
    }

    void cancelRequest(int processId, byte[] secretKey) {
        int start = untaggedFrame();
        cancelRequest.wrap(out).processId(processId).secretKey(secretKey);
        cancelRequest.finish();
        endUntagged(start);
    }

    void password(String text) {
        int start = taggedFrame(PgPasswordMessageEncoder.TAG);
        password.wrap(out).password(text).finish();
        endTagged(start);
    }

    void saslInitialResponse(String mechanism, byte[] data) {
        int start = taggedFrame(PgSASLInitialResponseEncoder.TAG);
        saslInitial.wrap(out).mechanism(mechanism).data(data).finish();
        endTagged(start);
    }

    void saslResponse(byte[] data) {
        int start = taggedFrame(PgSASLResponseEncoder.TAG);
        saslResponse.wrap(out).data(data).finish();
        endTagged(start);
    }

    void query(String sql) {
        int start = taggedFrame(PgQueryEncoder.TAG);
        query.wrap(out).sql(sql).finish();
        endTagged(start);
    }

    void parse(String statement, String sql, long[] parameterTypes) {
        int start = taggedFrame(PgParseEncoder.TAG);
        parse.wrap(out).statement(statement).query(sql);
        for (long type : parameterTypes) {
            parse.parameterTypesAdd(type);
        }
        parse.finish();
        endTagged(start);
    }

    /** Bind with one format code per parameter and one result format for all columns. */
    void bind(String portal, String statement, Param[] parameters, Format resultFormat) {
        int start = taggedFrame(PgBindEncoder.TAG);
        bind.wrap(out).portal(portal).statement(statement);
        for (Param parameter : parameters) {
            bind.parameterFormatsAdd(parameter.format().code());
        }
        for (Param parameter : parameters) {
            if (parameter.value() == null) {
                bind.parameterValuesAddNull();
            } else {
                bind.parameterValuesAdd(parameter.value());
            }
        }
        bind.resultFormatsAdd(resultFormat.code());
        bind.finish();
        endTagged(start);
    }

    void describe(PgObjectKind kind, String name) {
        int start = taggedFrame(PgDescribeEncoder.TAG);
        describe.wrap(out).kind(kind).name(name).finish();
        endTagged(start);
    }

    void execute(String portal, int maxRows) {
        int start = taggedFrame(PgExecuteEncoder.TAG);
        execute.wrap(out).portal(portal).maxRows(maxRows).finish();
        endTagged(start);
    }

    void close(PgObjectKind kind, String name) {
        int start = taggedFrame(PgCloseEncoder.TAG);
        close.wrap(out).kind(kind).name(name).finish();
        endTagged(start);
    }

    void sync() {
        int start = taggedFrame(PgSyncEncoder.TAG);
        sync.wrap(out).finish();
        endTagged(start);
    }

    void copyData(byte[] data, int offset, int length) {
        int start = taggedFrame(PgCopyDataInEncoder.TAG);
        copyData.wrap(out).data(data, offset, length).finish();
        endTagged(start);
    }

    void copyDone() {
        int start = taggedFrame(PgCopyDoneInEncoder.TAG);
        copyDone.wrap(out).finish();
        endTagged(start);
    }

    void copyFail(String reason) {
        int start = taggedFrame(PgCopyFailEncoder.TAG);
        copyFail.wrap(out).reason(reason).finish();
        endTagged(start);
    }

    void terminate() {
        int start = taggedFrame(PgTerminateEncoder.TAG);
        terminate.wrap(out).finish();
        endTagged(start);
    }

    /** Sends everything written and empties the buffer. */
    void flushTo(OutputStream socket) throws IOException {
        int length = out.position();
        if (length == 0) {
            return;
        }
        if (sendBuffer.length < length) {
            sendBuffer = new byte[Math.max(length, 2 * sendBuffer.length)];
        }
        // The growable writer owns its array; this copy is the price of not reaching into it.
        out.written(written).getBytes(0, sendBuffer, 0, length);
        out.reset();
        socket.write(sendBuffer, 0, length);
        socket.flush();
    }

    private int taggedFrame(int tag) {
        int start = out.position();
        tagged.wrap(out).tag(tag).body();
        return start;
    }

    private int untaggedFrame() {
        int start = out.position();
        untagged.wrap(out).body();
        return start;
    }

    private void endTagged(int start) {
        tagged.finish();
        admit(start);
    }

    private void endUntagged(int start) {
        untagged.finish();
        admit(start);
    }

    /** Shows the frame just written to the machine; takes it back out if the machine refuses it. */
    private void admit(int start) {
        out.written(written).slice(start, out.position() - start, frame);
        try {
            check.dispatch(frame, machine.frontend());
        } catch (RuntimeException refused) {
            out.truncate(start);
            throw refused;
        }
    }
}
