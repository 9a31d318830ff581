package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;

/** What a struct, message or framing header contains: fields read from the wire, and computed lets. */
public sealed interface Member {

    Name name();

    String doc();

    SourceSpan span();

    /**
     * A field on the wire.
     *
     * @param value     a constant ({@code = 0x0a}) or computed value ({@code = crc32c()}), or {@code null}
     * @param condition present only {@code if} this holds, or {@code null}
     * @param size      {@code size(expr)}: the field's type is bounded to that many bytes, or {@code null}
     * @param at        {@code at(expr)}: read at that offset of the enclosing region, or {@code null}
     * @param transform {@code transform(name)}: a hand-written transform applied to the bytes, or {@code null}
     */
    record Field(Name name, String doc, TypeRef type, Expr value, Expr condition, Expr size, Expr at,
                 Name transform, SourceSpan span) implements Member {
        /** A field named {@code _} is padding or reserved space without a name of its own. */
        public boolean isAnonymous() {
            return name.text().equals("_");
        }
    }

    /** {@code let name[: type] = expr;}: a value computed from earlier fields, not on the wire. */
    record Let(Name name, String doc, TypeRef type, Expr value, SourceSpan span) implements Member {}
}
