package io.sqlxwire.examples.myserver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system variables a connection reports: fixed values describing this server (utf8mb4
 * everywhere, READ-COMMITTED as H2 runs, 64 MiB messages) and the session's own (autocommit, the
 * current database). Values are Long for numbers (sent as BIGINT columns) and String otherwise.
 */
final class SystemVariables implements CompatibilityQueries.Variables {
    private final ServerConfig config;
    private final ConnectionState state;

    SystemVariables(ServerConfig config, ConnectionState state) {
        this.config = config;
        this.state = state;
    }

    @Override
    public Object get(String name) {
        return all().get(name);
    }

    @Override
    public String database() {
        return state.schema;
    }

    @Override
    public long connectionId() {
        return state.connectionId;
    }

    @Override
    public Map<String, Object> all() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("auto_increment_increment", 1L);
        v.put("autocommit", state.autocommit ? 1L : 0L);
        v.put("character_set_client", "utf8mb4");
        v.put("character_set_connection", "utf8mb4");
        v.put("character_set_database", "utf8mb4");
        v.put("character_set_results", "utf8mb4");
        v.put("character_set_server", "utf8mb4");
        v.put("collation_connection", "utf8mb4_general_ci");
        v.put("collation_database", "utf8mb4_general_ci");
        v.put("collation_server", "utf8mb4_general_ci");
        v.put("default_authentication_plugin", config.plugin().wireName());
        v.put("have_ssl", config.tls() != null ? "YES" : "DISABLED");
        v.put("init_connect", "");
        v.put("interactive_timeout", 28800L);
        v.put("license", "Apache-2.0");
        v.put("lower_case_table_names", 0L);
        v.put("max_allowed_packet", (long) PacketChannel.MAX_PAYLOAD);
        v.put("net_buffer_length", 16384L);
        v.put("net_write_timeout", 60L);
        v.put("performance_schema", 0L);
        v.put("query_cache_size", 0L);
        v.put("query_cache_type", "OFF");
        v.put("sql_mode", "STRICT_TRANS_TABLES");
        v.put("system_time_zone", "UTC");
        v.put("time_zone", "SYSTEM");
        v.put("transaction_isolation", "READ-COMMITTED");
        v.put("tx_isolation", "READ-COMMITTED");
        v.put("transaction_read_only", 0L);
        v.put("tx_read_only", 0L);
        v.put("version", config.serverVersion());
        v.put("version_comment", "SQLxWire example server (H2 in MySQL mode)");
        v.put("version_compile_os", "Linux");
        v.put("wait_timeout", config.readTimeout().toSeconds());
        v.put("warning_count", 0L);
        v.put("error_count", 0L);
        v.put("pseudo_thread_id", state.connectionId);
        return v;
    }
}
