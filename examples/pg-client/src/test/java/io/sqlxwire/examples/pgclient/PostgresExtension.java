package io.sqlxwire.examples.pgclient;

import io.sqlxwire.examples.testservers.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link EmbeddedPostgres} of the whole test run: started by the first
 * class that asks for it (as a parameter of a {@code @BeforeAll} method), kept in the root
 * context's store, and stopped by JUnit when the run ends (it is {@code AutoCloseable}).
 */
final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(EmbeddedPostgres.class, key -> {
            try {
                return EmbeddedPostgres.start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL", e);
            }
        }, EmbeddedPostgres.class);
    }

    /** Our client, connected to {@code server} as the SCRAM-SHA-256 user. */
    static PgConnection connectScram(EmbeddedPostgres server) throws IOException {
        return PgConnection.connect(EmbeddedPostgres.HOST, server.port(), EmbeddedPostgres.SCRAM_USER,
                EmbeddedPostgres.SCRAM_PASSWORD, EmbeddedPostgres.DATABASE);
    }
}
