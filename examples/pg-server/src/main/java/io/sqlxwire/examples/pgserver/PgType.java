package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.SqlColumn;
import java.sql.Types;

/**
 * The PostgreSQL types this server speaks, with their pg_type OIDs and sizes (typlen, -1 for
 * variable width), and how an H2 column or parameter type maps onto them.
 */
enum PgType {
    BOOL(16, 1, "BOOLEAN"),
    BYTEA(17, -1, "VARBINARY"),
    INT8(20, 8, "BIGINT"),
    INT2(21, 2, "SMALLINT"),
    INT4(23, 4, "INTEGER"),
    TEXT(25, -1, "VARCHAR"),
    OID(26, 4, "INTEGER"),
    FLOAT4(700, 4, "REAL"),
    FLOAT8(701, 8, "DOUBLE PRECISION"),
    UNKNOWN(705, -2, "VARCHAR"),
    BPCHAR(1042, -1, "VARCHAR"),
    VARCHAR(1043, -1, "VARCHAR"),
    DATE(1082, 4, "DATE"),
    TIME(1083, 8, "TIME(6)"),
    TIMESTAMP(1114, 8, "TIMESTAMP(6)"),
    TIMESTAMPTZ(1184, 8, "TIMESTAMP(6) WITH TIME ZONE"),
    TIMETZ(1266, 12, "TIME(6) WITH TIME ZONE"),
    // DECFLOAT, not NUMERIC: an H2 NUMERIC without precision has scale 0 and would cut decimals.
    NUMERIC(1700, -1, "DECFLOAT"),
    UUID(2950, 16, "UUID");

    final int oid;
    final int size;
    /** The H2 type a parameter declared with this OID is cast to. */
    final String h2Name;

    PgType(int oid, int size, String h2Name) {
        this.oid = oid;
        this.size = size;
        this.h2Name = h2Name;
    }

    /** The type of an OID a client named (Parse), or null for OIDs this server does not know. */
    static PgType ofOid(long oid) {
        for (PgType type : values()) {
            if (type.oid == oid) {
                return type;
            }
        }
        return null;
    }

    /** The PostgreSQL type that carries an H2 result column; anything unmapped travels as text. */
    static PgType of(SqlColumn column) {
        if ("UUID".equalsIgnoreCase(column.typeName())) {
            return UUID;
        }
        return ofJdbc(column.jdbcType());
    }

    static PgType ofJdbc(int jdbcType) {
        switch (jdbcType) {
            case Types.BOOLEAN:
            case Types.BIT:
                return BOOL;
            case Types.TINYINT:
            case Types.SMALLINT:
                return INT2;
            case Types.INTEGER:
                return INT4;
            case Types.BIGINT:
                return INT8;
            case Types.REAL:
                return FLOAT4;
            case Types.FLOAT:
            case Types.DOUBLE:
                return FLOAT8;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return NUMERIC;
            case Types.CHAR:
            case Types.NCHAR:
                return BPCHAR;
            case Types.VARCHAR:
            case Types.NVARCHAR:
                return VARCHAR;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return BYTEA;
            case Types.DATE:
                return DATE;
            case Types.TIME:
                return TIME;
            case Types.TIME_WITH_TIMEZONE:
                return TIMETZ;
            case Types.TIMESTAMP:
                return TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMPTZ;
            default:
                return TEXT;
        }
    }

    /**
     * pg_attribute.atttypmod of a column: declared length + 4 for character types,
     * ((precision << 16) | scale) + 4 for numeric, -1 when there is none.
     */
    static int typeModifier(SqlColumn column, PgType type) {
        if ((type == VARCHAR || type == BPCHAR) && column.precision() > 0 && column.precision() < 10_485_760) {
            return column.precision() + 4;
        }
        if (type == NUMERIC && column.precision() > 0 && column.precision() <= 1000 && column.scale() >= 0) {
            return ((column.precision() << 16) | column.scale()) + 4;
        }
        return -1;
    }
}
