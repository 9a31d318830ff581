package io.sqlxwire.examples.pgserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sqlxwire.examples.auth.AuthenticationException;
import io.sqlxwire.examples.auth.PostgresMd5Password;
import io.sqlxwire.examples.auth.ScramHash;
import io.sqlxwire.examples.auth.ScramServer;
import io.sqlxwire.examples.auth.StoredScramCredentials;
import java.security.SecureRandom;

/**
 * One login's password exchange: SCRAM-SHA-256 (AuthenticationSASL, SASLContinue, SASLFinal) or MD5
 * (AuthenticationMD5Password with a fresh salt). A wrong user name runs the same exchange against
 * a random password, so the answer does not tell which of user and password was wrong.
 */
final class PgPasswordCheck {
    static final String SCRAM = "SCRAM-SHA-256";
    private static final int SCRAM_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PgServerConfig.AuthMethod method;
    private final String user;
    private final String password;
    private ScramServer scram;
    private byte[] md5Salt;

    PgPasswordCheck(PgServerConfig config, String user) {
        this.method = config.auth();
        this.user = user;
        this.password = user.equals(config.user()) ? config.password() : randomPassword();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /** Sends the authentication request. */
    void start(PgOutput out) {
        if (method == PgServerConfig.AuthMethod.MD5) {
            md5Salt = new byte[4];
            RANDOM.nextBytes(md5Salt);
            out.authenticationMd5(md5Salt);
        } else {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            scram = new ScramServer(StoredScramCredentials.fromPassword(ScramHash.SHA_256, password, salt, SCRAM_ITERATIONS));
            out.authenticationSasl(SCRAM);
        }
    }

    /** The client-first-message: answers with the server-first-message. */
    void saslInitial(String mechanism, byte[] clientFirst, PgOutput out) {
        if (scram == null || !SCRAM.equals(mechanism)) {
            throw new PgFatalException(PgSqlStates.PROTOCOL_VIOLATION,
                    "invalid SASL authentication mechanism \"" + mechanism + "\"");
        }
        try {
            scram.receiveClientFirst(new String(clientFirst, UTF_8));
        } catch (IllegalArgumentException | AuthenticationException e) {
            throw new PgFatalException(PgSqlStates.PROTOCOL_VIOLATION, "malformed SCRAM message: " + e.getMessage());
        }
        out.authenticationSaslContinue(scram.serverFirstMessage().getBytes(UTF_8));
    }

    /** The client-final-message: verifies the proof and sends the server signature. */
    void saslResponse(byte[] clientFinal, PgOutput out) {
        String serverFinal;
        try {
            serverFinal = scram.receiveClientFinal(new String(clientFinal, UTF_8));
        } catch (AuthenticationException e) {
            throw failed();
        } catch (IllegalArgumentException e) {
            throw new PgFatalException(PgSqlStates.PROTOCOL_VIOLATION, "malformed SCRAM message: " + e.getMessage());
        }
        out.authenticationSaslFinal(serverFinal.getBytes(UTF_8));
    }

    /** A PasswordMessage answering the MD5 request. */
    void password(String response) {
        if (md5Salt == null) {
            throw new PgFatalException(PgSqlStates.PROTOCOL_VIOLATION, "unexpected password message");
        }
        if (!PostgresMd5Password.verify(PostgresMd5Password.stored(user, password), md5Salt, response)) {
            throw failed();
        }
    }

    private PgFatalException failed() {
        return new PgFatalException(PgSqlStates.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }
}
