package io.sqlxwire.examples.pgclient;

/** How a value travels: PostgreSQL's format codes for parameters and result columns. */
public enum Format {
    /** The type's text output, as psql shows it. */
    TEXT(0),
    /** The type's binary send/receive form (big-endian integers, IEEE floats, ...). */
    BINARY(1);

    private final int code;

    Format(int code) {
        this.code = code;
    }

    /** The format code on the wire. */
    public int code() {
        return code;
    }

    static Format of(int code) {
        return code == 1 ? BINARY : TEXT;
    }
}
