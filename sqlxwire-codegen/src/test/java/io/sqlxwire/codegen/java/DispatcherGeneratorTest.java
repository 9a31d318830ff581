package io.sqlxwire.codegen.java;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DispatcherGeneratorTest {

    static Stream<Path> protocols() {
        return ConversationFixtures.protocolFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void wholeConversationCompilesWithoutWarnings(Path file) {
        ProtocolModel model = ConversationFixtures.model(file);
        ConversationFixtures.assumeDecodersCompile(model);
        InMemoryCompiler.compile(ConversationFixtures.conversation(model));
    }
}
