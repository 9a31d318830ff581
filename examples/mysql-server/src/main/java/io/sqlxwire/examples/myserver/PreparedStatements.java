package io.sqlxwire.examples.myserver;

import io.sqlxwire.examples.bridge.SqlStatement;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A connection's prepared statements by the ids COM_STMT_PREPARE_OK gave them. */
final class PreparedStatements {
    /**
     * One prepared statement: the bridge's (or, for a statement the server answers itself, only its
     * text), the parameter count announced, and the types bound at the last execution.
     */
    record Entry(SqlStatement statement, String compatibilitySql, int parameterCount,
                 List<ResultColumn> columns, ExecuteParameters.Bound bound, Map<Integer, ByteArrayOutputStream> longData) {
    }

    private final Map<Long, Entry> byId = new HashMap<>();
    private long nextId;

    long add(SqlStatement statement, String compatibilitySql, int parameterCount, List<ResultColumn> columns) {
        long id = ++nextId;
        byId.put(id, new Entry(statement, compatibilitySql, parameterCount, columns, new ExecuteParameters.Bound(),
                new HashMap<>()));
        return id;
    }

    Entry get(long id) {
        return byId.get(id);
    }

    void close(long id) {
        Entry entry = byId.remove(id);
        if (entry != null && entry.statement() != null) {
            entry.statement().close();
        }
    }

    void closeAll() {
        for (Entry entry : byId.values()) {
            if (entry.statement() != null) {
                entry.statement().close();
            }
        }
        byId.clear();
    }
}
