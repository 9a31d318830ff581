package io.sqlxwire.examples.myclient;

/**
 * The server answered with an ERR packet. The connection stays usable after an error that answers
 * a command; an error during the handshake closes it.
 */
public final class ServerErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String sqlState;
    private final String serverMessage;

    public ServerErrorException(int errorCode, String sqlState, String serverMessage) {
        super("ERROR " + errorCode + " (" + sqlState + "): " + serverMessage);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    /** The server's error number, e.g. 1146 for a table that does not exist. */
    public int errorCode() {
        return errorCode;
    }

    /** The five-character SQLSTATE, e.g. {@code 42S02}; {@code HY000} when the server sent none. */
    public String sqlState() {
        return sqlState;
    }

    /** The server's message text, without the number and SQLSTATE. */
    public String serverMessage() {
        return serverMessage;
    }
}
