package io.sqlxwire.examples.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramTest {
    // RFC 7677 section 3.
    private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static StoredScramCredentials rfcCredentials(String password) {
        return StoredScramCredentials.fromPassword(ScramHash.SHA_256, password, Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
    }

    private static ScramServer rfcServer(String password) {
        return new ScramServer(rfcCredentials(password), "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
    }

    @Test
    void clientReproducesRfc7677Exchange() {
        ScramClient client = new ScramClient(ScramHash.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertEquals(CLIENT_FIRST, client.clientFirstMessage());
        assertEquals(CLIENT_FINAL, client.clientFinalMessage(SERVER_FIRST));
        client.verifyServerFinal(SERVER_FINAL);
    }

    @Test
    void serverReproducesRfc7677Exchange() {
        ScramServer server = rfcServer("pencil");
        assertEquals("user", server.receiveClientFirst(CLIENT_FIRST));
        assertEquals(SERVER_FIRST, server.serverFirstMessage());
        assertEquals(SERVER_FINAL, server.receiveClientFinal(CLIENT_FINAL));
    }

    // RFC 5802 section 5: the same exchange with SCRAM-SHA-1.
    private static final String SHA1_CLIENT_FIRST = "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL";
    private static final String SHA1_SERVER_FIRST =
            "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
    private static final String SHA1_CLIENT_FINAL =
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
    private static final String SHA1_SERVER_FINAL = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

    @Test
    void clientReproducesRfc5802Exchange() {
        ScramClient client = new ScramClient(ScramHash.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        assertEquals(SHA1_CLIENT_FIRST, client.clientFirstMessage());
        assertEquals(SHA1_CLIENT_FINAL, client.clientFinalMessage(SHA1_SERVER_FIRST));
        client.verifyServerFinal(SHA1_SERVER_FINAL);
    }

    @Test
    void serverReproducesRfc5802Exchange() {
        ScramServer server = new ScramServer(StoredScramCredentials.fromPassword(ScramHash.SHA_1, "pencil",
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096), "3rfcNHYJY1ZVvWVs7j");
        assertEquals("user", server.receiveClientFirst(SHA1_CLIENT_FIRST));
        assertEquals(SHA1_SERVER_FIRST, server.serverFirstMessage());
        assertEquals(SHA1_SERVER_FINAL, server.receiveClientFinal(SHA1_CLIENT_FINAL));
    }

    @Test
    void aProofOfTheOtherMechanismsLengthIsRejected() {
        // A SHA-1 proof (20 bytes) offered to a SCRAM-SHA-256 server.
        ScramServer server = rfcServer("pencil");
        server.receiveClientFirst(CLIENT_FIRST);
        server.serverFirstMessage();
        String sha1Proof = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> server.receiveClientFinal(sha1Proof));
        assertEquals("client proof has 20 bytes, expected 32", e.getMessage());
    }

    @Test
    void serverRejectsProofForAnotherPassword() {
        ScramServer server = rfcServer("pencil2");
        server.receiveClientFirst(CLIENT_FIRST);
        server.serverFirstMessage();
        assertThrows(AuthenticationException.class, () -> server.receiveClientFinal(CLIENT_FINAL));
    }

    @Test
    void clientRejectsForgedServerSignature() {
        ScramClient client = new ScramClient(ScramHash.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        client.clientFirstMessage();
        client.clientFinalMessage(SERVER_FIRST);
        assertThrows(AuthenticationException.class,
                () -> client.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        assertThrows(AuthenticationException.class, () -> client.verifyServerFinal("e=invalid-proof"));
    }

    @Test
    void clientRejectsNonceThatDoesNotExtendItsOwn() {
        ScramClient client = new ScramClient(ScramHash.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        client.clientFirstMessage();
        assertThrows(AuthenticationException.class,
                () -> client.clientFinalMessage("r=someoneElse123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        assertThrows(AuthenticationException.class,
                () -> client.clientFinalMessage("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
    }

    @Test
    void postgresStyleEmptyUsernameRoundTrip() {
        ScramClient client = new ScramClient(ScramHash.SHA_256, "", "s3cr=t,pw");
        ScramServer server = new ScramServer(
                StoredScramCredentials.fromPassword(ScramHash.SHA_256, "s3cr=t,pw", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 4096));
        String first = client.clientFirstMessage();
        assertTrue(first.startsWith("n,,n=,r="));
        assertEquals("", server.receiveClientFirst(first));
        String serverFinal = server.receiveClientFinal(client.clientFinalMessage(server.serverFirstMessage()));
        client.verifyServerFinal(serverFinal);
    }

    @Test
    void usernameIsEscapedAndUnescaped() {
        ScramClient client = new ScramClient(ScramHash.SHA_256, "a=b,c", "pw", "nonce");
        String first = client.clientFirstMessage();
        assertEquals("n,,n=a=3Db=2Cc,r=nonce", first);
        ScramServer server = rfcServer("pw");
        assertEquals("a=b,c", server.receiveClientFirst(first));
    }

    /**
     * The SCRAM messages of pg-psql-scram-simple.conv (psql against PostgreSQL 15). The password is
     * not recorded and was not recovered, so the proof cannot be checked; what is checked is that
     * the real messages parse and that the server nonce extends psql's.
     */
    @Test
    void realPostgresMessagesParse() {
        String clientFirst = "n,,n=,r=Yt3dWon5RS355FZ5cYOfIJvy";
        String serverFirst = "r=Yt3dWon5RS355FZ5cYOfIJvy+DnvlsphvGUUGObKUUF8xdtR,s=PE5M5LlIPV4IEcBbl36YvA==,i=4096";
        ScramServer server = new ScramServer(
                StoredScramCredentials.fromPassword(ScramHash.SHA_256, "unknown", Base64.getDecoder().decode("PE5M5LlIPV4IEcBbl36YvA=="), 4096),
                "+DnvlsphvGUUGObKUUF8xdtR");
        assertEquals("", server.receiveClientFirst(clientFirst));
        assertEquals(serverFirst, server.serverFirstMessage());
        ServerFirst parsed = ServerFirst.parse(serverFirst);
        assertEquals(4096, parsed.iterations());
        assertEquals(16, parsed.salt().length);
        String clientFinal = "c=biws,r=Yt3dWon5RS355FZ5cYOfIJvy+DnvlsphvGUUGObKUUF8xdtR,"
                + "p=LDrSp42xcGEDn0eoflKi1Fy7XzhK7zxfooZjhN/bPPY=";
        // A well-formed final message with a proof for a password we do not have: authentication fails, no crash.
        assertThrows(AuthenticationException.class, () -> server.receiveClientFinal(clientFinal));
    }

    @Test
    void malformedServerFirstMessages() {
        for (String bad : new String[] {"", "garbage", "r=abc", "r=abc,s=###,i=4096", "r=abc,s=AAAA,i=zero",
                "r=abc,s=AAAA,i=0", "r=abc,s=AAAA,i=-1", "s=AAAA,r=abc,i=1", "r=abc,s=AAAA,i=1,x=y",
                "m=ext,r=abc,s=AAAA,i=1", "r=abc,s=AAAA,i=1,", "r=a,b,s=AAAA,i=1"}) {
            assertThrows(IllegalArgumentException.class, () -> ServerFirst.parse(bad), bad);
        }
    }

    @Test
    void malformedClientMessages() {
        for (String bad : new String[] {"", "n", "n,", "x,,n=u,r=abc", "n,b,n=u,r=abc", "n,,r=abc", "n,,n=u",
                "n,,n=a=b,r=abc", "n,,n=u,r=abc,q=1", "n,,m=1,n=u,r=abc"}) {
            assertThrows(IllegalArgumentException.class, () -> rfcServer("pencil").receiveClientFirst(bad), bad);
        }
        assertThrows(AuthenticationException.class, () -> rfcServer("pencil").receiveClientFirst("p=tls-unique,,n=,r=abc"));
        for (String bad : new String[] {"", "c=biws", "c=biws,r=x", "r=x,c=biws,p=AAAA", "c=!!,r=x,p=AAAA",
                "c=biws,r=x,p=@@"}) {
            ScramServer server = rfcServer("pencil");
            server.receiveClientFirst(CLIENT_FIRST);
            assertThrows(IllegalArgumentException.class, () -> server.receiveClientFinal(bad), bad);
        }
        ScramServer server = rfcServer("pencil");
        server.receiveClientFirst(CLIENT_FIRST);
        assertThrows(AuthenticationException.class, () -> server.receiveClientFinal(CLIENT_FINAL.replace("c=biws", "c=eSws")));
        assertThrows(AuthenticationException.class, () -> server.receiveClientFinal(CLIENT_FINAL.replace("$k0", "$k1")));
        assertThrows(AuthenticationException.class, () -> server.receiveClientFinal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=AAAA"));
    }

    @Test
    void outOfOrderCallsAreRejected() {
        assertThrows(IllegalStateException.class,
                () -> new ScramClient(ScramHash.SHA_256, "u", "p", "n").clientFinalMessage(SERVER_FIRST));
        assertThrows(IllegalStateException.class, () -> rfcServer("p").receiveClientFinal(CLIENT_FINAL));
    }

    @Test
    void saslPrepAsciiSubset() {
        assertEquals("pencil ok!", SaslPrep.prepare("pencil ok!"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\tb"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("caf\u00e9"));
        assertEquals("caf\u00e9", SaslPrep.prepareLikePostgres("caf\u00e9"));
    }
}
