package io.sqlxwire.idl.model;

/** A parameter of a struct or message: a value the enclosing type passes in. */
public record Parameter(String name, WireType type, ExprType exprType) {}
