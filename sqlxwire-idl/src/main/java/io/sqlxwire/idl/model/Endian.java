package io.sqlxwire.idl.model;

/** Byte order of a multi-byte number on the wire. */
public enum Endian {
    BIG,
    LITTLE
}
