package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyBinaryDateTimeEncoder;
import io.sqlxwire.protocols.mysql.MyBinaryTimeEncoder;
import io.sqlxwire.protocols.mysql.MyBinaryValueEncoder;
import io.sqlxwire.protocols.mysql.MyColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * Values in the binary protocol ("Binary Protocol Value"): integers little-endian in the width of
 * their column type, floating point as IEEE 754, DATE/DATETIME as the shortest of the 4-, 7- and
 * 11-byte forms that holds the value, TIME as 8 or 12 bytes, everything else as a length-encoded
 * string of its text. The encoder picks the layout from the column type the machine recorded from
 * our own column definition.
 */
final class BinaryValues {
    private BinaryValues() {
    }

    static void write(MyBinaryValueEncoder out, Object value, ResultColumn column) {
        MyColumnType type = column.type();
        if (type == MyColumnType.TINY) {
            out.valueAsTiny((int) (integer(value) & 0xFF));
        } else if (type == MyColumnType.SHORT || type == MyColumnType.YEAR) {
            out.valueAsShort((int) (integer(value) & 0xFFFF));
        } else if (type == MyColumnType.LONG || type == MyColumnType.INT24) {
            out.valueAsLong(integer(value) & 0xFFFFFFFFL);
        } else if (type == MyColumnType.LONGLONG) {
            out.valueAsLonglong(integer(value));
        } else if (type == MyColumnType.FLOAT) {
            out.valueAsFloat(((Number) value).floatValue());
        } else if (type == MyColumnType.DOUBLE) {
            out.valueAsDouble(((Number) value).doubleValue());
        } else if (type == MyColumnType.DATE || type == MyColumnType.DATETIME || type == MyColumnType.TIMESTAMP) {
            dateTime(out.valueAsDate(), value);
        } else if (type == MyColumnType.TIME) {
            time(out.valueAsTime(), value);
        } else {
            out.valueAsOther(TextValues.of(value, column));
        }
    }

    private static long integer(Object value) {
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1 : 0;
        }
        return ((Number) value).longValue();
    }

    private static void dateTime(MyBinaryDateTimeEncoder out, Object value) {
        LocalDateTime t;
        if (value instanceof LocalDate) {
            t = ((LocalDate) value).atStartOfDay();
        } else if (value instanceof OffsetDateTime) {
            t = ((OffsetDateTime) value).toLocalDateTime();
        } else {
            t = (LocalDateTime) value;
        }
        int micros = t.getNano() / 1000;
        boolean hasTime = t.getHour() != 0 || t.getMinute() != 0 || t.getSecond() != 0 || micros != 0;
        int length = micros != 0 ? 11 : hasTime ? 7 : 4;
        out.length(length);
        // The form the length announces (mysql.wire refuses any other length).
        if (length == 11) {
            out.formAsCase11();
        } else if (length == 7) {
            out.formAsCase7();
        } else {
            out.formAsCase4();
        }
        out.year(t.getYear()).month(t.getMonthValue()).day(t.getDayOfMonth());
        if (length >= 7) {
            out.hour(t.getHour()).minute(t.getMinute()).second(t.getSecond());
        }
        if (length == 11) {
            out.microsecond(micros);
        }
    }

    private static void time(MyBinaryTimeEncoder out, Object value) {
        LocalTime t = value instanceof OffsetTime ? ((OffsetTime) value).toLocalTime() : (LocalTime) value;
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            out.length(12).formAsCase12();
        } else {
            out.length(8).formAsCase8();
        }
        out.isNegative(0).days(0)
                .hour(t.getHour()).minute(t.getMinute()).second(t.getSecond());
        if (micros != 0) {
            out.microsecond(micros);
        }
    }
}
