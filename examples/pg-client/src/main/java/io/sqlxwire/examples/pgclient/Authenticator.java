package io.sqlxwire.examples.pgclient;

import io.sqlxwire.examples.auth.PostgresMd5Password;
import io.sqlxwire.examples.auth.ScramClient;
import io.sqlxwire.examples.auth.ScramHash;
import io.sqlxwire.protocols.postgresql.PgAuthCode;
import io.sqlxwire.protocols.postgresql.PgAuthSaslDecoder;
import io.sqlxwire.protocols.postgresql.PgAuthenticationDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers the server's Authentication requests: cleartext, MD5 and SASL SCRAM-SHA-256 (without
 * channel binding: this client does not speak TLS). Which 'p' message each answer is, the
 * generated state machine has already recorded in the session from the request's code.
 */
final class Authenticator {
    private static final String SCRAM = "SCRAM-SHA-256";

    private final String user;
    private final String password;
    private ScramClient scram;
    /** What the server asked for, for the connection's description: MD5, SASL, ... */
    private String method = "trust";

    Authenticator(String user, String password) {
        this.user = user;
        this.password = password;
    }

    String method() {
        return method;
    }

    void answer(PgAuthenticationDecoder request, Outbox outbox) throws IOException {
        PgAuthCode code = request.codeValue();
        if (code.equals(PgAuthCode.OK)) {
            return;
        }
        if (code.equals(PgAuthCode.CLEARTEXT_PASSWORD)) {
            method = "password";
            outbox.password(requirePassword());
        } else if (code.equals(PgAuthCode.MD5_PASSWORD)) {
            method = "md5";
            byte[] salt = request.bodyAsMd5Password().salt().toByteArray();
            outbox.password(PostgresMd5Password.response(user, requirePassword(), salt));
        } else if (code.equals(PgAuthCode.SASL)) {
            method = SCRAM;
            requireScram(request.bodyAsSasl());
            // PostgreSQL takes the user from the startup message; SCRAM's own name stays empty.
            scram = new ScramClient(ScramHash.SHA_256, "", requirePassword());
            outbox.saslInitialResponse(SCRAM, utf8(scram.clientFirstMessage()));
        } else if (code.equals(PgAuthCode.SASL_CONTINUE)) {
            String serverFirst = PgTypes.utf8(request.bodyAsSaslContinue().buffer());
            outbox.saslResponse(utf8(requireExchange().clientFinalMessage(serverFirst)));
        } else if (code.equals(PgAuthCode.SASL_FINAL)) {
            // Proves the server knows the password too; throws AuthenticationException if not.
            requireExchange().verifyServerFinal(PgTypes.utf8(request.bodyAsSaslFinal().buffer()));
        } else {
            throw new IOException("authentication method " + code + " is not supported by this client");
        }
    }

    private static void requireScram(PgAuthSaslDecoder offer) throws IOException {
        StringBuilder offered = new StringBuilder();
        PgAuthSaslDecoder.MechanismsCursor mechanisms = offer.mechanisms();
        while (mechanisms.hasNext()) {
            if (mechanisms.next().value().contentEquals(SCRAM)) {
                return;
            }
            offered.append(offered.length() == 0 ? "" : ", ").append(mechanisms.valueAsString());
        }
        throw new IOException("server offers no SASL mechanism this client speaks: " + offered);
    }

    private ScramClient requireExchange() throws IOException {
        if (scram == null) {
            throw new IOException("SASL continuation before the SASL exchange started");
        }
        return scram;
    }

    private String requirePassword() throws IOException {
        if (password == null) {
            throw new IOException("the server asks for a password and none was given");
        }
        return password;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
