package io.sqlxwire.runtime.sql;

/** The lexical rules that decide where string literals, quoted identifiers and comments end. */
public enum SqlSyntax {
    /**
     * PostgreSQL: {@code '...'} with {@code ''} (standard_conforming_strings on), {@code E'...'} with
     * backslash escapes, {@code "..."} identifiers, {@code $tag$...$tag$} dollar quoting, {@code --} and
     * nested {@code /* *}{@code /} comments.
     */
    POSTGRESQL,
    /**
     * MySQL/MariaDB: {@code '...'} and {@code "..."} strings with backslash escapes and doubled quotes,
     * {@code `...`} identifiers, {@code --}, {@code #} and (not nested) {@code /* *}{@code /} comments.
     */
    MYSQL
}
