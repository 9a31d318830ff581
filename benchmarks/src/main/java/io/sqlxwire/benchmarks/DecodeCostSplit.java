package io.sqlxwire.benchmarks;

import io.sqlxwire.benchmarks.mysql.MyResultSetReader;
import io.sqlxwire.benchmarks.mysql.MyTableResultSet;
import io.sqlxwire.benchmarks.postgresql.PgTableAnswer;
import io.sqlxwire.benchmarks.table.BenchTable;
import io.sqlxwire.protocols.mysql.MyBinaryResultsetRowDecoder;
import io.sqlxwire.protocols.mysql.MyCapabilityFlags;
import io.sqlxwire.protocols.mysql.MyColumnDefinition41Decoder;
import io.sqlxwire.protocols.mysql.MyPacketFraming;
import io.sqlxwire.protocols.mysql.MyResultSetHeaderDecoder;
import io.sqlxwire.protocols.mysql.MySession;
import io.sqlxwire.protocols.mysql.MyTextResultsetRowDecoder;
import io.sqlxwire.protocols.postgresql.PgBackendDispatcher;
import io.sqlxwire.protocols.postgresql.PgBackendHandler;
import io.sqlxwire.protocols.postgresql.PgDataRowDecoder;
import io.sqlxwire.protocols.postgresql.PgSession;
import io.sqlxwire.protocols.postgresql.PgTaggedFraming;
import io.sqlxwire.runtime.buffer.ByteView;
import io.sqlxwire.runtime.buffer.TextView;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.AsciiDecimal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time of a text result set goes ("Where ours still misses" in the README): the same
 * 10,000-row PostgreSQL answer and MySQL text result set read four times deeper each, by thread CPU
 * time (best of 30 rounds of 50 answers): 0, frame and {@code wrap} every message; 1, also walk the
 * columns ({@code next()}, NULL test, length); 2, also take each value's {@code ByteView}; 3, also
 * read it as {@code PgResultSetReader} and {@code MyResultSetReader} do (parse the three integer
 * columns, a {@code TextView} over the others and its first byte). Not run by the build.
 *
 * <p>{@code for p in postgresql mysql; do for d in 0 1 2 3; do java -cp benchmarks/target/benchmarks.jar
 * io.sqlxwire.benchmarks.DecodeCostSplit $p $d; done; done}
 *
 * <p>{@code mysql-binary} has two depths: 0, {@code wrap} every binary row (which validates every
 * value through its nested decoders); 3, the whole {@code MyResultSetReader} (framing, {@code wrap},
 * every value read).
 */
public final class DecodeCostSplit {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 30;
    private static final int ANSWERS = 50;
    private static long sink;

    private DecodeCostSplit() {
    }

    public static void main(String[] args) {
        // One protocol and depth per JVM gives the figures of the README: in one JVM the loops share
        // (and blur) the profiles the JIT gathered for the ones before them.
        String protocol = args.length == 0 ? "postgresql" : args[0];
        int from = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int to = args.length > 1 ? from : 3;
        for (int depth = from; depth <= to; depth++) {
            Runnable split;
            String name;
            switch (protocol) {
                case "postgresql":
                    split = new PgSplit(PgTableAnswer.build(BenchTable.DEFAULT_ROWS), depth);
                    name = "PostgreSQL";
                    break;
                case "mysql":
                    split = new MySplit(MyTableResultSet.text(BenchTable.DEFAULT_ROWS), false, depth);
                    name = "MySQL text";
                    break;
                case "mysql-binary":
                    if (depth != 0 && depth != 3) {
                        continue;
                    }
                    byte[] binary = MyTableResultSet.binary(BenchTable.DEFAULT_ROWS);
                    MyResultSetReader reader = new MyResultSetReader();
                    split = depth == 0 ? new MySplit(binary, true, 0) : () -> sink += reader.read(binary, true);
                    name = "MySQL binary";
                    break;
                default:
                    throw new IllegalArgumentException("protocol: postgresql, mysql or mysql-binary, not " + protocol);
            }
            System.out.printf("%s, depth %d: %,10.0f ns%n", name, depth, best(split));
        }
        System.out.println(sink == 42 ? "" : "done");
    }

    private static double best(Runnable answer) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int k = 0; k < ANSWERS; k++) {
                answer.run();
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / (double) ANSWERS);
        }
        return best;
    }

    /** Reads a non-NULL value as depth 2 or 3 says; {@code column} is its index in the row. */
    private static void read(int depth, int column, ByteView value, TextView text) {
        if (depth == 2) {
            sink += value.length();
        } else if (BenchTable.isInteger(column)) {
            sink += AsciiDecimal.parse(value);
        } else {
            TextView view = text.wrap(value);
            sink += view.byteLength() + (view.isEmpty() ? 0 : view.u8(0));
        }
    }

    private static final class PgSplit implements Runnable, PgBackendHandler {
        private final PgBackendDispatcher dispatcher = new PgBackendDispatcher(new PgSession());
        private final WireBuffer stream = new WireBuffer();
        private final WireBuffer rest = new WireBuffer();
        private final WireBuffer frame = new WireBuffer();
        private final TextView text = new TextView();
        private final byte[] answer;
        private final int depth;

        PgSplit(byte[] answer, int depth) {
            this.answer = answer;
            this.depth = depth;
        }

        @Override
        public void run() {
            stream.wrap(answer, 0, answer.length);
            int pos = 0;
            while (pos < stream.length()) {
                stream.slice(pos, stream.length() - pos, rest);
                int length = (int) PgTaggedFraming.INSTANCE.frameLength(rest);
                dispatcher.dispatch(stream.slice(pos, length, frame), this);
                pos += length;
            }
        }

        @Override
        public void onDataRow(PgDataRowDecoder m) {
            if (depth == 0) {
                return;
            }
            PgDataRowDecoder.ColumnsCursor columns = m.columns();
            for (int i = 0; columns.hasNext(); i++) {
                columns.next();
                if (columns.isValueNull()) {
                    sink += 7;
                } else if (depth == 1) {
                    sink += columns.length();
                } else {
                    read(depth, i, columns.value(), text);
                }
            }
        }

        @Override
        public void onUnknown(long tag, WireBuffer body) {
        }
    }

    private static final class MySplit implements Runnable {
        private final MySession session = new MySession();
        private final WireBuffer stream = new WireBuffer();
        private final MyTextResultsetRowDecoder row = new MyTextResultsetRowDecoder();
        private final MyBinaryResultsetRowDecoder binaryRow = new MyBinaryResultsetRowDecoder();
        private final boolean binary;
        private final TextView text = new TextView();
        private final List<int[]> rows = new ArrayList<>();
        private final int depth;

        /** {@code binary} rows are only wrapped (depth 0). */
        MySplit(byte[] resultSet, boolean binary, int depth) {
            this.depth = depth;
            this.binary = binary;
            session.binaryRows = binary;
            session.capabilities = new MyCapabilityFlags(MyTableResultSet.CAPABILITIES);
            stream.wrap(resultSet, 0, resultSet.length);
            List<int[]> packets = new ArrayList<>();
            for (int pos = 0; pos < resultSet.length; ) {
                int length = (int) MyPacketFraming.INSTANCE.frameLength(stream.slice(pos, resultSet.length - pos, new WireBuffer()));
                packets.add(new int[] {pos + MyPacketFraming.HEADER_LENGTH, length - MyPacketFraming.HEADER_LENGTH});
                pos += length;
            }
            int[] header = packets.get(0);
            int columns = (int) new MyResultSetHeaderDecoder().wrap(stream, header[0], header[1], session).columnCount();
            session.columnCount = columns;
            MyColumnDefinition41Decoder definition = new MyColumnDefinition41Decoder();
            for (int c = 0; c < columns; c++) {
                int[] packet = packets.get(1 + c);
                session.columnTypes.add(definition.wrap(stream, packet[0], packet[1], session).type());
            }
            rows.addAll(packets.subList(1 + columns, packets.size() - 1)); // the rows, not the final OK
        }

        @Override
        public void run() {
            for (int[] packet : rows) {
                if (binary) {
                    binaryRow.wrap(stream, packet[0], packet[1], session);
                    continue;
                }
                row.wrap(stream, packet[0], packet[1], session);
                if (depth == 0) {
                    continue;
                }
                MyTextResultsetRowDecoder.ValuesCursor values = row.values();
                for (int i = 0; values.hasNext(); i++) {
                    values.next();
                    if (values.isValueNull()) {
                        sink += 7;
                    } else if (depth == 1) {
                        sink += values.length();
                    } else {
                        read(depth, i, values.value(), text);
                    }
                }
            }
        }
    }
}
