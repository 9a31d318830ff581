package io.sqlxwire.examples.wireserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WireServerTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PSQL_STARTUP = "local/pg-psql-scram-simple.conv";
    private static final String SSL_REQUEST = "third-party/postgresql/zeek-psql-aws-ssl-require.conv";

    private final List<String> log = new CopyOnWriteArrayList<>();
    private WireServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private WireServer.Builder builder() {
        return WireServer.builder(OnePortDetector.create())
                .handler(OnePortDetector.POSTGRESQL, StubHandlers.postgres())
                .handler(OnePortDetector.MYSQL, StubHandlers.mysql())
                .log(log::add);
    }

    private int start(WireServer.Builder builder) throws IOException {
        server = builder.start();
        return server.port();
    }

    private void assertLogged(String fragment) {
        assertTrue(log.stream().anyMatch(line -> line.contains(fragment)), "no log line contains '" + fragment + "': " + log);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            PSQL_STARTUP, // psql's StartupMessage
            SSL_REQUEST, // SSLRequest
            "third-party/postgresql/ndpi-pgsql.2.conv", // GSSENCRequest
            "third-party/postgresql/suricata-pgsql-cancel-request.1.conv", // CancelRequest
    })
    void aPostgresqlClientsFirstMessageReachesThePostgresqlHandlerWhole(String capture) throws IOException {
        int port = start(builder());
        byte[] message = Captures.firstClientSegment(capture);

        assertEquals("postgresql " + HEX.formatHex(message), Clients.exchange(port, message));
        assertLogged("postgresql by signature");
    }

    @Test
    void aSilentClientIsServedAsMysqlAfterTheSilenceTimeout() throws IOException {
        int port = start(builder());
        long start = System.nanoTime();
        try (Socket client = Clients.connect(port)) {
            assertEquals("mysql", Clients.answer(client));
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= OnePortDetector.create().silenceTimeout().toMillis() - 20, "answered after " + waited + " ms");
        assertLogged("mysql by silence");
    }

    @Test
    void theSilenceTimeoutIsConfigurable() throws IOException {
        int port = start(builder().silence(Duration.ofMillis(1500)));
        long start = System.nanoTime();
        try (Socket client = Clients.connect(port)) {
            assertEquals("mysql", Clients.answer(client));
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 1480, "answered after " + waited + " ms");
    }

    @Test
    void aClientHelloOfferingAlpnPostgresqlReachesAHandlerThatTakesDirectTls() throws IOException {
        int port = start(builder().handler(OnePortDetector.POSTGRESQL, StubHandlers.postgresWithDirectTls()));
        byte[] hello = Clients.clientHello("postgresql");

        assertEquals("postgresql-tls " + HEX.formatHex(hello), Clients.exchange(port, hello));
        assertLogged("postgresql by alpn postgresql");
    }

    @Test
    void directTlsIsClosedWithALogLineWhenThePostgresqlHandlerCannotTakeIt() throws IOException {
        int port = start(builder());

        assertNull(Clients.exchange(port, Clients.clientHello("postgresql")));
        assertLogged("does not take direct TLS, closing");
    }

    @Test
    void aRealClientHelloWithoutAKnownAlpnNameIsClosed() throws IOException {
        int port = start(builder());
        // The ClientHello a PostgreSQL client sent after its SSLRequest was accepted, sent here first.
        byte[] hello = Captures.clientSegments(SSL_REQUEST).get(1);
        assertEquals(0x16, hello[0]);

        assertNull(Clients.exchange(port, hello));
        assertLogged("TLS ClientHello without an ALPN name of a known protocol");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http", "mysql-client-speaking-first", "ff-bytes"})
    void anUnknownClientIsClosedWithItsFirstBytesLoggedAndTheServerGoesOn(String kind) throws IOException {
        int port = start(builder());
        byte[] garbage = switch (kind) {
            case "http" -> Captures.firstClientSegment("third-party/postgresql/zeek-http-on-port-5432.conv");
            // A MySQL HandshakeResponse, out of turn: a client does not speak first in MySQL.
            case "mysql-client-speaking-first" -> Captures.firstClientSegment("third-party/postgresql/zeek-mysql-on-port-5432.conv");
            default -> filled(16, (byte) 0xFF);
        };

        assertNull(Clients.exchange(port, garbage));
        assertLogged("no known protocol (no signature matches), closing; first " + garbage.length + " bytes: "
                + HEX.formatHex(garbage, 0, Math.min(garbage.length, ConnectionRouter.LOGGED_BYTES)));

        byte[] startup = Captures.firstClientSegment(PSQL_STARTUP);
        assertEquals("postgresql " + HEX.formatHex(startup), Clients.exchange(port, startup));
    }

    @Test
    void aStartupMessageTrickledOneByteAtATimeArrivesWhole() throws Exception {
        int port = start(builder());
        byte[] startup = Captures.firstClientSegment(PSQL_STARTUP);
        try (Socket client = Clients.connect(port)) {
            Clients.trickle(client, startup, 10);
            assertEquals("postgresql " + HEX.formatHex(startup), Clients.answer(client));
        }
    }

    @Test
    void aClientHelloTrickledOneByteAtATimeIsStillRecognised() throws Exception {
        int port = start(builder().handler(OnePortDetector.POSTGRESQL, StubHandlers.postgresWithDirectTls()));
        byte[] hello = Clients.clientHello("postgresql");
        try (Socket client = Clients.connect(port)) {
            Clients.trickle(client, hello, 0);
            assertEquals("postgresql-tls " + HEX.formatHex(hello), Clients.answer(client));
        }
    }

    @Test
    void aClientThatStopsHalfwayIsClosedAfterTheSilenceTimeout() throws IOException {
        int port = start(builder());
        byte[] startup = Captures.firstClientSegment(PSQL_STARTUP);

        assertNull(Clients.exchange(port, Arrays.copyOf(startup, 5)));
        assertLogged("first 5 bytes: " + HEX.formatHex(startup, 0, 5));
    }

    @Test
    void aClientThatClosesWithoutSendingIsNotTakenForASilentMysqlClient() throws Exception {
        int port = start(builder());
        new Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
        waitFor(() -> log.stream().anyMatch(l -> l.contains("closed by the client before it sent anything")));
        assertTrue(log.stream().noneMatch(l -> l.contains("mysql")), log.toString());
    }

    @Test
    void theDetectorIsSettledWhenItWantsMoreThanTheRouterReads() throws IOException {
        int port = start(builder().maxFirstBytes(64)
                .handler(OnePortDetector.POSTGRESQL, StubHandlers.postgresWithDirectTls()));
        byte[] hello = Clients.clientHello("postgresql");
        assertTrue(hello.length > 64);

        assertNull(Clients.exchange(port, hello));
        assertLogged("still undecided at the limit of bytes read before routing");
    }

    @Test
    void aClientThatTricklesTooSlowlyIsClosedAtTheDetectionDeadline() throws Exception {
        int port = start(builder().detectionDeadline(Duration.ofMillis(800)));
        byte[] hello = Clients.clientHello("postgresql");
        long start = System.nanoTime();
        try (Socket client = Clients.connect(port)) {
            // Each byte well within the silence timeout; all of them would take over 30 s.
            assertThrows(IOException.class, () -> Clients.trickle(client, hello, 100),
                    "the server hangs up while bytes are still coming");
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
        assertLogged("still undecided at the detection deadline");
    }

    @Test
    void aFailingHandlerIsLoggedAndTheServerGoesOn() throws IOException {
        int port = start(builder().handler(OnePortDetector.MYSQL, ProtocolHandler.serverFirst(socket -> {
            throw new IOException("handler failed on purpose");
        })));

        try (Socket silent = Clients.connect(port)) {
            assertNull(Clients.answer(silent));
        }
        assertLogged("handler failed on purpose");
        byte[] startup = Captures.firstClientSegment(PSQL_STARTUP);
        assertEquals("postgresql " + HEX.formatHex(startup), Clients.exchange(port, startup));
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ProtocolHandler held = (socket, alreadyRead) -> {
            await(release);
            StubHandlers.postgres().serve(socket, alreadyRead);
        };
        int port = start(builder().maxConnections(2).handler(OnePortDetector.POSTGRESQL, held));
        byte[] startup = Captures.firstClientSegment(PSQL_STARTUP);
        String expected = "postgresql " + HEX.formatHex(startup);

        try (Socket first = Clients.connect(port); Socket second = Clients.connect(port)) {
            Clients.send(first, startup);
            Clients.send(second, startup);
            waitFor(() -> server.openConnections() == 2);

            assertNull(Clients.exchange(port, startup));
            assertLogged("2 connections open, the limit; closing");

            release.countDown();
            assertEquals(expected, Clients.answer(first));
            assertEquals(expected, Clients.answer(second));
        }
        waitFor(() -> server.openConnections() == 0);
        assertEquals(expected, Clients.exchange(port, startup));
    }

    @Test
    void manyConcurrentClientsOfEveryKindGetTheirOwnAnswers() throws Exception {
        // A generous silence: 40 clients start at once on a busy machine, and a PostgreSQL client
        // held up longer than the silence timeout between connect and send would be taken for MySQL.
        int port = start(builder().silence(Duration.ofSeconds(2)).maxConnections(50));
        byte[] startup = Captures.firstClientSegment(PSQL_STARTUP);
        byte[] sslRequest = Captures.firstClientSegment(SSL_REQUEST);
        byte[] garbage = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<String>> answers = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                switch (i % 4) {
                    case 0 -> {
                        answers.add(clients.submit(() -> Clients.exchange(port, startup)));
                        expected.add("postgresql " + HEX.formatHex(startup));
                    }
                    case 1 -> {
                        answers.add(clients.submit(() -> Clients.exchange(port, sslRequest)));
                        expected.add("postgresql " + HEX.formatHex(sslRequest));
                    }
                    case 2 -> {
                        answers.add(clients.submit(() -> Clients.exchange(port, new byte[0])));
                        expected.add("mysql");
                    }
                    default -> {
                        answers.add(clients.submit(() -> Clients.exchange(port, garbage)));
                        expected.add(null);
                    }
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(expected.get(i), answers.get(i).get(20, TimeUnit.SECONDS), "client " + i);
            }
        } finally {
            clients.shutdownNow();
        }
        waitFor(() -> server.openConnections() == 0);
    }

    @Test
    void closeEndsOpenConnectionsAndStopsListening() throws Exception {
        CountDownLatch serving = new CountDownLatch(1);
        ProtocolHandler reader = (socket, alreadyRead) -> {
            serving.countDown();
            while (socket.getInputStream().read() >= 0) {
                // a handler blocked reading its client: closing the socket must end it
            }
        };
        int port = start(builder().handler(OnePortDetector.POSTGRESQL, reader));
        try (Socket client = Clients.connect(port)) {
            Clients.send(client, Captures.firstClientSegment(PSQL_STARTUP));
            assertTrue(serving.await(10, TimeUnit.SECONDS));

            long start = System.nanoTime();
            server.close();
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3_000);
            assertEquals(0, server.openConnections());
            assertNull(Clients.answer(client));
        }
        assertThrows(ConnectException.class, () -> Clients.connect(port).close());
        server.awaitClosed(); // returns: the accept thread has ended
    }

    @Test
    void handlersAreRegisteredOnlyForProtocolsTheDetectorKnows() {
        WireServer.Builder builder = WireServer.builder(OnePortDetector.create());
        assertEquals(Set.of("postgresql", "mysql"), builder.protocolsWithoutHandler());
        builder.handler("postgresql", StubHandlers.postgres());
        assertEquals(Set.of("mysql"), builder.protocolsWithoutHandler());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.handler("redis", StubHandlers.postgres()));
        assertTrue(e.getMessage().contains("no protocol 'redis'"), e.getMessage());
    }

    @Test
    void aServerFirstHandlerRefusesClientBytesRatherThanDropThem() {
        ProtocolHandler handler = ProtocolHandler.serverFirst(socket -> fail("must not be called"));
        IOException e = assertThrows(IOException.class, () -> handler.serve(null, new byte[] {1, 2}));
        assertTrue(e.getMessage().contains("2 client bytes"), e.getMessage());
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                fail("condition not reached in 10 s");
            }
            Thread.sleep(10);
        }
    }
}
