package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyStatusFlags;

/**
 * How a statement ended: the OK packet's numbers, or the EOF/OK after a result set's rows.
 *
 * @param affectedRows rows changed, inserted or deleted (0 for a result set)
 * @param lastInsertId the AUTO_INCREMENT value generated, or 0
 * @param warnings the warning count
 * @param statusFlags SERVER_STATUS_* bits ({@link MyStatusFlags})
 * @param info the server's human-readable message (may be empty)
 */
public record Outcome(long affectedRows, long lastInsertId, int warnings, int statusFlags, String info) {

    /** Whether another result of the same command follows (SERVER_MORE_RESULTS_EXISTS). */
    public boolean moreResults() {
        return (statusFlags & MyStatusFlags.SERVER_MORE_RESULTS_EXISTS) != 0;
    }
}
