package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyColumnType;

/** What a column's values are, whichever protocol carries them: decides parsing and Java types. */
public enum ValueKind {
    /** TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT, YEAR: a {@code Long} (BIGINT UNSIGNED: a {@code BigInteger}). */
    INTEGER,
    /** FLOAT: a {@code Float}. */
    FLOAT,
    /** DOUBLE: a {@code Double}. */
    DOUBLE,
    /** DECIMAL: a {@code BigDecimal}. */
    DECIMAL,
    /** DATE: a {@code LocalDate}. */
    DATE,
    /** DATETIME, TIMESTAMP: a {@code LocalDateTime}. */
    DATETIME,
    /** TIME (-838:59:59 to 838:59:59): a {@code Duration}. */
    TIME,
    /** BINARY, VARBINARY, BLOB, BIT, GEOMETRY: a {@code byte[]}. */
    BYTES,
    /** CHAR, VARCHAR, TEXT, ENUM, SET, JSON: a {@code String}. */
    TEXT,
    /** The type of a bare NULL literal: always null. */
    NULL;

    static ValueKind of(ColumnInfo column) {
        int t = column.type().value();
        if (t == MyColumnType.TINY.value() || t == MyColumnType.SHORT.value()
                || t == MyColumnType.INT24.value() || t == MyColumnType.LONG.value()
                || t == MyColumnType.LONGLONG.value() || t == MyColumnType.YEAR.value()) {
            return INTEGER;
        }
        if (t == MyColumnType.FLOAT.value()) {
            return FLOAT;
        }
        if (t == MyColumnType.DOUBLE.value()) {
            return DOUBLE;
        }
        if (t == MyColumnType.DECIMAL.value() || t == MyColumnType.NEWDECIMAL.value()) {
            return DECIMAL;
        }
        if (t == MyColumnType.DATE.value() || t == MyColumnType.NEWDATE.value()) {
            return DATE;
        }
        if (t == MyColumnType.DATETIME.value() || t == MyColumnType.TIMESTAMP.value()) {
            return DATETIME;
        }
        if (t == MyColumnType.TIME.value()) {
            return TIME;
        }
        if (t == MyColumnType.NULL.value()) {
            return NULL;
        }
        return column.isBinary() ? BYTES : TEXT;
    }
}
