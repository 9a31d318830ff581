package io.sqlxwire.examples.pgclient;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: runs SQL on a PostgreSQL server through {@link PgConnection} and prints the
 * results as tables.
 *
 * <pre>
 * java -jar pg-client.jar --host H --port P --user U --password PW [--database D] [--binary] -c SQL [-c SQL ...]
 * </pre>
 *
 * <p>Each {@code -c} is sent as one simple query (which may hold several statements), or with
 * {@code --binary} as one extended query with binary results, decoded by the client. Exit status:
 * 0 all ran; 1 the server reported an error (printed to standard error, the remaining commands
 * are not run); 2 bad arguments or no connection.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("pg-client: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        TablePrinter printer = new TablePrinter(out);
        try (PgConnection pg = PgConnection.connect(options.host, options.port, options.user, options.password,
                options.database)) {
            for (String sql : options.commands) {
                if (options.binary) {
                    printer.print(pg.query(sql, Format.BINARY));
                } else {
                    for (QueryResult result : pg.simpleQuery(sql)) {
                        printer.print(result);
                    }
                }
            }
            return 0;
        } catch (PgServerException e) {
            err.println(e.getMessage());
            if (e.position() > 0) {
                err.println("at character " + e.position());
            }
            return 1;
        } catch (IOException e) {
            err.println("pg-client: " + options.host + ":" + options.port + ": " + e.getMessage());
            return 2;
        }
    }

    private static final class Options {
        static final String USAGE = "usage: pg-client --host H --port P --user U [--password PW] [--database D]"
                + " [--binary] -c SQL [-c SQL ...]   (password also from PGPASSWORD)";

        String host = "localhost";
        int port = 5432;
        String user;
        String password = System.getenv("PGPASSWORD");
        String database;
        boolean binary;
        final List<String> commands = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--binary")) {
                    o.binary = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg.startsWith("-") ? arg + " needs a value" : "unexpected " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--host", "-h" -> o.host = value;
                    case "--port", "-p" -> o.port = port(value);
                    case "--user", "-U" -> o.user = value;
                    case "--password" -> o.password = value;
                    case "--database", "-d" -> o.database = value;
                    case "-c", "--command" -> o.commands.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.user == null) {
                throw new IllegalArgumentException("--user is required");
            }
            if (o.commands.isEmpty()) {
                throw new IllegalArgumentException("nothing to run: give -c SQL");
            }
            if (o.database == null) {
                o.database = o.user;
            }
            return o;
        }

        private static int port(String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port: " + value);
            }
        }
    }
}
