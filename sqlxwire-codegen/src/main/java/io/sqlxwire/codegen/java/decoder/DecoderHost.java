package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.TypeSpec;

/**
 * Where generated storage, accessors and read code go: the decoder itself or one of its cursors,
 * with the expression writer that reaches the decoder's values from there.
 */
record DecoderHost(TypeSpec.Builder type, ExpressionWriter expressions, String ownerRef) {}
