package io.sqlxwire.examples.myclient;

import java.io.IOException;

/** The server closed the connection (or it was closed here) while an answer was expected. */
public final class ConnectionClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message) {
        super(message);
    }
}
