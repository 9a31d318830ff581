package io.sqlxwire.benchmarks.postgresql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.message.Format;
import io.r2dbc.postgresql.message.frontend.Bind;
import io.r2dbc.postgresql.message.frontend.Describe;
import io.r2dbc.postgresql.message.frontend.Execute;
import io.r2dbc.postgresql.message.frontend.ExecutionType;
import io.r2dbc.postgresql.message.frontend.Parse;
import io.r2dbc.postgresql.message.frontend.Sync;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The peer: {@link PgExtendedQuery} through r2dbc-postgresql 1.0.9's frontend messages, as its
 * extended-query flow builds them for each execution (a {@code Parse}, a {@code Bind} holding one
 * {@code ByteBuf} per parameter, a {@code Describe}, an {@code Execute}, the shared {@code Sync}),
 * each written with its direct {@code encode(ByteBuf)} into one reused heap buffer. The parameter
 * buffers wrap the same pre-encoded bytes ours writes (r2dbc's codecs would allocate and fill them;
 * wrapping is the cheapest way to hand them over), and {@code Bind} releases them as it writes them.
 */
public final class R2dbcPgFrontendEncoders {

    private final ByteBuf out = Unpooled.buffer(512);
    private final List<Format> parameterFormats =
            Collections.nCopies(PgExtendedQuery.PARAMETER_VALUES.length, Format.FORMAT_TEXT);

    /** Writes the five messages from the start of the buffer; returns it (readable bytes). */
    public ByteBuf encode() {
        out.clear();
        new Parse(PgExtendedQuery.STATEMENT, PgExtendedQuery.PARAMETER_TYPES, PgExtendedQuery.SQL).encode(out);
        List<ByteBuf> values = new ArrayList<>(PgExtendedQuery.PARAMETER_VALUES.length);
        for (byte[] value : PgExtendedQuery.PARAMETER_VALUES) {
            values.add(Unpooled.wrappedBuffer(value));
        }
        new Bind(PgExtendedQuery.PORTAL, parameterFormats, values, Collections.emptyList(), PgExtendedQuery.STATEMENT)
                .encode(out);
        new Describe(PgExtendedQuery.PORTAL, ExecutionType.PORTAL).encode(out);
        new Execute(PgExtendedQuery.PORTAL, 0).encode(out);
        Sync.INSTANCE.encode(out);
        return out;
    }
}
