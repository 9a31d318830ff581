package io.sqlxwire.runtime.detect;

/** Which side of a connection a signature looks at: the one that speaks first in its protocol. */
public enum FirstSpeaker {
    /** The client opens the conversation (PostgreSQL, TDS, Redis, ...): its first bytes are matched. */
    CLIENT,
    /** The server greets first (MySQL): chosen when the client stays silent, confirmed by the greeting. */
    SERVER
}
