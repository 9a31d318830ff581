package io.sqlxwire.examples.myserver;

import io.sqlxwire.protocols.mysql.MyAuthSwitchResponseDecoder;
import io.sqlxwire.protocols.mysql.MyClientHandler;
import io.sqlxwire.protocols.mysql.MyHandshakeResponse41Decoder;
import io.sqlxwire.protocols.mysql.MyMachine;
import io.sqlxwire.protocols.mysql.MySSLRequestDecoder;

/**
 * The client's packets of the connection phase, as the generated dispatcher hands them over: each is
 * given to the machine first (which checks it comes at the right time and records the negotiated
 * capabilities in the session) and then copied out, since the decoder is reused by the next packet.
 * Any other message leaves {@link #kind} {@code NONE}: the caller treats that as a protocol error.
 */
final class HandshakePackets implements MyClientHandler {
    enum Kind { NONE, SSL_REQUEST, HANDSHAKE_RESPONSE, AUTH_SWITCH_RESPONSE }

    /** What HandshakeResponse41 said. */
    record Response(String user, byte[] authResponse, String database, String plugin, long clientFlags,
                    int collation) {
    }

    private final MyMachine machine;
    Kind kind = Kind.NONE;
    Response response;
    byte[] authData;

    HandshakePackets(MyMachine machine) {
        this.machine = machine;
    }

    void clear() {
        kind = Kind.NONE;
        response = null;
        authData = null;
    }

    @Override
    public void onSSLRequest(MySSLRequestDecoder m) {
        machine.receive(m);
        kind = Kind.SSL_REQUEST;
    }

    @Override
    public void onHandshakeResponse41(MyHandshakeResponse41Decoder m) {
        machine.receive(m);
        byte[] auth = m.hasAuthResponse() ? m.authResponse().toByteArray()
                : m.hasAuthResponseShort() ? m.authResponseShort().toByteArray() : new byte[0];
        String database = m.hasDatabase() && m.database().byteLength() > 0 ? m.databaseAsString() : null;
        String plugin = m.hasClientPluginName() ? m.clientPluginNameAsString() : null;
        response = new Response(m.usernameAsString(), auth, database, plugin, m.clientFlag(), m.characterSet());
        kind = Kind.HANDSHAKE_RESPONSE;
    }

    @Override
    public void onAuthSwitchResponse(MyAuthSwitchResponseDecoder m) {
        machine.receive(m);
        authData = m.data().toByteArray();
        kind = Kind.AUTH_SWITCH_RESPONSE;
    }
}
