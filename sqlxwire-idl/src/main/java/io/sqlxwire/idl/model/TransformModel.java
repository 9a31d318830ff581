package io.sqlxwire.idl.model;

/** A named hand-written transform; generated code asks the user for an implementation of it. */
public record TransformModel(String name, String doc) {}
