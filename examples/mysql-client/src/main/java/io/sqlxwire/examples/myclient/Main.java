package io.sqlxwire.examples.myclient;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code java -jar mysql-client.jar --host H --port P --user U --password PW [--database D] -e "SQL"}:
 * runs the SQL (several statements allowed) and prints each result as tab-separated lines, as the
 * {@code mariadb} client's batch mode does: a header with the column names, one line per row, NULL
 * for NULL; a statement without rows prints how many rows it affected.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: mysql-client --host H --port P --user U [--password PW] [--database D] -e SQL");
            return 2;
        }
        try (MysqlConnection connection = MysqlConnection.open(parsed.options())) {
            connection.query(parsed.sql(), new Printer(out));
            return 0;
        } catch (ServerErrorException e) {
            err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    /** Prints results as they stream in. */
    private static final class Printer implements RowHandler {
        private final PrintStream out;
        private boolean resultSet;
        private long rows;

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public void columns(List<ColumnInfo> columns) {
            StringBuilder line = new StringBuilder();
            for (ColumnInfo c : columns) {
                line.append(line.length() == 0 ? "" : "\t").append(c.name());
            }
            out.println(line);
            resultSet = true;
            rows = 0;
        }

        @Override
        public void row(Row row) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.columnCount(); i++) {
                if (i > 0) {
                    line.append('\t');
                }
                line.append(row.isNull(i) ? "NULL" : printable(row, i));
            }
            out.println(line);
            rows++;
        }

        private static String printable(Row row, int i) {
            if (row.column(i).isBinary()) {
                StringBuilder hex = new StringBuilder("0x");
                for (byte b : row.getBytes(i)) {
                    hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
                }
                return hex.toString();
            }
            return row.getString(i);
        }

        @Override
        public void end(Outcome outcome) {
            if (resultSet) {
                out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
            } else {
                out.println("Query OK, " + outcome.affectedRows()
                        + (outcome.affectedRows() == 1 ? " row" : " rows") + " affected");
            }
            resultSet = false;
        }
    }

    /** The command line. */
    record Arguments(ConnectOptions options, String sql) {
        static Arguments parse(String[] args) {
            String host = "127.0.0.1";
            int port = 3306;
            String user = null;
            String password = "";
            String database = null;
            String sql = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--host", "-h" -> host = value;
                    case "--port", "-P" -> port = Integer.parseInt(value);
                    case "--user", "-u" -> user = value;
                    case "--password", "-p" -> password = value;
                    case "--database", "-D" -> database = value;
                    case "-e", "--execute" -> sql = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (user == null || sql == null) {
                throw new IllegalArgumentException("--user and -e are required");
            }
            return new Arguments(new ConnectOptions(host, port, user, password, database, null, null), sql);
        }
    }

}
