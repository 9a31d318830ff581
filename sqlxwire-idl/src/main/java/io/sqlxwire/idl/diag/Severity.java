package io.sqlxwire.idl.diag;

/** How bad a diagnostic is: errors stop generation, warnings do not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word printed in `path:line:col: error: message`. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
