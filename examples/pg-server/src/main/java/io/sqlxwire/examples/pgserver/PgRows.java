package io.sqlxwire.examples.pgserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sqlxwire.examples.bridge.SqlColumn;
import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.bridge.SqlResult;
import io.sqlxwire.protocols.postgresql.PgFormatCode;
import java.util.ArrayList;
import java.util.List;

/** RowDescriptions and DataRows: H2's columns and values in PostgreSQL's types and formats. */
final class PgRows {
    private static final int TEXT = PgFormatCode.TEXT.value();
    private static final int BINARY = PgFormatCode.BINARY.value();

    private final PgOutput out;

    PgRows(PgOutput out) {
        this.out = out;
    }

    static List<PgType> types(List<SqlColumn> columns) {
        List<PgType> types = new ArrayList<>(columns.size());
        for (SqlColumn column : columns) {
            types.add(PgType.of(column));
        }
        return types;
    }

    static List<PgOutput.Column> describe(List<SqlColumn> columns, int[] formats) {
        List<PgOutput.Column> described = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            SqlColumn column = columns.get(i);
            PgType type = PgType.of(column);
            described.add(new PgOutput.Column(column.name(), type, PgType.typeModifier(column, type), formats[i]));
        }
        return described;
    }

    static List<PgOutput.Column> compatColumns(PgCompatibility.Statement compat, int[] formats) {
        List<PgOutput.Column> described = new ArrayList<>();
        for (int i = 0; i < compat.columns().size(); i++) {
            int format = formats == null || formats.length <= i ? TEXT : formats[i];
            described.add(new PgOutput.Column(compat.columns().get(i), PgType.TEXT, -1, format));
        }
        return described;
    }

    /** Sends up to {@code maxRows} rows (0: all); true when it stopped at the limit (portal suspended). */
    boolean sendRows(SqlResult result, List<PgType> types, int[] formats, int maxRows) throws SqlFailure {
        int sent = 0;
        while (maxRows <= 0 || sent < maxRows) {
            Object[] row = result.nextRow();
            if (row == null) {
                return false;
            }
            byte[][] values = new byte[row.length][];
            for (int i = 0; i < row.length; i++) {
                if (row[i] != null) {
                    values[i] = formats[i] == BINARY ? PgValues.binary(row[i], types.get(i)) : PgValues.text(row[i], types.get(i));
                }
            }
            out.dataRow(values);
            sent++;
        }
        return true;
    }

    void sendCompatRows(PgCompatibility.Outcome outcome, int from, int count) {
        for (int r = from; r < from + count; r++) {
            List<String> row = outcome.rows().get(r);
            byte[][] values = new byte[row.size()][];
            for (int i = 0; i < row.size(); i++) {
                values[i] = row.get(i) == null ? null : row.get(i).getBytes(UTF_8);
            }
            out.dataRow(values);
        }
    }
}
