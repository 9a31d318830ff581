package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;

/** An identifier as written, with its position (for "unknown name" and "duplicate name" reports). */
public record Name(String text, SourceSpan span) {
    @Override
    public String toString() {
        return text;
    }
}
