package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyBinaryColumnEncoder;
import io.sqlxwire.protocols.mysql.MyBinaryDateTimeEncoder;
import io.sqlxwire.protocols.mysql.MyBinaryTimeEncoder;
import io.sqlxwire.protocols.mysql.MyBinaryValueEncoder;
import io.sqlxwire.protocols.mysql.MyColumnType;
import io.sqlxwire.protocols.mysql.MyExecuteParametersEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.BitSet;

/**
 * The parameter part of COM_STMT_EXECUTE, written with the generated {@link MyExecuteParametersEncoder}:
 * the NULL bitmap, new-params-bound flag 1, a (type, flags) pair per parameter, then each non-NULL
 * value in its binary encoding ({@link MyBinaryValueEncoder}). The block is laid out by the
 * statement's parameter count, which the caller puts in the session first.
 *
 * <p>Java types: null → NULL; Long, Integer, Short, Byte → BIGINT; BigInteger → BIGINT UNSIGNED
 * (or DECIMAL beyond 64 bits); Boolean → TINYINT; Double → DOUBLE; Float → FLOAT; BigDecimal →
 * DECIMAL; String → VARCHAR; byte[] → BLOB; LocalDate → DATE; LocalDateTime → DATETIME;
 * LocalTime and Duration → TIME.
 */
final class ParameterBlock {

    private static final int UNSIGNED = 0x80;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private ParameterBlock() {
    }

    /** The values as they are encoded (text and decimals as byte strings, so their size is known). */
    static Object[] prepare(Object[] values) {
        Object[] prepared = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            prepared[i] = normalize(values[i]);
        }
        return prepared;
    }

    /** At most how many bytes the block of {@code prepared} takes. */
    static int maxBytes(Object[] prepared) {
        int bound = (prepared.length + 7) / 8 + 1 + 2 * prepared.length;
        for (Object v : prepared) {
            bound += maxValueBytes(v);
        }
        return bound;
    }

    /** Writes the block of {@code prepared} (at least one value) into the generated encoder. */
    static void writeTo(MyExecuteParametersEncoder block, Object[] prepared) {
        BitSet nulls = new BitSet(prepared.length);
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i] == null) {
                nulls.set(i);
            }
        }
        block.nullBitmap(nulls).newParamsBound(1).parameterTypes();   // 1: the types follow
        for (Object v : prepared) {
            block.parameterTypesAdd().type(typeOf(v)).flags(isUnsigned(v) ? UNSIGNED : 0);
        }
        block.parameterValues();
        for (Object v : prepared) {
            MyBinaryColumnEncoder column = block.parameterValuesAdd();
            if (v != null) {
                write(column.value(), v);
            }
        }
    }

    /** Byte strings for text and decimals, so their size is known; everything else unchanged. */
    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger big && (big.signum() < 0 || big.bitLength() > 64)) {
            return new BigDecimal(big);
        }
        if (v instanceof LocalTime time) {
            return Duration.ofNanos(time.toNanoOfDay());
        }
        if (v == null || v instanceof Long || v instanceof BigInteger || v instanceof Boolean
                || v instanceof Double || v instanceof Float || v instanceof BigDecimal
                || v instanceof String || v instanceof byte[] || v instanceof LocalDate
                || v instanceof LocalDateTime || v instanceof Duration) {
            return v;
        }
        throw new IllegalArgumentException("no MySQL type for a parameter of " + v.getClass().getName());
    }

    private static MyColumnType typeOf(Object v) {
        if (v == null) {
            return MyColumnType.NULL;
        } else if (v instanceof Long || v instanceof BigInteger) {
            return MyColumnType.LONGLONG;
        } else if (v instanceof Boolean) {
            return MyColumnType.TINY;
        } else if (v instanceof Double) {
            return MyColumnType.DOUBLE;
        } else if (v instanceof Float) {
            return MyColumnType.FLOAT;
        } else if (v instanceof BigDecimal) {
            return MyColumnType.NEWDECIMAL;
        } else if (v instanceof String) {
            return MyColumnType.VAR_STRING;
        } else if (v instanceof byte[]) {
            return MyColumnType.BLOB;
        } else if (v instanceof LocalDate) {
            return MyColumnType.DATE;
        } else if (v instanceof LocalDateTime) {
            return MyColumnType.DATETIME;
        }
        return MyColumnType.TIME;
    }

    private static boolean isUnsigned(Object v) {
        return v instanceof BigInteger;
    }

    private static int maxValueBytes(Object v) {
        if (v instanceof String s) {
            return 9 + 3 * s.length();
        } else if (v instanceof byte[] b) {
            return 9 + b.length;
        } else if (v instanceof BigDecimal d) {
            return 9 + d.toPlainString().length();
        }
        return 13;   // the longest fixed encoding: TIME with microseconds, 1 + 12
    }

    private static void write(MyBinaryValueEncoder value, Object v) {
        if (v instanceof Long l) {
            value.valueAsLonglong(l);
        } else if (v instanceof BigInteger big) {
            value.valueAsLonglong(big.longValue());   // the low 64 bits: unsigned on the wire
        } else if (v instanceof Boolean b) {
            value.valueAsTiny(b ? 1 : 0);
        } else if (v instanceof Double d) {
            value.valueAsDouble(d);
        } else if (v instanceof Float f) {
            value.valueAsFloat(f);
        } else if (v instanceof BigDecimal d) {
            value.valueAsOther(d.toPlainString().getBytes(StandardCharsets.US_ASCII));
        } else if (v instanceof String s) {
            value.valueAsOther(s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof byte[] b) {
            value.valueAsOther(b);
        } else if (v instanceof LocalDate d) {
            MyBinaryDateTimeEncoder date = value.valueAsDate();
            date.length(4).formAsCase4().year(d.getYear()).month(d.getMonthValue()).day(d.getDayOfMonth());
        } else if (v instanceof LocalDateTime t) {
            int micros = t.getNano() / 1000;
            MyBinaryDateTimeEncoder date = value.valueAsDate();
            date.length(micros == 0 ? 7 : 11);
            if (micros == 0) {
                date.formAsCase7();
            } else {
                date.formAsCase11();
            }
            date.year(t.getYear()).month(t.getMonthValue())
                    .day(t.getDayOfMonth()).hour(t.getHour()).minute(t.getMinute()).second(t.getSecond());
            if (micros != 0) {
                date.microsecond(micros);
            }
        } else {
            writeTime(value.valueAsTime(), (Duration) v);
        }
    }

    private static void writeTime(MyBinaryTimeEncoder time, Duration d) {
        boolean negative = d.isNegative();
        Duration abs = d.abs();
        long seconds = abs.getSeconds();
        int micros = abs.getNano() / 1000;
        if (micros == 0) {
            time.length(8).formAsCase8();
        } else {
            time.length(12).formAsCase12();
        }
        time.isNegative(negative ? 1 : 0).days(seconds / 86_400)
                .hour((int) (seconds / 3600 % 24)).minute((int) (seconds / 60 % 60)).second((int) (seconds % 60));
        if (micros != 0) {
            time.microsecond(micros);
        }
    }
}
