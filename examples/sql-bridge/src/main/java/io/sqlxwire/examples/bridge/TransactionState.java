package io.sqlxwire.examples.bridge;

/** Where a session stands with respect to transactions (PostgreSQL's ReadyForQuery I / T / E). */
public enum TransactionState {
    /** Autocommit: every statement is its own transaction. */
    IDLE,
    /** Inside an explicit transaction block (after BEGIN / START TRANSACTION). */
    IN_TRANSACTION,
    /** Inside a block in which a statement failed: only ROLLBACK (or COMMIT, which rolls back) is accepted. */
    FAILED
}
