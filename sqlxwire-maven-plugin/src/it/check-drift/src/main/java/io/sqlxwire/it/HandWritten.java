package io.sqlxwire.it;

/** Hand-written, next to the generated sources: check and apply must leave it alone. */
final class HandWritten {}
