package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.session.IntList;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SessionGeneratorTest {

    static Stream<Path> protocols() {
        return ConversationFixtures.protocolFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void sessionAndFramingsCompileWithoutWarnings(Path file) {
        ProtocolModel model = ConversationFixtures.model(file);
        List<JavaFile> files = ConversationFixtures.sources(model, new SessionGenerator(), new FramerGenerator());
        InMemoryCompiler.compile(files);
    }

    @Test
    void initialValuesComeFromTheDescriptionAndResetRestoresThem() throws Exception {
        ProtocolModel model = ConversationFixtures.model("mysql.wire");
        ClassLoader loader = InMemoryCompiler.compile(ConversationFixtures.sources(model, new SessionGenerator()));
        Class<?> type = loader.loadClass("io.sqlxwire.protocols.mysql.MySession");
        Object session = type.getConstructor().newInstance();
        assertEquals(0L, type.getField("columnCount").getLong(session));
        assertEquals(0L, bits(type.getField("capabilities").get(session)));
        type.getField("capabilities").set(session, type.getField("capabilities").getType().getConstructor(long.class).newInstance(8L));
        type.getField("binaryRows").setBoolean(session, true);
        type.getField("columnCount").setLong(session, 7);
        // A list of enum values is an IntList of their raw values (MySQL column types: LONG is 3).
        IntList columnTypes = (IntList) type.getField("columnTypes").get(session);
        columnTypes.add(3);
        assertTrue(session.toString().contains("binaryRows=true"));
        assertTrue(session.toString().contains("columnTypes=[3]"));
        type.getMethod("reset").invoke(session);
        assertEquals(false, type.getField("binaryRows").getBoolean(session));
        assertEquals(0L, type.getField("columnCount").getLong(session));
        assertEquals(0L, bits(type.getField("capabilities").get(session)));
        assertTrue(columnTypes.isEmpty());
        assertTrue(columnTypes == type.getField("columnTypes").get(session), "reset keeps the list");
    }

    private static long bits(Object flags) throws Exception {
        return ((Number) flags.getClass().getMethod("bits").invoke(flags)).longValue();
    }

    @Test
    void enumVariableStartsAtItsNamedConstant() throws Exception {
        ProtocolModel model = ConversationFixtures.model("postgresql.wire");
        ClassLoader loader = InMemoryCompiler.compile(ConversationFixtures.sources(model, new SessionGenerator()));
        Object session = loader.loadClass("io.sqlxwire.protocols.postgresql.PgSession").getConstructor().newInstance();
        Object none = loader.loadClass("io.sqlxwire.protocols.postgresql.PgAuthKind").getField("NONE").get(null);
        assertTrue(session.getClass().getField("auth").get(session) == none, "the NONE constant itself, not a copy");
    }
}
