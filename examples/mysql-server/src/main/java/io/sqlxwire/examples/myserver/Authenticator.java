package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.auth.AuthenticationException;
import io.sqlxwire.examples.auth.CachingSha2FullAuth;
import io.sqlxwire.examples.auth.CachingSha2Password;
import io.sqlxwire.examples.auth.MysqlNativePassword;
import io.sqlxwire.protocols.mysql.MyAuthMoreDataEncoder;
import io.sqlxwire.protocols.mysql.MyAuthSwitchRequestEncoder;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies the password of the connection phase with the account's plugin, after switching the
 * client to it (AuthSwitchRequest) when it started with another one.
 *
 * <p>caching_sha2_password: a client whose hash is in the server's cache is let in on its scramble
 * alone (AuthMoreData 0x03, the fast path). Otherwise the server asks for full authentication
 * (AuthMoreData 0x04) and the client sends the password itself: in clear when the connection is
 * TLS, or encrypted with the server's RSA key, which it first asks for (0x02) and receives as PEM.
 * A successful full authentication fills the cache.
 */
final class Authenticator {
    /** Reads the client's next AuthSwitchResponse, or fails the connection. */
    interface Responses {
        byte[] next() throws IOException;
    }

    private final ServerContext context;
    private final PacketChannel channel;
    private final byte[] scramble;
    private final boolean tls;
    private final Responses responses;

    Authenticator(ServerContext context, PacketChannel channel, byte[] scramble, boolean tls, Responses responses) {
        this.context = context;
        this.channel = channel;
        this.scramble = scramble;
        this.tls = tls;
        this.responses = responses;
    }

    /** Whether the client proved the account's password; the answer (OK/ERR) is the caller's. */
    boolean authenticate(HandshakePackets.Response response) throws IOException {
        ServerConfig config = context.config;
        AuthPlugin plugin = config.plugin();
        byte[] proof = response.authResponse();
        if (response.plugin() != null && !response.plugin().equals(plugin.wireName())) {
            context.authPaths.switched();
            switchTo(plugin);
            proof = responses.next();
        }
        boolean userMatches = config.user().equals(response.user());
        boolean ok;
        if (plugin == AuthPlugin.MYSQL_NATIVE_PASSWORD) {
            ok = nativePassword(proof) && userMatches;
            if (ok) {
                context.authPaths.nativePassword();
            }
        } else {
            ok = cachingSha2(response.user(), proof) && userMatches;
        }
        if (!ok) {
            context.authPaths.failed();
        }
        return ok;
    }

    private boolean nativePassword(byte[] proof) {
        String password = context.config.password();
        if (password.isEmpty()) {
            return proof.length == 0;
        }
        return MysqlNativePassword.verify(MysqlNativePassword.storedHash(password), scramble, proof);
    }

    private boolean cachingSha2(String user, byte[] proof) throws IOException {
        String password = context.config.password();
        if (proof.length == 0 || (proof.length == 1 && proof[0] == 0)) {
            // An empty password is sent as nothing (or a lone NUL): no exchange follows.
            return password.isEmpty();
        }
        Optional<byte[]> cached = context.sha2Cache.lookup(user);
        if (cached.isPresent()) {
            if (!CachingSha2Password.verify(cached.get(), scramble, proof)) {
                return false;
            }
            moreData(new byte[] {CachingSha2FullAuth.FAST_AUTH_SUCCESS});
            context.authPaths.sha2Fast();
            return true;
        }
        moreData(new byte[] {CachingSha2FullAuth.PERFORM_FULL_AUTHENTICATION});
        channel.flush();
        byte[] data = responses.next();
        String sent;
        if (tls) {
            sent = CachingSha2FullAuth.cleartextPassword(data);
        } else {
            if (CachingSha2FullAuth.isPublicKeyRequest(data)) {
                String pem = CachingSha2FullAuth.publicKeyPem(context.rsaKeys.getPublic());
                moreData(pem.getBytes(StandardCharsets.US_ASCII));
                channel.flush();
                data = responses.next();
            }
            try {
                sent = CachingSha2FullAuth.decryptPassword(data, scramble, context.rsaKeys.getPrivate());
            } catch (AuthenticationException e) {
                return false;
            }
        }
        boolean ok = MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            context.sha2Cache.remember(user, password);
            if (tls) {
                context.authPaths.sha2FullTls();
            } else {
                context.authPaths.sha2FullRsa();
            }
        }
        return ok;
    }

    private void switchTo(AuthPlugin plugin) throws IOException {
        WireWriter out = channel.begin();
        byte[] data = Arrays.copyOf(scramble, scramble.length + 1);   // the scramble and its NUL
        new MyAuthSwitchRequestEncoder().wrap(out).pluginName(plugin.wireName()).pluginData(data).finish();
        channel.end();
        channel.flush();
    }

    private void moreData(byte[] data) {
        WireWriter out = channel.begin();
        new MyAuthMoreDataEncoder().wrap(out).data(data).finish();
        channel.end();
    }
}
