package io.sqlxwire.examples.pgserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * PostgreSQL 17's direct TLS: the client starts with a TLS ClientHello instead of SSLRequest and
 * must offer ALPN "postgresql", which the server must select (a client that offers no ALPN or
 * another protocol is refused, as PostgreSQL does, so a TLS connection meant for another service
 * cannot be replayed here).
 */
final class DirectTls {
    static final String ALPN = "postgresql";

    private DirectTls() {
    }

    /** Completes the handshake whose first bytes were already read; returns the TLS socket. */
    static SSLSocket accept(SSLContext context, Socket socket, byte[] alreadyRead) throws IOException {
        SSLSocket secure = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, new ByteArrayInputStream(alreadyRead), true);
        secure.setUseClientMode(false);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {ALPN});
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        if (!ALPN.equals(secure.getApplicationProtocol())) {
            secure.close();
            throw new IOException("direct TLS without ALPN \"" + ALPN + "\"");
        }
        return secure;
    }
}
