package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;

/** A positional ({@code name == null}) or named ({@code offset = 2}) argument of a type or call. */
public record Argument(Name name, Expr value, SourceSpan span) {
    public boolean isNamed() {
        return name != null;
    }
}
