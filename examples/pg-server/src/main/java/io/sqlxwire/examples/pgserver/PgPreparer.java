package io.sqlxwire.examples.pgserver;

import io.sqlxwire.examples.bridge.SqlFailure;
import io.sqlxwire.examples.bridge.SqlSession;
import io.sqlxwire.examples.bridge.SqlStatement;
import io.sqlxwire.runtime.sql.ParamStyle;
import io.sqlxwire.runtime.sql.ParameterTranslator;
import io.sqlxwire.runtime.sql.SqlLexer;
import io.sqlxwire.runtime.sql.SqlSyntax;
import io.sqlxwire.runtime.sql.Translation;
import java.util.ArrayList;
import java.util.List;

/**
 * Parse: turns a client's statement into a {@link PgPrepared} — {@code $n} rewritten to H2's
 * {@code ?} by the runtime's {@link ParameterTranslator}, declared types written as casts,
 * compatibility statements and rewrites recognised, parameter types settled.
 */
final class PgPreparer {
    private PgPreparer() {
    }

    /** Prepares {@code text} as Parse asks, with the parameter types the client declared (0: unspecified). */
    static PgPrepared prepare(SqlSession sql, String text, long[] declared) throws SqlFailure {
        Translation translation = ParameterTranslator.translate(text, ParamStyle.DOLLAR, ParamStyle.QMARK);
        int count = declared.length;
        for (Translation.Binding binding : translation.bindings()) {
            count = Math.max(count, Integer.parseInt(binding.source()));
        }
        PgCompatibility.Statement compat = count == 0 ? PgCompatibility.match(text) : null;
        boolean empty = SqlLexer.splitStatements(text, SqlSyntax.POSTGRESQL).isEmpty();
        String h2Sql = withDeclaredTypes(translation, declared);
        PgCompatibility.Rewrite rewrite = compat == null && !empty ? PgCompatibility.rewrite(h2Sql) : null;
        SqlStatement h2 = compat == null && !empty ? sql.prepare(rewrite == null ? h2Sql : rewrite.sql()) : null;
        long[] oids = new long[count];
        PgType[] types = new PgType[count];
        for (int i = 0; i < count; i++) {
            long oid = i < declared.length ? declared[i] : 0;
            if (oid == 0 && h2 != null) {
                oid = inferredType(translation, h2, i + 1).oid;
            }
            oids[i] = oid == 0 ? PgType.TEXT.oid : oid;
            types[i] = PgType.ofOid(oids[i]);
        }
        return new PgPrepared(text, translation, h2, compat, oids, types, rewrite == null ? null : rewrite.verb());
    }

    /**
     * The statement with {@code ?} for H2, each parameter whose type the client declared written as
     * {@code CAST(? AS type)}: a declared type is part of the statement in PostgreSQL, and H2
     * cannot prepare {@code ? IS NULL} or {@code SELECT ?} without knowing it.
     */
    private static String withDeclaredTypes(Translation translation, long[] declared) {
        String h2Sql = translation.sql();
        List<Integer> placeholders = new ArrayList<>();
        SqlLexer.forEachCodeIndex(h2Sql, SqlSyntax.POSTGRESQL, i -> {
            if (h2Sql.charAt(i) == '?') {
                placeholders.add(i);
            }
        });
        if (placeholders.size() != translation.bindings().size()) {
            return h2Sql; // a '?' operator in the client's SQL: leave the statement alone
        }
        StringBuilder cast = new StringBuilder(h2Sql.length() + 16 * placeholders.size());
        int copied = 0;
        for (int target = 0; target < placeholders.size(); target++) {
            int at = placeholders.get(target);
            int source = Integer.parseInt(translation.bindings().get(target).source());
            PgType type = source <= declared.length ? PgType.ofOid(declared[source - 1]) : null;
            cast.append(h2Sql, copied, at);
            cast.append(type == null ? "?" : "CAST(? AS " + type.h2Name + ")");
            copied = at + 1;
        }
        return cast.append(h2Sql, copied, h2Sql.length()).toString();
    }

    /** The type H2 infers for {@code $n} at its first {@code ?}; text if H2 cannot tell. */
    private static PgType inferredType(Translation translation, SqlStatement h2, int source) {
        List<Translation.Binding> bindings = translation.bindings();
        for (int target = 0; target < bindings.size(); target++) {
            if (bindings.get(target).source().equals(String.valueOf(source)) && target < h2.parameterTypes().size()) {
                return PgType.ofJdbc(h2.parameterTypes().get(target));
            }
        }
        return PgType.TEXT;
    }
}
