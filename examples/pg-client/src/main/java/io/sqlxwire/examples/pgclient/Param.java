package io.sqlxwire.examples.pgclient;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One parameter value of an extended query, already in its wire form.
 *
 * @param typeOid the type to declare in Parse, or 0 to let the server infer it
 * @param format TEXT or BINARY
 * @param value the bytes, or null for SQL NULL
 */
public record Param(long typeOid, Format format, byte[] value) {

    /** Text the server converts to whatever type the statement needs (type left to the server). */
    public static Param text(String value) {
        return new Param(0, Format.TEXT, utf8(value));
    }

    /** Text for a given type, e.g. {@code Param.text(PgTypes.NUMERIC, "12.50")}. */
    public static Param text(long typeOid, String value) {
        return new Param(typeOid, Format.TEXT, utf8(value));
    }

    public static Param nullOf(long typeOid) {
        return new Param(typeOid, Format.TEXT, null);
    }

    public static Param int2(short value) {
        return new Param(PgTypes.INT2, Format.BINARY, ByteBuffer.allocate(2).putShort(value).array());
    }

    public static Param int4(int value) {
        return new Param(PgTypes.INT4, Format.BINARY, ByteBuffer.allocate(4).putInt(value).array());
    }

    public static Param int8(long value) {
        return new Param(PgTypes.INT8, Format.BINARY, ByteBuffer.allocate(8).putLong(value).array());
    }

    public static Param float8(double value) {
        return new Param(PgTypes.FLOAT8, Format.BINARY, ByteBuffer.allocate(8).putDouble(value).array());
    }

    public static Param bool(boolean value) {
        return new Param(PgTypes.BOOL, Format.BINARY, new byte[] {(byte) (value ? 1 : 0)});
    }

    /** UTF-8 text sent as the binary form of text, which is the same bytes. */
    public static Param textBinary(String value) {
        return new Param(PgTypes.TEXT, Format.BINARY, utf8(value));
    }

    public static Param bytea(byte[] value) {
        return new Param(PgTypes.BYTEA, Format.BINARY, value.clone());
    }

    public static Param date(LocalDate value) {
        int days = (int) ChronoUnit.DAYS.between(PgTypes.EPOCH, value);
        return new Param(PgTypes.DATE, Format.BINARY, ByteBuffer.allocate(4).putInt(days).array());
    }

    public static Param timestamp(LocalDateTime value) {
        long micros = ChronoUnit.MICROS.between(PgTypes.EPOCH.atStartOfDay(), value);
        return new Param(PgTypes.TIMESTAMP, Format.BINARY, ByteBuffer.allocate(8).putLong(micros).array());
    }

    /** numeric goes as text: exact, and the server parses it (its binary form is base-10000 digits). */
    public static Param numeric(BigDecimal value) {
        return text(PgTypes.NUMERIC, value.toPlainString());
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Param[type=" + typeOid + ", " + format + ", " + (value == null ? "NULL" : value.length + " bytes") + "]";
    }
}
