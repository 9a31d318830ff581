package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.SqlDatabase;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What every connection of one server shares.
 *
 * @param user        the one user name that may log in
 * @param password    its password
 * @param auth        how the password is checked
 * @param database    the H2 database sessions open connections to
 * @param tls         the TLS context for SSLRequest, or null to answer 'N' (no TLS)
 * @param readTimeout how long a read may wait for the client (zero: forever)
 */
public record PgServerConfig(String user, String password, AuthMethod auth, SqlDatabase database, SSLContext tls,
                      Duration readTimeout) {

    /** Password authentication methods. */
    public enum AuthMethod { SCRAM_SHA_256, MD5 }
}
