package io.sqlxwire.benchmarks.postgresql;

import io.sqlxwire.benchmarks.table.ReplayingInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Properties;
import javax.net.SocketFactory;
import org.postgresql.core.Field;
import org.postgresql.core.PGStream;
import org.postgresql.core.ParameterList;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.TransactionState;
import org.postgresql.core.Tuple;
import org.postgresql.core.v3.QueryExecutorImpl;
import org.postgresql.util.HostSpec;

/**
 * The pgjdbc peer: a simple query executed by pgjdbc's own {@code QueryExecutorImpl} over its own
 * {@code PGStream}, with the socket replaced by an in-memory one whose input replays the same
 * backend answer for every query. What is measured is pgjdbc's real receive path, not a model of
 * it: {@code processResults} reading each message through {@code VisibleBufferedInputStream},
 * {@code receiveFields} building a {@code Field[]} (a String per name), {@code receiveTupleV3}
 * materialising every row as a {@code Tuple} ({@code byte[][]} plus one {@code byte[]} per
 * non-NULL column), the rows collected into a list and handed to the result handler, the command
 * tag parsed, the transaction state taken from ReadyForQuery. Included but small: encoding the
 * {@code Query} message (written to a discarding stream) and copying the answer out of the
 * replaying stream into pgjdbc's 8 KiB input buffer (what a socket read costs at least).
 *
 * <p>The handler reads the rows as {@link PgResultSetReader} does: each field's name length and
 * first character and its numbers; each column null or not, {@code int2/int4/int8} parsed from the
 * column's bytes (canonical decimal, as {@code AsciiDecimal.parse}), other columns' length and first
 * byte; the command tag's length and first character; the transaction
 * status. So {@link #readAnswer()} returns the same checksum as {@link PgResultSetReader#readStream}.
 *
 * <p>Before the first query the stream delivers a short startup tail (ParameterStatus messages,
 * BackendKeyData, ReadyForQuery) that pgjdbc's constructor reads, as after authentication.
 */
public final class PgjdbcPeerReader {

    private static final int INT8_OID = 20;
    private static final int INT2_OID = 21;
    private static final int INT4_OID = 23;

    private final QueryExecutorImpl executor;
    private final Query query;
    private final ParameterList parameters;
    private final Handler handler = new Handler();

    /** A pgjdbc executor whose socket answers every query with {@code answer} (T, D..., C, Z). */
    public PgjdbcPeerReader(byte[] answer) {
        try {
            InMemorySocket socket = new InMemorySocket(new ReplayingInputStream(startupTail(), answer));
            PGStream stream = new PGStream(new OneSocketFactory(socket), new HostSpec("localhost", 5432), 0);
            Properties properties = new Properties();
            properties.setProperty("preferQueryMode", "simple");
            executor = new QueryExecutorImpl(stream, 0, properties);
            query = executor.createSimpleQuery("select * from bench");
            parameters = query.createParameterList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("pgjdbc refused the in-memory connection", e);
        }
    }

    /** Executes the query once: pgjdbc receives and materialises one whole answer; returns the checksum. */
    public long readAnswer() {
        handler.checksum = 0;
        try {
            executor.execute(query, parameters, handler, 0, 0, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE
                    | QueryExecutor.QUERY_SUPPRESS_BEGIN | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS);
        } catch (SQLException e) {
            throw new IllegalStateException("pgjdbc failed on the answer", e);
        }
        if (handler.getException() != null) {
            throw new IllegalStateException("pgjdbc reported an error", handler.getException());
        }
        return handler.checksum + (executor.getTransactionState() == TransactionState.IDLE ? 'I' : 0);
    }

    /** Receives the results as pgjdbc's statement would, then reads them as a user would. */
    private static final class Handler extends ResultHandlerBase {
        long checksum;

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            boolean[] integerColumn = new boolean[fields.length];
            for (int i = 0; i < fields.length; i++) {
                Field field = fields[i];
                String name = field.getColumnLabel();
                int type = field.getOID();
                integerColumn[i] = type == INT4_OID || type == INT8_OID || type == INT2_OID;
                checksum += name.length() + (name.isEmpty() ? 0 : name.charAt(0))
                        + Integer.toUnsignedLong(field.getTableOid()) + field.getPositionInTable()
                        + Integer.toUnsignedLong(type) + field.getLength() + field.getMod() + field.getFormat();
            }
            for (int r = 0, rows = tuples.size(); r < rows; r++) {
                Tuple tuple = tuples.get(r);
                for (int i = 0, n = tuple.fieldCount(); i < n; i++) {
                    byte[] value = tuple.get(i);
                    if (value == null) {
                        checksum += 7;
                    } else if (integerColumn[i]) {
                        checksum += Decimals.parse(value, 0, value.length);
                    } else {
                        checksum += value.length + (value.length == 0 ? 0 : value[0] & 0xFF);
                    }
                }
            }
        }

        @Override
        public void handleWarning(SQLWarning warning) {
            throw new IllegalStateException("unexpected warning", warning);
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            // pgjdbc hands over the whole tag ("SELECT 10000") as a String, and its parsed count.
            checksum += status.length() + (status.isEmpty() ? 0 : status.charAt(0));
        }
    }

    /** ParameterStatus x 5, BackendKeyData and ReadyForQuery: what pgjdbc reads after authentication. */
    static byte[] startupTail() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parameterStatus(out, "client_encoding", "UTF8");
        parameterStatus(out, "server_version", "15.18");
        parameterStatus(out, "standard_conforming_strings", "on");
        parameterStatus(out, "integer_datetimes", "on");
        parameterStatus(out, "DateStyle", "ISO, MDY");
        out.writeBytes(new byte[] {'K', 0, 0, 0, 12, 0, 0, 0x30, 0x39, 0x12, 0x34, 0x56, 0x78});
        out.writeBytes(new byte[] {'Z', 0, 0, 0, 5, 'I'});
        return out.toByteArray();
    }

    private static void parameterStatus(ByteArrayOutputStream out, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        int length = 4 + n.length + 1 + v.length + 1;
        out.write('S');
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(n);
        out.write(0);
        out.writeBytes(v);
        out.write(0);
    }

    /** A socket that is connected from the start, reads the replaying stream and discards writes. */
    static final class InMemorySocket extends Socket {
        private final InputStream in;
        private final OutputStream out = OutputStream.nullOutputStream();

        InMemorySocket(InputStream in) {
            this.in = in;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public void setTcpNoDelay(boolean on) {
        }

        @Override
        public void setSoTimeout(int timeout) {
        }

        @Override
        public int getSoTimeout() {
            return 0;
        }

        @Override
        public void setKeepAlive(boolean on) {
        }

        @Override
        public int getSendBufferSize() {
            return 65_536;
        }

        @Override
        public int getReceiveBufferSize() {
            return 65_536;
        }

        @Override
        public synchronized void close() {
        }
    }

    /** Hands pgjdbc the one in-memory socket. */
    private static final class OneSocketFactory extends SocketFactory {
        private final Socket socket;

        OneSocketFactory(Socket socket) {
            this.socket = socket;
        }

        @Override
        public Socket createSocket() {
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return socket;
        }
    }
}
