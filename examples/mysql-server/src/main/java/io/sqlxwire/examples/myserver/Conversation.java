package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.bridge.SqlSession;
import io.sqlxwire.protocols.mysql.MyClientDispatcher;
import io.sqlxwire.protocols.mysql.MyCommand;
import io.sqlxwire.protocols.mysql.MyHandshakeV10Encoder;
import io.sqlxwire.protocols.mysql.MyMachine;
import io.sqlxwire.protocols.mysql.MyPacketFraming;
import io.sqlxwire.protocols.mysql.MySession;
import io.sqlxwire.protocols.mysql.MyStatusFlags;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.error.CodecException;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocket;

/**
 * One connection from greeting to COM_QUIT: HandshakeV10, optionally SSLRequest and the TLS
 * handshake, HandshakeResponse41, the password exchange, then commands until the client quits. The
 * generated {@link MyMachine} follows both directions throughout; a packet it refuses, or one the
 * generated decoders reject, ends the connection with an ERR.
 */
final class Conversation {
    /** The commands mysql.wire has a client message for. */
    private static final Set<Integer> DESCRIBED_COMMANDS = Set.of(MyCommand.COM_QUIT.value(),
            MyCommand.COM_INIT_DB.value(), MyCommand.COM_QUERY.value(), MyCommand.COM_FIELD_LIST.value(),
            MyCommand.COM_STATISTICS.value(), MyCommand.COM_PING.value(), MyCommand.COM_CHANGE_USER.value(),
            MyCommand.COM_STMT_PREPARE.value(), MyCommand.COM_STMT_EXECUTE.value(), MyCommand.COM_STMT_CLOSE.value(),
            MyCommand.COM_STMT_RESET.value(), MyCommand.COM_RESET_CONNECTION.value(),
            MyCommand.COM_STMT_SEND_LONG_DATA.value());

    private final ServerContext context;
    private final byte[] scramble = Scramble.generate();
    private MySession session = new MySession();
    private MyMachine machine = new MyMachine(session);
    private MyClientDispatcher dispatcher = new MyClientDispatcher(session, machine);
    private final PacketChannel channel;
    private boolean tls;
    private long connectionId;

    Conversation(ServerContext context, Socket socket) throws IOException {
        this.context = context;
        this.channel = new PacketChannel(socket, machine);
    }

    /** Refuses the connection at once (connection limit): an ERR in place of the greeting. */
    void refuse(MyError error) throws IOException {
        new ResultWriter(channel, session).error(error);
        channel.flush();
    }

    void run() throws IOException {
        CommandPhase commands = null;
        try {
            byte[] greeting = greet();
            HandshakePackets packets = new HandshakePackets(machine);
            readHandshakePacket(packets);
            if (packets.kind == HandshakePackets.Kind.SSL_REQUEST) {
                startTls(greeting);
                packets = new HandshakePackets(machine);
                readHandshakePacket(packets);
            }
            if (packets.kind != HandshakePackets.Kind.HANDSHAKE_RESPONSE) {
                throw new CodecException("expected HandshakeResponse41", 0);
            }
            HandshakePackets.Response response = packets.response;
            HandshakePackets replies = packets;
            Authenticator authenticator = new Authenticator(context, channel, scramble, tls, () -> {
                replies.clear();
                readHandshakePacket(replies);
                if (replies.kind != HandshakePackets.Kind.AUTH_SWITCH_RESPONSE) {
                    throw new CodecException("expected an authentication response", 0);
                }
                return replies.authData;
            });
            ResultWriter writer = new ResultWriter(channel, session);
            if (!authenticator.authenticate(response)) {
                writer.error(MyError.accessDenied(response.user(), response.authResponse().length > 0));
                channel.flush();
                return;
            }
            SqlSession sql;
            try {
                sql = context.database.openSession();
            } catch (SqlFailure e) {
                writer.error(ErrorMapping.of(e));
                channel.flush();
                return;
            }
            commands = new CommandPhase(context, channel, machine, sql, textCharset(response.collation()),
                    connectionId);
            if (response.database() != null) {
                Optional<MyError> failed = commands.useDatabase(response.database());
                if (failed.isPresent()) {
                    writer.error(failed.get());
                    channel.flush();
                    return;
                }
            }
            writer.ok(0, 0, commands.status());
            channel.flush();
            channel.readGreedily();
            commandLoop(commands);
        } catch (CodecException e) {
            // Bad bytes or a message out of turn (ProtocolStateException is a CodecException).
            fail(MyError.malformed(e.getMessage()));
        } catch (EOFException | java.io.UncheckedIOException e) {
            // The client hung up (inside a packet, or while rows were being sent): nobody to answer.
        } catch (RuntimeException e) {
            // A bug of ours (an encoder refusing what we wrote, a packet the machine would not
            // take): the client gets an ERR, the server keeps running.
            System.err.println("mysql-server: connection failed: " + e);
            e.printStackTrace();
            fail(new MyError(MyError.UNKNOWN_ERROR, "HY000", "internal error: " + e.getMessage()));
        } finally {
            if (commands != null) {
                commands.close();
            }
        }
    }

    /** Between commands the machine is Idle: each packet is one command, answered before the next. */
    private void commandLoop(CommandPhase commands) throws IOException {
        while (!commands.state().quit) {
            WireBuffer frame = channel.read();
            if (frame == null) {
                return;
            }
            int command = frame.length() > MyPacketFraming.HEADER_LENGTH ? frame.u8(MyPacketFraming.HEADER_LENGTH) : -1;
            if (command == MyCommand.COM_STMT_EXECUTE.value()) {
                // The parameter block is laid out by the statement's own count: tell the session.
                commands.beforeExecute(frame);
            }
            if (command < 0 || DESCRIBED_COMMANDS.contains(command)) {
                // An empty packet goes to the machine too, which refuses it.
                dispatcher.dispatch(frame, commands);
            } else {
                // A command mysql.wire does not describe is the client's mistake, not broken
                // framing: MySQL answers with an ERR and carries on.
                commands.writer().unchecked(new MyError(MyError.UNKNOWN_COMMAND, "08S01", "Unknown command " + command));
            }
            channel.flush();
        }
    }

    private byte[] greet() throws IOException {
        connectionId = context.nextConnectionId() & 0xFFFFFFFFL;
        long capabilities = ServerCapabilities.BASE | (context.config.tls() != null ? ServerCapabilities.TLS : 0);
        byte[] part2 = Arrays.copyOfRange(scramble, 8, Scramble.LENGTH + 1);   // 12 bytes and a NUL
        WireWriter out = channel.begin();
        new MyHandshakeV10Encoder().wrap(out)
                .serverVersion(context.config.serverVersion())
                .threadId(connectionId)
                .authPluginDataPart1(scramble, 0, 8)
                .characterSet(ServerCapabilities.DEFAULT_COLLATION)
                .statusFlags((int) MyStatusFlags.SERVER_STATUS_AUTOCOMMIT)
                .capabilities(capabilities)
                .authPluginDataLen(Scramble.LENGTH + 1)
                .authPluginDataPart2(part2)
                .authPluginName(context.config.plugin().wireName())
                .finish();
        channel.end();
        byte[] greeting = channel.lastPacket();
        channel.flush();
        return greeting;
    }

    private void readHandshakePacket(HandshakePackets packets) throws IOException {
        WireBuffer frame = channel.read();
        if (frame == null) {
            throw new EOFException("client left during the handshake");
        }
        dispatcher.dispatch(frame, packets);
        if (packets.kind == HandshakePackets.Kind.NONE) {
            throw new CodecException("unexpected packet during the handshake", 0);
        }
    }

    /**
     * SSLRequest: TLS over the same socket, then a fresh session and machine, brought to where the
     * conversation stands by the greeting sent in clear (the machine itself would now see only
     * opaque TLS records).
     */
    private void startTls(byte[] greeting) throws IOException {
        if (context.config.tls() == null) {
            throw new CodecException("SSLRequest, but TLS was not offered", 0);
        }
        Socket plain = channel.socket();
        SSLSocket secure = (SSLSocket) context.config.tls().getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        channel.attach(secure);
        tls = true;
        session = new MySession();
        machine = new MyMachine(session);
        dispatcher = new MyClientDispatcher(session, machine);
        channel.follow(machine);
        channel.replay(greeting);
    }

    /** The collation of text columns: the client's, when it is a utf8mb4 one. */
    private static int textCharset(int clientCollation) {
        boolean utf8mb4 = clientCollation == 45 || clientCollation == 46
                || (clientCollation >= 224 && clientCollation <= 247) || (clientCollation >= 255 && clientCollation <= 323);
        return utf8mb4 ? clientCollation : ResultColumn.UTF8MB4_GENERAL_CI;
    }

    /** Ends a broken conversation with an ERR (best effort: the client may be gone). */
    private void fail(MyError error) {
        try {
            new ResultWriter(channel, session).unchecked(error);
            channel.flush();
        } catch (IOException | RuntimeException ignored) {
            // Nothing more to do for this client.
        }
    }
}
