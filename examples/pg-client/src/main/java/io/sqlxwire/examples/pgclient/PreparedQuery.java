package io.sqlxwire.examples.pgclient;

import java.util.List;

/**
 * A named prepared statement on one connection ({@link PgConnection#prepare}).
 *
 * @param parameterTypes the parameter type OIDs the server settled on (ParameterDescription)
 * @param columns the result columns (empty when the statement returns no rows); their format is
 *     that of the statement description, TEXT: each execution asks for the format it wants
 */
public record PreparedQuery(String name, String sql, List<Long> parameterTypes, List<Column> columns) {
}
