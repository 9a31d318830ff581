package io.sqlxwire.idl.model;

import io.sqlxwire.idl.diag.SourceSpan;

/** A value computed from earlier members; a {@link TypedExpr.Join} let is the source of its parts. */
public record Let(String name, String doc, ExprType type, TypedExpr value, SourceSpan span) implements Member {

    public boolean isJoin() {
        return value instanceof TypedExpr.Join;
    }
}
