package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MyStatusFlags;

/** What this server offers in its greeting, and the status flags it reports. */
final class ServerCapabilities {
    private ServerCapabilities() {
    }

    /**
     * Offered to every client. CLIENT_LONG_PASSWORD set means "MySQL" to MariaDB clients, so they keep
     * to the MySQL protocol (no MariaDB extended capabilities). Not offered, because this server does
     * not do them: multi-statements, compression, LOCAL INFILE, session tracking, query attributes,
     * optional result-set metadata.
     */
    static final long BASE = MyCapabilityFlags.CLIENT_LONG_PASSWORD
            | MyCapabilityFlags.CLIENT_FOUND_ROWS
            | MyCapabilityFlags.CLIENT_LONG_FLAG
            | MyCapabilityFlags.CLIENT_CONNECT_WITH_DB
            | MyCapabilityFlags.CLIENT_PROTOCOL_41
            | MyCapabilityFlags.CLIENT_INTERACTIVE
            | MyCapabilityFlags.CLIENT_TRANSACTIONS
            | MyCapabilityFlags.CLIENT_RESERVED2
            | MyCapabilityFlags.CLIENT_MULTI_RESULTS
            | MyCapabilityFlags.CLIENT_PS_MULTI_RESULTS
            | MyCapabilityFlags.CLIENT_PLUGIN_AUTH
            | MyCapabilityFlags.CLIENT_CONNECT_ATTRS
            | MyCapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
            | MyCapabilityFlags.CLIENT_DEPRECATE_EOF;

    /** Offered when the server has a key store. */
    static final long TLS = MyCapabilityFlags.CLIENT_SSL;

    /** utf8mb4_general_ci, the server's default collation in the greeting. */
    static final int DEFAULT_COLLATION = ResultColumn.UTF8MB4_GENERAL_CI;

    static int status(boolean autocommit, boolean inTransaction) {
        return (int) ((autocommit ? MyStatusFlags.SERVER_STATUS_AUTOCOMMIT : 0)
                | (inTransaction ? MyStatusFlags.SERVER_STATUS_IN_TRANS : 0));
    }
}
