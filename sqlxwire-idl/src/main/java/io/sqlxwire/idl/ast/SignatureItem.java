package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;

/** One statement of a {@code signature} block. */
public sealed interface SignatureItem {

    SourceSpan span();

    /** {@code min 8;}: how many bytes must be present before the signature can be judged. */
    record Min(Expr bytes, SourceSpan span) implements SignatureItem {}

    /** {@code at 4 match x"00030000" mask x"ffff0000";}. */
    record Match(Expr offset, Expr bytes, Expr mask, SourceSpan span) implements SignatureItem {}

    /** {@code alpn "postgresql";}: the TLS ALPN protocol name that announces this protocol. */
    record Alpn(String protocol, SourceSpan span) implements SignatureItem {}
}
