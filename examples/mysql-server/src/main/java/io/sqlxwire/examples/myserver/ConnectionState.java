package io.sqlxwire.examples.myserver;

/** Session settings MySQL has and H2's JDBC session does not track for us. */
final class ConnectionState {
    /** MySQL's autocommit: off means every statement outside a transaction opens one. */
    boolean autocommit = true;
    /** The current database (H2 schema). */
    String schema = "public";
    /** The thread id the greeting announced. */
    long connectionId;
    /** Set by COM_QUIT. */
    boolean quit;
}
