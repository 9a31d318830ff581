package io.sqlxwire.runtime;

/**
 * Which way a message travels. Protocols name the two sides differently (PostgreSQL's frontend and
 * backend, MySQL's client and server); generated code maps its names onto these two.
 */
public enum Direction {
    /** Sent by the client (PostgreSQL frontend). */
    CLIENT_TO_SERVER,
    /** Sent by the server (PostgreSQL backend). */
    SERVER_TO_CLIENT
}
