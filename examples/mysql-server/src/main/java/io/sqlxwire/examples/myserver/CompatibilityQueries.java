package io.sqlxwire.examples.myserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements MySQL clients send on their own (on connect, or for their status displays) that H2
 * does not understand or would answer differently than MySQL: system variables, SET of session
 * settings, SHOW VARIABLES/WARNINGS. Each rule below says which client needs it. Everything else goes
 * to H2 unchanged.
 */
final class CompatibilityQueries {

    /** What to answer instead of running the statement. */
    sealed interface Answer permits Rows, Done, Failed, Rewritten {
    }

    /** Run this H2 statement instead: the same question in H2's words. */
    record Rewritten(String sql) implements Answer {
    }

    /** A result set made up here. */
    record Rows(List<ResultColumn> columns, List<Object[]> rows) implements Answer {
    }

    /** An OK; {@code autocommit} is the new setting when the statement changed it, else {@code null}. */
    record Done(Boolean autocommit) implements Answer {
    }

    /** An ERR, e.g. for an unknown system variable. */
    record Failed(MyError error) implements Answer {
    }

    /** The session's view of the system variables. */
    interface Variables {
        /** The value of a system variable (String or Long), or {@code null} if it is unknown. */
        Object get(String name);

        /** Every variable, by name, for SHOW VARIABLES. */
        Map<String, Object> all();

        /** The current database (H2 schema), for DATABASE(). */
        String database();

        /** The connection's thread id from the greeting, for CONNECTION_ID(). */
        long connectionId();
    }

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s|/\\*.*?\\*/|--[^\\n]*\\n|#[^\\n]*\\n)*",
            Pattern.DOTALL);
    private static final Pattern SELECT_VARIABLES = Pattern.compile(
            "(?is)select\\s+(@@.+?)(\\s+limit\\s+\\d+)?\\s*;?\\s*");
    private static final Pattern VARIABLE_ITEM = Pattern.compile(
            "(?is)@@(?:(session|global|local)\\.)?([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?(`[^`]+`|'[^']+'|\"[^\"]+\"|[a-z_][a-z0-9_]*))?");
    private static final Pattern SET = Pattern.compile("(?is)set\\s+(.+?)\\s*;?\\s*");
    private static final Pattern SET_NAMES = Pattern.compile("(?is)(names|character\\s+set|charset)\\s+.+");
    private static final Pattern SET_TRANSACTION = Pattern.compile("(?is)(session\\s+|global\\s+)?transaction\\s+.+");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?is)(?:(session|global|local|persist)\\s+|@@(?:(session|global|local)\\.)?)?([a-z_][a-z0-9_]*)\\s*(?:=|:=)\\s*(.+)");
    private static final Pattern SHOW_VARIABLES = Pattern.compile(
            "(?is)show\\s+(?:session\\s+|global\\s+)?variables(?:\\s+(like|where)\\s+(.+?))?\\s*;?\\s*");
    private static final Pattern SHOW_WARNINGS = Pattern.compile("(?is)show\\s+(warnings|errors)(\\s+limit\\s+.+)?\\s*;?\\s*");
    private static final Pattern SELECT_DATABASE = Pattern.compile(
            "(?is)select\\s+(database|schema)\\s*\\(\\s*\\)(\\s+as\\s+\\S+)?\\s*;?\\s*");
    private static final Pattern SELECT_VERSION = Pattern.compile("(?is)select\\s+version\\s*\\(\\s*\\)\\s*;?\\s*");
    private static final Pattern SELECT_CONNECTION_ID = Pattern.compile(
            "(?is)select\\s+connection_id\\s*\\(\\s*\\)\\s*;?\\s*");
    private static final Pattern DESCRIBE = Pattern.compile("(?is)(?:describe|desc)\\s+([`\"\\w.]+)\\s*;?\\s*");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.|'')*)'");

    private CompatibilityQueries() {
    }

    static Optional<Answer> answer(String sql, Variables variables) {
        String text = LEADING_COMMENTS.matcher(sql).replaceFirst("");
        Matcher m;
        // mariadb CLI: "select @@version_comment limit 1" on connect; Connector/J: one SELECT of
        // about 20 @@session.x AS x items on connect; PyMySQL/MariaDB Connector/J: @@max_allowed_packet,
        // @@transaction_isolation. H2 has no @@ variables at all.
        if ((m = SELECT_VARIABLES.matcher(text)).matches()) {
            Optional<Answer> answer = selectVariables(m.group(1), variables);
            if (answer.isPresent()) {
                return answer;
            }
        }
        // Every client: SET NAMES utf8mb4 (mariadb CLI, PyMySQL), SET autocommit=0/1 (PyMySQL,
        // JDBC setAutoCommit), SET character_set_results = NULL and SET sql_mode=... (Connector/J),
        // SET SESSION TRANSACTION ISOLATION LEVEL ... (JDBC setTransactionIsolation). Only
        // autocommit changes anything here; the rest are accepted as MySQL would. A SET of a user
        // variable (@x) is not ours: it goes to H2.
        if ((m = SET.matcher(text)).matches()) {
            Optional<Answer> answer = set(m.group(1));
            if (answer.isPresent()) {
                return answer;
            }
        }
        // Tools and ORMs ask SHOW VARIABLES LIKE 'x' (or WHERE Variable_name IN (...)) for settings.
        if ((m = SHOW_VARIABLES.matcher(text)).matches()) {
            return Optional.of(showVariables(m.group(1), m.group(2), variables));
        }
        // The mariadb CLI and Connector/J (after a statement with warnings) ask for warnings; H2
        // keeps none that MySQL clients could read: an empty list.
        if (SHOW_WARNINGS.matcher(text).matches()) {
            return Optional.of(new Rows(List.of(ResultColumn.text("Level"), ResultColumn.number("Code"),
                    ResultColumn.text("Message")), List.of()));
        }
        // mariadb CLI (\s, USE) and PyMySQL users: H2's DATABASE() is the database file's name,
        // MySQL's is the current database, which H2 calls the schema.
        if ((m = SELECT_DATABASE.matcher(text)).matches()) {
            return Optional.of(new Rows(List.of(ResultColumn.text(m.group(1).toUpperCase(Locale.ROOT) + "()")),
                    List.<Object[]>of(new Object[] {variables.database()})));
        }
        // SELECT VERSION(): H2 has no such function; the greeting's version string.
        if (SELECT_VERSION.matcher(text).matches()) {
            return Optional.of(new Rows(List.of(ResultColumn.text("VERSION()")),
                    List.<Object[]>of(new Object[] {variables.get("version")})));
        }
        // SELECT CONNECTION_ID(): the mariadb CLI's status and pool libraries; not an H2 function.
        if (SELECT_CONNECTION_ID.matcher(text).matches()) {
            return Optional.of(new Rows(List.of(ResultColumn.number("CONNECTION_ID()")),
                    List.<Object[]>of(new Object[] {variables.connectionId()})));
        }
        // DESCRIBE t / DESC t (people at the mariadb prompt): H2 knows the same as SHOW COLUMNS FROM t.
        if ((m = DESCRIBE.matcher(text)).matches()) {
            return Optional.of(new Rewritten("SHOW COLUMNS FROM " + m.group(1)));
        }
        return Optional.empty();
    }

    private static Optional<Answer> selectVariables(String items, Variables variables) {
        List<ResultColumn> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String item : splitTopLevel(items)) {
            Matcher m = VARIABLE_ITEM.matcher(item.strip());
            if (!m.matches()) {
                return Optional.empty();   // an expression, not just variables: let H2 try
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            Object value = variables.get(name);
            if (value == null) {
                return Optional.of(new Failed(new MyError(1193, "HY000", "Unknown system variable '" + name + "'")));
            }
            String label = m.group(3) != null ? unquote(m.group(3)) : item.strip();
            columns.add(value instanceof Long ? ResultColumn.number(label) : ResultColumn.text(label));
            values.add(value);
        }
        return Optional.of(new Rows(columns, List.<Object[]>of(values.toArray())));
    }

    private static Optional<Answer> set(String assignments) {
        if (SET_NAMES.matcher(assignments).matches() || SET_TRANSACTION.matcher(assignments).matches()) {
            return Optional.of(new Done(null));
        }
        Boolean autocommit = null;
        for (String assignment : splitTopLevel(assignments)) {
            if (SET_NAMES.matcher(assignment.strip()).matches()) {
                continue;   // MariaDB Connector/J: SET sql_mode=..., NAMES utf8mb4
            }
            Matcher m = ASSIGNMENT.matcher(assignment.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            String name = m.group(3).toLowerCase(Locale.ROOT);
            if (name.equals("autocommit")) {
                String value = unquote(m.group(4).strip()).toLowerCase(Locale.ROOT);
                autocommit = value.equals("1") || value.equals("on") || value.equals("true");
            }
        }
        return Optional.of(new Done(autocommit));
    }

    private static Answer showVariables(String kind, String condition, Variables variables) {
        Map<String, Object> all = variables.all();
        Map<String, Object> shown = new LinkedHashMap<>();
        if (kind == null) {
            shown.putAll(all);
        } else if (kind.equalsIgnoreCase("like")) {
            Pattern like = likePattern(firstQuoted(condition));
            all.forEach((name, value) -> {
                if (like.matcher(name).matches()) {
                    shown.put(name, value);
                }
            });
        } else {
            // WHERE Variable_name = 'x' / IN ('x', 'y'): the quoted names.
            Matcher q = QUOTED.matcher(condition);
            while (q.find()) {
                String name = q.group(1).toLowerCase(Locale.ROOT);
                if (all.containsKey(name)) {
                    shown.put(name, all.get(name));
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        shown.forEach((name, value) -> rows.add(new Object[] {name, String.valueOf(value)}));
        return new Rows(List.of(ResultColumn.text("Variable_name"), ResultColumn.text("Value")), rows);
    }

    private static String firstQuoted(String condition) {
        Matcher q = QUOTED.matcher(condition);
        return q.find() ? q.group(1) : "%";
    }

    /** SQL LIKE (%, _, backslash escapes) as a case-insensitive regex. */
    static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** Splits at commas outside parentheses and quotes: {@code a=concat(@@x, ','), b=1}. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char first = s.charAt(0);
            if ((first == '\'' || first == '"' || first == '`') && s.charAt(s.length() - 1) == first) {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }
}
