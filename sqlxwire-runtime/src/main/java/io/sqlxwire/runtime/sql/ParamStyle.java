package io.sqlxwire.runtime.sql;

/** The five ways clients mark query parameters (named after Python DB-API's paramstyle where it has one). */
public enum ParamStyle {
    /** {@code %s}: one parameter per occurrence, in order (psycopg2, PyMySQL); {@code %%} is a literal %. */
    FORMAT,
    /** {@code %(name)s}: named (psycopg2, PyMySQL with a dict); {@code %%} is a literal %. */
    PYFORMAT,
    /** {@code $1}, {@code $2}: numbered, may repeat and come in any order (PostgreSQL's own). */
    DOLLAR,
    /** {@code ?}: one parameter per occurrence, in order (JDBC, ODBC, MySQL prepared statements). */
    QMARK,
    /** {@code :name}: named (SQLAlchemy text(), Oracle, JPA); {@code ::} is a cast, not a parameter. */
    NAMED;

    boolean isPercent() {
        return this == FORMAT || this == PYFORMAT;
    }

    boolean isNamed() {
        return this == PYFORMAT || this == NAMED;
    }

    /** True when each occurrence is its own parameter: the style cannot repeat or reorder parameters. */
    boolean isByOccurrence() {
        return this == FORMAT || this == QMARK;
    }
}
