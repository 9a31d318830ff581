package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyBinaryDateTimeDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryTimeDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryColumnDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryValueDecoder;
import io.sqlxwire.protocols.mysql.MyColumnType;
import io.sqlxwire.protocols.mysql.MyComStmtExecuteDecoder;
import io.sqlxwire.protocols.mysql.MyExecuteParameterTypeDecoder;
import io.sqlxwire.protocols.mysql.MyExecuteParametersDecoder;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameter values of COM_STMT_EXECUTE, from the typed block the generated decoder reads
 * ({@code ExecuteParameters} in {@code mysql.wire}: NULL bitmap, new-params-bound flag, types, values
 * by type). Types sent once are kept for later executions that send flag 0; the block then keeps
 * the values raw, as it does when some came earlier in COM_STMT_SEND_LONG_DATA pieces (those are
 * left out of it): such values are read one by one here with the generated BinaryValue decoder,
 * each where the previous one ended.
 */
final class ExecuteParameters {
    private final MyBinaryValueDecoder rawValue = new MyBinaryValueDecoder();

    /** The types bound last for a statement: MySQL type and whether the value is unsigned. */
    static final class Bound {
        int[] types;
        boolean[] unsigned;
    }

    /**
     * The parameter values as Java objects (null for NULL) for the bridge.
     *
     * @param count the statement's parameter count (values past it are query attributes, ignored)
     * @throws CodecException when the block does not hold what the statement's parameters need
     */
    List<Object> read(MyComStmtExecuteDecoder m, int count, Bound bound, Map<Integer, ByteArrayOutputStream> longData) {
        List<Object> values = new ArrayList<>(count);
        if (count == 0) {
            return values;
        }
        if (!m.hasParameters() || m.count() < count) {
            throw new CodecException("COM_STMT_EXECUTE carries " + (m.hasParameters() ? m.count() : 0)
                    + " parameters, the statement has " + count, 0);
        }
        MyExecuteParametersDecoder block = m.parameters();
        if (block.newParamsBound() == 1) {
            bound.types = new int[count];
            bound.unsigned = new boolean[count];
            MyExecuteParametersDecoder.ParameterTypesCursor types = block.parameterTypes();
            for (int i = 0; i < count; i++) {
                MyExecuteParameterTypeDecoder type = types.next();
                bound.types[i] = type.type();
                bound.unsigned[i] = (type.flags() & 0x80) != 0;
            }
        } else if (bound.types == null) {
            throw new CodecException("COM_STMT_EXECUTE parameters: no types bound", 0);
        }
        if (block.hasParameterValues()) {
            MyExecuteParametersDecoder.ParameterValuesCursor columns = block.parameterValues();
            for (int i = 0; i < count; i++) {
                MyBinaryColumnDecoder column = columns.next();
                values.add(column.hasValue() ? value(column.value(), bound, i) : null);
            }
            return values;
        }
        WireBuffer raw = block.rawValues().buffer();
        int pos = 0;
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream sentBefore = longData.get(i);
            if (block.nullBitmap(i)) {
                values.add(null);
            } else if (sentBefore != null) {
                // Sent in COM_STMT_SEND_LONG_DATA pieces: the value is not repeated here.
                values.add(bytesOrText(sentBefore.toByteArray(), bound.types[i]));
            } else {
                rawValue.wrap(raw, pos, raw.length() - pos, bound.types[i]);
                values.add(value(rawValue, bound, i));
                pos += rawValue.encodedLength();
            }
        }
        return values;
    }

    private Object value(MyBinaryValueDecoder value, Bound bound, int i) {
        try {
            return toJava(value, bound.types[i], bound.unsigned[i]);
        } catch (java.time.DateTimeException e) {
            // Well-formed bytes, impossible value (month 13, hour 25): bad input all the same.
            throw new CodecException("parameter " + i + ": " + e.getMessage(), 0);
        }
    }

    private static Object toJava(MyBinaryValueDecoder value, int type, boolean unsigned) {
        switch (value.valueArm()) {
            case 0: // LONGLONG
                long l = value.valueAsLonglong();
                return unsigned && l < 0 ? new BigInteger(Long.toUnsignedString(l)) : (Object) l;
            case 1: // LONG, INT24
                long i = value.valueAsLong();
                return unsigned ? (Object) i : (Object) (int) i;
            case 2: // SHORT, YEAR
                int s = value.valueAsShort();
                return unsigned || type == MyColumnType.YEAR.value() ? (Object) s : (Object) (int) (short) s;
            case 3: // TINY
                int t = value.valueAsTiny();
                return unsigned ? (Object) t : (Object) (int) (byte) t;
            case 4:
                return value.valueAsDouble();
            case 5:
                return value.valueAsFloat();
            case 6:
                return dateTime(value.valueAsDate(), type);
            case 7:
                return time(value.valueAsTime());
            case 8:
                return null;
            default:
                return bytesOrText(value.valueAsOther().toByteArray(), type);
        }
    }

    /** A string-typed value: bytes for blob types and for what is no UTF-8, else text (decimals as numbers). */
    private static Object bytesOrText(byte[] bytes, int type) {
        if (type >= MyColumnType.TINY_BLOB.value() && type <= MyColumnType.BLOB.value()
                || type == MyColumnType.GEOMETRY.value()) {
            return bytes;
        }
        // Connector/J sends byte[] as a string type too: bytes that are no UTF-8 stay bytes.
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notText) {
            return bytes;
        }
        if (type == MyColumnType.DECIMAL.value() || type == MyColumnType.NEWDECIMAL.value()) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private static Object dateTime(MyBinaryDateTimeDecoder d, int type) {
        if (d.length() == 0) {
            return null;   // 0000-00-00: MySQL's zero date has no Java counterpart
        }
        LocalDate date = LocalDate.of(d.year(), d.month(), d.day());
        if (type == MyColumnType.DATE.value() && d.length() == 4) {
            return date;
        }
        int hour = d.hasHour() ? d.hour() : 0;
        int minute = d.hasMinute() ? d.minute() : 0;
        int second = d.hasSecond() ? d.second() : 0;
        long micros = d.hasMicrosecond() ? d.microsecond() : 0;
        return LocalDateTime.of(date, LocalTime.of(hour, minute, second, (int) micros * 1000));
    }

    private static Object time(MyBinaryTimeDecoder t) {
        if (t.length() == 0) {
            return LocalTime.MIDNIGHT;
        }
        long micros = t.hasMicrosecond() ? t.microsecond() : 0;
        if (t.isNegative() == 0 && t.days() == 0) {
            return LocalTime.of(t.hour(), t.minute(), t.second(), (int) micros * 1000);
        }
        // Beyond a time of day: MySQL's TIME range, as text H2 may still convert.
        long hours = t.days() * 24 + t.hour();
        return (t.isNegative() != 0 ? "-" : "") + hours + ":" + two(t.minute()) + ":" + two(t.second());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
