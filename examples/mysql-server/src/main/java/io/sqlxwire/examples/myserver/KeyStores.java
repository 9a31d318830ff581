package io.sqlxwire.examples.myserver;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server's TLS from a key store file (PKCS#12 or JKS, as {@code keytool -genkeypair} makes). */
public final class KeyStores {
    private KeyStores() {
    }

    public static SSLContext serverContext(Path keyStore, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(keyStore.toFile(), password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use key store " + keyStore + ": " + e.getMessage(), e);
        }
    }
}
