package io.sqlxwire.idl.model;

/** A per-connection variable, with its initial value ({@code null}: zero, false or empty). */
public record SessionVariable(String name, String doc, WireType type, ExprType exprType, TypedExpr initial) {}
