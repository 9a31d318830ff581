package io.sqlxwire.benchmarks.postgresql;

import io.sqlxwire.protocols.postgresql.PgBindEncoder;
import io.sqlxwire.protocols.postgresql.PgDescribeEncoder;
import io.sqlxwire.protocols.postgresql.PgExecuteEncoder;
import io.sqlxwire.protocols.postgresql.PgFormatCode;
import io.sqlxwire.protocols.postgresql.PgObjectKind;
import io.sqlxwire.protocols.postgresql.PgParseEncoder;
import io.sqlxwire.protocols.postgresql.PgSyncEncoder;
import io.sqlxwire.protocols.postgresql.PgTaggedFrameEncoder;
import io.sqlxwire.runtime.buffer.WireWriter;

/**
 * Ours: {@link PgExtendedQuery} written by the generated encoders, each message framed by the
 * generated tagged-frame encoder (tag, back-patched length), into one reused {@link WireWriter}.
 * One instance per thread; nothing is allocated per round.
 */
public final class PgFrontendEncoders {

    private final WireWriter out = WireWriter.growable();
    private final PgTaggedFrameEncoder frame = new PgTaggedFrameEncoder();
    private final PgParseEncoder parse = new PgParseEncoder();
    private final PgBindEncoder bind = new PgBindEncoder();
    private final PgDescribeEncoder describe = new PgDescribeEncoder();
    private final PgExecuteEncoder execute = new PgExecuteEncoder();
    private final PgSyncEncoder sync = new PgSyncEncoder();

    /** Writes the five messages from the start of the writer; returns it (bytes 0..position()). */
    public WireWriter encode() {
        out.reset();

        frame.wrap(out).tag(PgParseEncoder.TAG).body();
        parse.wrap(out).statement(PgExtendedQuery.STATEMENT).query(PgExtendedQuery.SQL);
        for (int type : PgExtendedQuery.PARAMETER_TYPES) {
            parse.parameterTypesAdd(type);
        }
        parse.finish();
        frame.finish();

        frame.wrap(out).tag(PgBindEncoder.TAG).body();
        bind.wrap(out).portal(PgExtendedQuery.PORTAL).statement(PgExtendedQuery.STATEMENT);
        for (int i = 0; i < PgExtendedQuery.PARAMETER_VALUES.length; i++) {
            bind.parameterFormatsAdd(PgFormatCode.TEXT);
        }
        for (byte[] value : PgExtendedQuery.PARAMETER_VALUES) {
            bind.parameterValuesAdd(value);
        }
        bind.finish();
        frame.finish();

        frame.wrap(out).tag(PgDescribeEncoder.TAG).body();
        describe.wrap(out).kind(PgObjectKind.PORTAL).name(PgExtendedQuery.PORTAL);
        describe.finish();
        frame.finish();

        frame.wrap(out).tag(PgExecuteEncoder.TAG).body();
        execute.wrap(out).portal(PgExtendedQuery.PORTAL).maxRows(0);
        execute.finish();
        frame.finish();

        frame.wrap(out).tag(PgSyncEncoder.TAG).body();
        sync.wrap(out).finish();
        frame.finish();
        return out;
    }
}
