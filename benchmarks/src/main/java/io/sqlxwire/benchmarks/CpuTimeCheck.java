package io.sqlxwire.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sqlxwire.benchmarks.mysql.MariaDbPeerReader;
import io.sqlxwire.benchmarks.mysql.MyResultSetReader;
import io.sqlxwire.benchmarks.mysql.MyTableResultSet;
import io.sqlxwire.benchmarks.postgresql.PgCapture;
import io.sqlxwire.benchmarks.postgresql.PgFrontendEncoders;
import io.sqlxwire.benchmarks.postgresql.PgResultSetReader;
import io.sqlxwire.benchmarks.postgresql.PgTableAnswer;
import io.sqlxwire.benchmarks.postgresql.PgjdbcPeerReader;
import io.sqlxwire.benchmarks.postgresql.R2dbcPgFrontendEncoders;
import io.sqlxwire.benchmarks.postgresql.R2dbcPgPeerReader;
import io.sqlxwire.benchmarks.table.BenchTable;
import io.sqlxwire.runtime.buffer.WireBuffer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * A cross-check for a shared, overloaded machine, not a replacement for JMH: the same operations as
 * the JMH benchmarks, timed by this thread's CPU time (time spent descheduled does not count), ours
 * and its peer alternating in rounds, the best round of each reported. Wall-clock JMH numbers on a
 * machine with a load average of 10+ on 2 cores mostly measure the scheduler; these ratios do not.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.sqlxwire.benchmarks.CpuTimeCheck [rounds [filter]]}:
 * with a filter, only the pairs whose description contains it (e.g. {@code binary}).
 */
public final class CpuTimeCheck {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;
    private static String filter = "";

    private CpuTimeCheck() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        filter = args.length > 1 ? args[1] : "";
        int rows = BenchTable.DEFAULT_ROWS;
        byte[] pg = PgTableAnswer.build(rows);
        byte[] text = MyTableResultSet.text(rows);
        byte[] binary = MyTableResultSet.binary(rows);
        byte[] capture = PgCapture.load(PgCapture.SELECT_20_ROWS);
        byte[] rowDescription = PgCapture.firstFrame(capture, 'T');
        WireBuffer rowDescriptionFrame = new WireBuffer().wrap(rowDescription, 0, rowDescription.length);
        ByteBuf r2dbcRowDescription = Unpooled.wrappedBuffer(rowDescription);

        PgResultSetReader ours = new PgResultSetReader();
        R2dbcPgPeerReader r2dbc = new R2dbcPgPeerReader();
        ByteBuf r2dbcAnswer = Unpooled.wrappedBuffer(pg);
        PgjdbcPeerReader pgjdbc = new PgjdbcPeerReader(pg);
        MyResultSetReader my = new MyResultSetReader();
        MariaDbPeerReader mariadbText = new MariaDbPeerReader(text, false);
        MariaDbPeerReader mariadbBinary = new MariaDbPeerReader(binary, true);
        PgFrontendEncoders encoders = new PgFrontendEncoders();
        R2dbcPgFrontendEncoders r2dbcEncoders = new R2dbcPgFrontendEncoders();

        compare("PG answer, 10,000 rows: ours vs r2dbc", rounds, 100,
                () -> ours.readStream(pg), () -> r2dbc.readStream(r2dbcAnswer));
        compare("PG answer, 10,000 rows: ours vs pgjdbc", rounds, 100,
                () -> ours.readStream(pg), pgjdbc::readAnswer);
        compare("PG RowDescription, 6 fields: ours vs r2dbc", rounds, 200_000,
                () -> ours.readRowDescription(rowDescriptionFrame), () -> r2dbc.readFrame(r2dbcRowDescription));
        compare("MySQL text, 10,000 rows: ours vs MariaDB C/J", rounds, 100,
                () -> my.read(text, false), mariadbText::read);
        compare("MySQL binary, 10,000 rows: ours vs MariaDB C/J", rounds, 100,
                () -> my.read(binary, true), mariadbBinary::read);
        compare("PG Parse/Bind/Describe/Execute/Sync: ours vs r2dbc", rounds, 200_000,
                () -> encoders.encode().position(), () -> r2dbcEncoders.encode().writerIndex());
        System.out.println(sink == 42 ? "" : "done");
    }

    private static void compare(String what, int rounds, int operations, LongSupplier ours, LongSupplier peer) {
        if (!what.contains(filter)) {
            return;
        }
        double bestOurs = Double.MAX_VALUE;
        double bestPeer = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            bestOurs = Math.min(bestOurs, cpuNanosPerOperation(ours, operations));
            bestPeer = Math.min(bestPeer, cpuNanosPerOperation(peer, operations));
        }
        System.out.printf("%-55s ours %,12.0f ns  peer %,12.0f ns  peer/ours %.2f%n", what, bestOurs, bestPeer,
                bestPeer / bestOurs);
    }

    private static double cpuNanosPerOperation(LongSupplier operation, int operations) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < operations; i++) {
            sink += operation.getAsLong();
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / (double) operations;
    }
}
