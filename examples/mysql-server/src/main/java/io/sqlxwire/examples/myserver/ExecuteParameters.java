package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyBinaryDateTimeDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryTimeDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryValueDecoder;
import io.sqlxwire.protocols.mysql.MyColumnType;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.LengthEncodedInt;
import io.sqlxwire.runtime.error.CodecException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter block of COM_STMT_EXECUTE, which {@code mysql.wire} keeps raw because its layout
 * depends on the statement's parameter count from COM_STMT_PREPARE_OK: a NULL bitmap, the
 * new-params-bound flag, then (if 1) a type and an unsigned flag per parameter, then each non-NULL
 * value. Types sent once are kept for later executions that send flag 0. The values are read with
 * the generated BinaryValue decoder; only their extent is worked out here, so it can be wrapped
 * exactly.
 */
final class ExecuteParameters {
    private final MyBinaryValueDecoder value = new MyBinaryValueDecoder();

    /** The types bound last for a statement: MySQL type and whether the value is unsigned. */
    static final class Bound {
        int[] types;
        boolean[] unsigned;
    }

    /**
     * The parameter values as Java objects (null for NULL) for the bridge.
     *
     * @throws CodecException when the block does not hold what the statement's parameters need
     */
    List<Object> read(byte[] block, int count, Bound bound, java.util.Map<Integer, java.io.ByteArrayOutputStream> longData) {
        List<Object> values = new ArrayList<>(count);
        if (count == 0) {
            return values;
        }
        WireBuffer in = WireBuffer.of(block);
        int bitmapLength = (count + 7) / 8;
        int pos = need(in, 0, bitmapLength + 1);
        int flag = in.u8(bitmapLength);
        pos = bitmapLength + 1;
        if (flag == 1) {
            need(in, pos, 2 * count);
            bound.types = new int[count];
            bound.unsigned = new boolean[count];
            for (int i = 0; i < count; i++) {
                bound.types[i] = in.u8(pos);
                bound.unsigned[i] = (in.u8(pos + 1) & 0x80) != 0;
                pos += 2;
            }
        } else if (bound.types == null) {
            throw new CodecException("COM_STMT_EXECUTE parameters: no types bound", bitmapLength);
        }
        for (int i = 0; i < count; i++) {
            boolean isNull = (in.u8(i / 8) & (1 << (i % 8))) != 0;
            if (isNull) {
                values.add(null);
                continue;
            }
            int type = bound.types[i];
            java.io.ByteArrayOutputStream sentBefore = longData.get(i);
            if (sentBefore != null) {
                // Sent in COM_STMT_SEND_LONG_DATA pieces: the value is not repeated here.
                values.add(bytesOrText(sentBefore.toByteArray(), type));
                continue;
            }
            int length = extent(in, pos, type);
            value.wrap(in, pos, length, type);
            try {
                values.add(toJava(type, bound.unsigned[i]));
            } catch (java.time.DateTimeException e) {
                // Well-formed bytes, impossible value (month 13, hour 25): bad input all the same.
                throw new CodecException("parameter " + i + ": " + e.getMessage(), pos);
            }
            pos += length;
        }
        return values;
    }

    /** How many bytes the value of {@code type} at {@code pos} takes. */
    private static int extent(WireBuffer in, int pos, int type) {
        switch (type) {
            case 0x01: // TINY
                return need(in, pos, 1);
            case 0x02: // SHORT
            case 0x0d: // YEAR
                return need(in, pos, 2);
            case 0x03: // LONG
            case 0x09: // INT24
            case 0x04: // FLOAT
                return need(in, pos, 4);
            case 0x08: // LONGLONG
            case 0x05: // DOUBLE
                return need(in, pos, 8);
            case 0x06: // NULL
                return 0;
            case 0x07: // TIMESTAMP
            case 0x0a: // DATE
            case 0x0c: // DATETIME
            case 0x0b: // TIME
                need(in, pos, 1);
                return need(in, pos, 1 + in.u8(pos));
            default: // strings, decimals, blobs: a length-encoded string
                need(in, pos, 1);
                int width = LengthEncodedInt.width(in, pos);
                need(in, pos, width);
                long length = LengthEncodedInt.read(in, pos);
                if (length < 0 || length > in.length() - pos - width) {
                    throw new CodecException("parameter value of " + length + " bytes runs past the packet", pos);
                }
                return width + (int) length;
        }
    }

    private static int need(WireBuffer in, int pos, int count) {
        if (count > in.length() - pos) {
            throw new CodecException("COM_STMT_EXECUTE parameters end early", pos);
        }
        return count;
    }

    private Object toJava(int type, boolean unsigned) {
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
