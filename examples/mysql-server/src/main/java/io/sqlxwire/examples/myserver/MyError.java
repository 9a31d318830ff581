package io.sqlxwire.examples.myserver;

/**
 * An error as a MySQL client sees it in an ERR packet: the server's error number, the SQLSTATE and
 * the message.
 */
record MyError(int code, String sqlState, String message) {
    static final int ACCESS_DENIED = 1045;
    static final int TOO_MANY_CONNECTIONS = 1040;
    static final int UNKNOWN_COMMAND = 1047;
    static final int MALFORMED_PACKET = 1835;
    static final int UNKNOWN_STMT_HANDLER = 1243;
    static final int HANDSHAKE_ERROR = 1043;
    static final int UNKNOWN_ERROR = 1105;
    static final int NOT_SUPPORTED_YET = 1235;
    static final int INVALID_CHARACTER_STRING = 1300;

    static MyError accessDenied(String user, boolean usingPassword) {
        return new MyError(ACCESS_DENIED, "28000", "Access denied for user '" + user + "'@'localhost' (using password: "
                + (usingPassword ? "YES" : "NO") + ")");
    }

    static MyError malformed(String detail) {
        return new MyError(MALFORMED_PACKET, "HY000", "Malformed communication packet: " + detail);
    }
}
