package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineGeneratorTest {

    private static ClassLoader compiled(String file) {
        ProtocolModel model = ConversationFixtures.model(file);
        ConversationFixtures.assumeDecodersCompile(model);
        return InMemoryCompiler.compile(ConversationFixtures.conversation(model));
    }

    private static List<String> run(ClassLoader loader, String pkg, String stem, String client, String server,
                                    String capture) throws Throwable {
        ConversationRunner runner = new ConversationRunner(loader, pkg, stem, client, server);
        for (ConversationFixtures.Segment segment : ConversationFixtures.capture(capture)) {
            runner.feed(segment.fromClient(), segment.bytes(), 0, segment.bytes().length);
        }
        return runner.calls;
    }

    @Test
    void postgresqlScramSimpleQuery() throws Throwable {
        ClassLoader loader = compiled("postgresql.wire");
        List<String> calls = run(loader, "io.sqlxwire.protocols.postgresql", "Pg", "frontend", "backend",
                "pg-psql-scram-simple.conv");
        System.out.println(calls);
    }

    @Test
    void mysqlCli() throws Throwable {
        ClassLoader loader = compiled("mysql.wire");
        List<String> calls = run(loader, "io.sqlxwire.protocols.mysql", "My", "client", "server", "my-mariadb-cli.conv");
        System.out.println(calls);
    }
}
