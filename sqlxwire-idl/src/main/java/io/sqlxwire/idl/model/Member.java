package io.sqlxwire.idl.model;

import io.sqlxwire.idl.diag.SourceSpan;

/** A checked member of a struct, message or framing header. */
public sealed interface Member permits Field, Let {

    String name();

    String doc();

    SourceSpan span();
}
