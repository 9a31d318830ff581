package io.sqlxwire.codegen.java.encoder;

import java.util.Optional;

/**
 * What an expression may read at one point of an encoder: the values already written (and kept),
 * parameters, lets, the session. An empty answer means "not computable here" (a length patched
 * later, a peek at bytes not written yet, a member of a nested value), and the check using it is
 * left out rather than guessed.
 */
public interface ExpressionScope {

    Optional<JavaExpr> field(String name);

    Optional<JavaExpr> let(String name);

    Optional<JavaExpr> param(String name);

    /** The index of the array element being added, inside element arguments. */
    Optional<JavaExpr> elementIndex();

    /** Bytes a completed earlier field took. */
    Optional<JavaExpr> sizeOf(String name);

    /** Elements a completed earlier array field has. */
    Optional<JavaExpr> countOf(String name);

    /** Whether {@code session} is in scope. */
    boolean hasSession();
}
