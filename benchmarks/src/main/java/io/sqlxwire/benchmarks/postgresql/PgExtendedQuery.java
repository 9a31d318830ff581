package io.sqlxwire.benchmarks.postgresql;

import java.nio.charset.StandardCharsets;

/**
 * What the encode benchmarks send: one extended-protocol round, Parse / Bind / Describe (portal) /
 * Execute / Sync, of a 5-parameter insert into the benchmark table, parameters in text format. The
 * parameter values are already text bytes (what a driver's codecs produce) so both encoders start
 * from the same bytes.
 */
public final class PgExtendedQuery {

    public static final String STATEMENT = "S_1";
    public static final String PORTAL = "";
    public static final String SQL = "insert into bench (id, big, name, price, created) values ($1, $2, $3, $4, $5)";
    /** int4, int8, text, numeric, timestamp. */
    public static final int[] PARAMETER_TYPES = {23, 20, 25, 1700, 1114};
    public static final byte[][] PARAMETER_VALUES = {
        ascii("42"), ascii("-9000000000"), ascii("hello, world"), ascii("12345.67"), ascii("2024-05-06 07:08:09"),
    };

    private PgExtendedQuery() {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
