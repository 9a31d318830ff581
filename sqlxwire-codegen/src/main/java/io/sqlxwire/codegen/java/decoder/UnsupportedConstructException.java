package io.sqlxwire.codegen.java.decoder;

/** A construct the checker accepts but this generator cannot translate yet; generation stops with its name. */
public final class UnsupportedConstructException extends RuntimeException {

    public UnsupportedConstructException(String what) {
        super("not supported by the decoder generator: " + what);
    }
}
