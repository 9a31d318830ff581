package io.sqlxwire.codegen.java.arbitrary;

/**
 * A layout the arbitraries cannot yet generate valid values for (a condition on a computed let,
 * a peek outside a union subject, ...). The record is then left out of the arbitraries and the
 * properties, and the reason is listed in the generated class's Javadoc, so the gap is visible.
 */
public final class UnsupportedShapeException extends RuntimeException {

    public UnsupportedShapeException(String message) {
        super(message);
    }
}
