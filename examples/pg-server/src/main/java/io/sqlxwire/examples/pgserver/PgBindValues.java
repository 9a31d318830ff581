package io.sqlxwire.examples.pgserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.protocols.postgresql.PgBindDecoder;
import io.sqlxwire.protocols.postgresql.PgFormatCode;
import java.util.ArrayList;
import java.util.List;

/** Reads a Bind message: parameter values in their formats, and the result formats asked for. */
final class PgBindValues {
    private static final int TEXT = PgFormatCode.TEXT.value();
    private static final int BINARY = PgFormatCode.BINARY.value();

    private PgBindValues() {
    }

    /** The parameter values of a Bind, converted from their text or binary format by the statement's types. */
    static List<Object> parameterValues(PgBindDecoder m, PgPrepared statement) throws SqlFailure {
        int count = statement.parameterOids().length;
        if (m.parameterCount() != count) {
            throw PgSqlStates.failure(PgSqlStates.PROTOCOL_VIOLATION, "bind message supplies " + m.parameterCount()
                    + " parameters, but prepared statement requires " + count);
        }
        int[] formats = expandParameterFormats(m, count);
        List<Object> values = new ArrayList<>(count);
        PgBindDecoder.ParameterValuesCursor cursor = m.parameterValues();
        for (int i = 0; cursor.hasNext(); i++) {
            cursor.next();
            if (cursor.isValueNull()) {
                values.add(null);
                continue;
            }
            byte[] bytes = cursor.value().toByteArray();
            PgType type = statement.parameterTypes()[i];
            try {
                values.add(formats[i] == BINARY ? PgValues.parseBinary(bytes, type) : PgValues.parseText(new String(bytes, UTF_8), type));
            } catch (RuntimeException e) {
                String state = formats[i] == BINARY ? PgSqlStates.INVALID_BINARY_REPRESENTATION : PgSqlStates.INVALID_TEXT_REPRESENTATION;
                throw PgSqlStates.failure(state, "parameter $" + (i + 1) + ": " + e.getMessage());
            }
        }
        return values;
    }

    private static int[] expandParameterFormats(PgBindDecoder m, int count) throws SqlFailure {
        PgBindDecoder.ParameterFormatsCursor cursor = m.parameterFormats();
        int given = m.parameterFormatCount();
        int[] formats = new int[count];
        if (given == 1) {
            java.util.Arrays.fill(formats, checkFormat(cursor.next()));
        } else if (given == count) {
            for (int i = 0; i < count; i++) {
                formats[i] = checkFormat(cursor.next());
            }
        } else if (given != 0) {
            throw PgSqlStates.failure(PgSqlStates.PROTOCOL_VIOLATION, "bind message has " + given + " parameter formats but " + count + " parameters");
        }
        return formats;
    }

    /** The format of each of {@code columns} result columns, from Bind's zero, one or per-column codes. */
    static int[] resultFormats(PgBindDecoder m, int columns) throws SqlFailure {
        PgBindDecoder.ResultFormatsCursor cursor = m.resultFormats();
        int given = m.resultFormatCount();
        int[] formats = new int[columns];
        if (given == 1) {
            java.util.Arrays.fill(formats, checkFormat(cursor.next()));
        } else if (given == columns) {
            for (int i = 0; i < columns; i++) {
                formats[i] = checkFormat(cursor.next());
            }
        } else if (given != 0) {
            throw PgSqlStates.failure(PgSqlStates.PROTOCOL_VIOLATION, "bind message has " + given
                    + " result formats but query has " + columns + " columns");
        }
        return formats;
    }

    private static int checkFormat(int format) throws SqlFailure {
        if (format != TEXT && format != BINARY) {
            throw PgSqlStates.failure(PgSqlStates.PROTOCOL_VIOLATION, "unsupported format code: " + format);
        }
        return format;
    }
}
