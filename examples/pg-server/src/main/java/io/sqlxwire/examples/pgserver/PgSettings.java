package io.sqlxwire.examples.pgserver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The run-time parameters of one session (what SET changes and SHOW reads). The ones PostgreSQL
 * marks GUC_REPORT are sent to the client as ParameterStatus at startup and whenever they change;
 * drivers check several of them (pgjdbc insists on client_encoding UTF8, DateStyle ISO and
 * integer_datetimes on).
 */
final class PgSettings {
    /** What this server claims to be: the protocol and SQL surface clients plan for. */
    static final String SERVER_VERSION = "15.0";

    /** Sent as ParameterStatus (PostgreSQL 15's GUC_REPORT parameters). */
    private static final Set<String> REPORTED = Set.of(
            "application_name", "client_encoding", "datestyle", "default_transaction_read_only",
            "in_hot_standby", "integer_datetimes", "intervalstyle", "is_superuser", "server_encoding",
            "server_version", "session_authorization", "standard_conforming_strings", "timezone");

    /** Settings whose value this server cannot change: SET may name only the value in force. */
    private static final Map<String, Set<String>> FIXED = Map.of(
            "client_encoding", Set.of("utf8", "unicode", "utf-8"),
            "server_encoding", Set.of("utf8"),
            "integer_datetimes", Set.of("on"),
            "standard_conforming_strings", Set.of("on"),
            "server_version", Set.of(SERVER_VERSION));

    /** Keys are lower case; the display names keep PostgreSQL's spelling. */
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> displayNames = new LinkedHashMap<>();

    PgSettings(String user) {
        put("server_version", SERVER_VERSION);
        put("server_encoding", "UTF8");
        put("client_encoding", "UTF8");
        put("DateStyle", "ISO, MDY");
        put("IntervalStyle", "postgres");
        put("TimeZone", "UTC");
        put("integer_datetimes", "on");
        put("standard_conforming_strings", "on");
        put("is_superuser", "on");
        put("session_authorization", user);
        put("application_name", "");
        put("default_transaction_read_only", "off");
        put("in_hot_standby", "off");
        put("extra_float_digits", "1");
        put("transaction_isolation", "read committed");
        put("default_transaction_isolation", "read committed");
        put("search_path", "\"$user\", public");
        put("bytea_output", "hex");
        put("statement_timeout", "0");
        put("client_min_messages", "notice");
    }

    private void put(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        values.put(key, value);
        displayNames.putIfAbsent(key, name);
    }

    /** The value, or null for a parameter never set and not known. */
    String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Sets a parameter as SET or a startup packet does. Returns whether the client must be told
     * (a reported parameter whose value changed).
     *
     * @throws IllegalArgumentException for a value this server cannot honour
     */
    boolean set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        Set<String> allowed = FIXED.get(key);
        if (allowed != null) {
            if (!allowed.contains(value.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("parameter \"" + name + "\" can only be " + get(key) + " here");
            }
            return false;
        }
        if (key.equals("datestyle")) {
            // Output is always ISO; a client asking for ISO gets the full value it expects.
            if (!value.toUpperCase(Locale.ROOT).contains("ISO")) {
                throw new IllegalArgumentException("only DateStyle ISO is supported");
            }
            return false;
        }
        if (key.equals("timezone")) {
            // Values come out in UTC whatever the client's zone: say so instead of pretending.
            return false;
        }
        String old = values.put(key, value);
        displayNames.putIfAbsent(key, name);
        return REPORTED.contains(key) && !value.equals(old);
    }

    /** The parameters to announce, with their display names. */
    Map<String, String> reported() {
        Map<String, String> reported = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (REPORTED.contains(e.getKey())) {
                reported.put(displayNames.get(e.getKey()), e.getValue());
            }
        }
        return reported;
    }

    String displayName(String name) {
        return displayNames.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }
}
