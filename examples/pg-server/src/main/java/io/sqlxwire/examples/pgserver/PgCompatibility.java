package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.SqlError;
import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.runtime.sql.SqlLexer;
import io.sqlxwire.runtime.sql.SqlSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements real clients send that H2 does not understand or would answer differently from
 * PostgreSQL: they are answered here, from the session's {@link PgSettings}, and never reach H2.
 * Each rule is one pattern, a comment says who sends it. Everything else goes to H2 unchanged.
 */
final class PgCompatibility {

    /** What a compatibility statement returns when run: text rows (or none), the tag, what changed. */
    record Outcome(List<List<String>> rows, String tag, List<String> changedParameters) {
    }

    /** Runs a recognised statement against the session's settings. */
    interface Action {
        Outcome run(PgSettings settings) throws SqlFailure;
    }

    /**
     * A statement answered here.
     *
     * @param columns the result columns (all of type text), empty when it returns no rows
     */
    record Statement(List<String> columns, Action action) {
    }

    /** Patterns see the statement without its trailing semicolon and blanks (see {@link #match}). */
    private static final String SQL_END = "$";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    // SET [SESSION | LOCAL] name { = | TO } value: pgjdbc (extra_float_digits, application_name on
    // old servers and via setClientInfo), psycopg2 (DateStyle), psql scripts (client_encoding, search_path).
    private static final Pattern SET = Pattern.compile(
            "^\\s*SET\\s+(?:(?:SESSION|LOCAL)\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*(?:=|\\s+TO\\s+)\\s*(.+)" + SQL_END, FLAGS);
    // SET TIME ZONE value: the SQL-standard spelling of SET TimeZone (psycopg2 and ORMs set it).
    private static final Pattern SET_TIME_ZONE = Pattern.compile("^\\s*SET\\s+(?:(?:SESSION|LOCAL)\\s+)?TIME\\s+ZONE\\s+(.+)" + SQL_END, FLAGS);
    // SET SESSION CHARACTERISTICS AS TRANSACTION ... / SET TRANSACTION ...: pgjdbc's
    // setTransactionIsolation and setReadOnly. Accepted: H2 sessions run at read committed.
    private static final Pattern SET_TRANSACTION = Pattern.compile(
            "^\\s*SET\\s+(?:SESSION\\s+CHARACTERISTICS\\s+AS\\s+)?TRANSACTION\\s+.*$", FLAGS);
    // SHOW TRANSACTION ISOLATION LEVEL: pgjdbc's getTransactionIsolation().
    private static final Pattern SHOW_ISOLATION = Pattern.compile("^\\s*SHOW\\s+TRANSACTION\\s+ISOLATION\\s+LEVEL" + SQL_END, FLAGS);
    // SHOW ALL: psql users and tools listing the settings.
    private static final Pattern SHOW_ALL = Pattern.compile("^\\s*SHOW\\s+ALL" + SQL_END, FLAGS);
    // SHOW name: drivers and scripts reading one setting (server_version, client_encoding, ...).
    private static final Pattern SHOW = Pattern.compile("^\\s*SHOW\\s+([A-Za-z_][A-Za-z0-9_.]*)" + SQL_END, FLAGS);
    // RESET name / RESET ALL: connection pools cleaning a session.
    private static final Pattern RESET = Pattern.compile("^\\s*RESET\\s+([A-Za-z_][A-Za-z0-9_.]*)" + SQL_END, FLAGS);
    // DISCARD ALL: connection pools (pgbouncer, HikariCP setups) before reuse.
    private static final Pattern DISCARD = Pattern.compile("^\\s*DISCARD\\s+(ALL|PLANS|SEQUENCES|TEMP|TEMPORARY)" + SQL_END, FLAGS);
    // SELECT version(): psql's \conninfo-style checks, SQLAlchemy and most GUI tools on connect.
    private static final Pattern VERSION = Pattern.compile("^\\s*SELECT\\s+(?:pg_catalog\\.)?version\\s*\\(\\s*\\)" + SQL_END, FLAGS);
    // SELECT current_setting('name'): SQLAlchemy's and Django's dialect probes.
    private static final Pattern CURRENT_SETTING = Pattern.compile(
            "^\\s*SELECT\\s+(?:pg_catalog\\.)?current_setting\\s*\\(\\s*'([^']+)'\\s*\\)" + SQL_END, FLAGS);

    private PgCompatibility() {
    }

    /** The rule that answers {@code sql}, or null when H2 should run it. */
    static Statement match(String statement) {
        // Cut the end here, not in the patterns: a lazy value followed by optional blanks would
        // backtrack quadratically over a long run of blanks.
        String sql = withoutTrailingSemicolon(statement);
        Matcher m;
        if ((m = SET_TIME_ZONE.matcher(sql)).matches()) {
            String value = unquote(m.group(1));
            return noRows("SET", s -> s.set("TimeZone", value));
        }
        if (SET_TRANSACTION.matcher(sql).matches()) {
            return noRows("SET", s -> false);
        }
        if ((m = SET.matcher(sql)).matches()) {
            String name = m.group(1);
            String value = unquote(m.group(2));
            return noRows("SET", s -> value.equalsIgnoreCase("DEFAULT") ? false : s.set(name, value), name);
        }
        if (SHOW_ISOLATION.matcher(sql).matches()) {
            return show("transaction_isolation");
        }
        if (SHOW_ALL.matcher(sql).matches()) {
            return new Statement(List.of("name", "setting", "description"), s -> {
                List<List<String>> rows = new ArrayList<>();
                for (Map.Entry<String, String> e : s.reported().entrySet()) {
                    rows.add(List.of(e.getKey(), e.getValue(), ""));
                }
                return new Outcome(rows, "SHOW", List.of());
            });
        }
        if ((m = SHOW.matcher(sql)).matches()) {
            return show(m.group(1));
        }
        if ((m = RESET.matcher(sql)).matches()) {
            return noRows("RESET", s -> false);
        }
        if ((m = DISCARD.matcher(sql)).matches()) {
            return noRows("DISCARD " + m.group(1).toUpperCase(Locale.ROOT), s -> false);
        }
        if (VERSION.matcher(sql).matches()) {
            return new Statement(List.of("version"), s -> new Outcome(
                    List.of(List.of("PostgreSQL " + PgSettings.SERVER_VERSION + " (SQLxWire pg-server on H2 "
                            + org.h2.engine.Constants.VERSION + ")")), "SELECT 1", List.of()));
        }
        if ((m = CURRENT_SETTING.matcher(sql)).matches()) {
            String name = m.group(1);
            return new Statement(List.of("current_setting"), s -> new Outcome(List.of(List.of(value(s, name))), "SELECT 1", List.of()));
        }
        return null;
    }

    // ------------------------------------------------------------------ rewrites

    /**
     * A statement H2 runs in another spelling.
     *
     * @param sql  what H2 runs
     * @param verb the command the client sent, for its CommandComplete tag ("INSERT 0 1", not "SELECT 1")
     */
    record Rewrite(String sql, String verb) {
    }

    private static final Pattern WORD_RETURNING = Pattern.compile("(?i)\\bRETURNING\\b");

    /**
     * The statement as H2 runs it, or null when H2 runs it as sent: PostgreSQL type names that H2
     * reads differently outside its PostgreSQL mode ({@link PgTypeNames}), and RETURNING.
     */
    static Rewrite rewrite(String statement) {
        String sql = withoutTrailingSemicolon(statement);
        String verb = io.sqlxwire.examples.bridge.SqlCommand.of(sql).verb();
        String spelled = PgTypeNames.forH2(sql, verb.equals("CREATE TABLE"));
        Rewrite returning = returning(spelled == null ? sql : spelled, verb);
        return returning != null ? returning : spelled != null ? new Rewrite(spelled, verb) : null;
    }

    /**
     * INSERT / UPDATE / DELETE ... RETURNING list: pgjdbc's getGeneratedKeys appends RETURNING *,
     * ORMs and psycopg2 users write it by hand. H2 spells it as a query over the changed rows:
     * SELECT list FROM FINAL TABLE (INSERT ...) — OLD TABLE for DELETE. Returns null when the
     * statement needs no rewrite, or when the list holds parameters (moving it would reorder them).
     */
    private static Rewrite returning(String sql, String verb) {
        if (!verb.equals("INSERT") && !verb.equals("UPDATE") && !verb.equals("DELETE")) {
            return null;
        }
        String masked = codeOnly(sql);
        Matcher m = WORD_RETURNING.matcher(masked);
        while (m.find()) {
            if (depth(masked, m.start()) != 0) {
                continue;
            }
            String list = sql.substring(m.end()).strip();
            if (list.isEmpty() || masked.substring(m.end()).indexOf('?') >= 0) {
                return null;
            }
            String change = sql.substring(0, m.start()).stripTrailing();
            String table = verb.equals("DELETE") ? "OLD TABLE" : "FINAL TABLE";
            return new Rewrite("SELECT " + list + " FROM " + table + " (" + change + ")", verb);
        }
        return null;
    }

    /** {@code sql} with literals, quoted identifiers and comments blanked, so patterns see only code. */
    private static String codeOnly(String sql) {
        char[] code = new char[sql.length()];
        java.util.Arrays.fill(code, ' ');
        SqlLexer.forEachCodeIndex(sql, SqlSyntax.POSTGRESQL, i -> code[i] = sql.charAt(i));
        return new String(code);
    }

    /** Parenthesis depth at {@code end} of SQL code already masked (literals and comments blanked). */
    private static int depth(String masked, int end) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = masked.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth;
    }

    private static String withoutTrailingSemicolon(String sql) {
        String s = sql.stripTrailing();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    /** A rule that changes settings and returns no rows; {@code reported} names the parameter it may change. */
    private interface Change {
        boolean apply(PgSettings settings);
    }

    private static Statement noRows(String tag, Change change, String... reported) {
        return new Statement(List.of(), s -> {
            boolean changed;
            try {
                changed = change.apply(s);
            } catch (IllegalArgumentException e) {
                throw new SqlFailure(new SqlError("22023", 0, e.getMessage()));
            }
            return new Outcome(List.of(), tag, changed ? List.of(reported) : List.of());
        });
    }

    private static Statement show(String name) {
        return new Statement(List.of(name.toLowerCase(Locale.ROOT)),
                s -> new Outcome(List.of(List.of(value(s, name))), "SHOW", List.of()));
    }

    private static String value(PgSettings settings, String name) throws SqlFailure {
        String value = settings.get(name);
        if (value == null) {
            throw new SqlFailure(new SqlError("42704", 0, "unrecognized configuration parameter \"" + name + "\""));
        }
        return value;
    }

    /** {@code 'it''s'} → {@code it's}; an unquoted word or number as written; a list stays as written. */
    static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")
                && !v.substring(1, v.length() - 1).replace("''", "").contains("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
