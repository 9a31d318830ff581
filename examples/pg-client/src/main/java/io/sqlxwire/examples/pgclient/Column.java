package io.sqlxwire.examples.pgclient;

/**
 * One result column as the server described it in RowDescription.
 *
 * @param typeOid the column's type (see {@link PgTypes})
 * @param format the format its values arrive in
 */
public record Column(String name, long tableOid, int columnAttribute, long typeOid, int typeSize,
        int typeModifier, Format format) {
}
