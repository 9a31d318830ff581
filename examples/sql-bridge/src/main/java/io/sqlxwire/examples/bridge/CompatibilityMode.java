package io.sqlxwire.examples.bridge;

/**
 * The SQL dialect H2 imitates for a database, and the transaction rules of the server it stands in
 * for. The dialect is the database's (H2's mode is database-wide); the rules are each session's, so a
 * session can follow another mode's rules on the same database ({@link SqlDatabase#openSession(CompatibilityMode)}).
 */
public enum CompatibilityMode {
    /** PostgreSQL: lower-case identifiers, NULLs sort last; an error aborts the open transaction. */
    POSTGRESQL("MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", true),
    /** MySQL: lower-case identifiers; an error fails only its own statement. */
    MYSQL("MODE=MySQL;DATABASE_TO_LOWER=TRUE", false);

    private final String urlSettings;
    private final boolean errorAbortsTransaction;

    CompatibilityMode(String urlSettings, boolean errorAbortsTransaction) {
        this.urlSettings = urlSettings;
        this.errorAbortsTransaction = errorAbortsTransaction;
    }

    /** The H2 JDBC URL settings ({@code ;}-separated) that select this mode. */
    public String urlSettings() {
        return urlSettings;
    }

    /**
     * Whether a failed statement inside a transaction block puts the block into the failed state
     * (PostgreSQL: every later statement is refused until ROLLBACK) rather than only failing itself.
     */
    public boolean errorAbortsTransaction() {
        return errorAbortsTransaction;
    }
}
