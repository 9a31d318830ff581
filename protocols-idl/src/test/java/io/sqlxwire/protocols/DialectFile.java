package io.sqlxwire.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One dialect's {@code .wire} file, checked once, with the lookups the dialect tests share. Every
 * lookup fails the test with the name it missed, so a renamed message cannot pass silently.
 */
final class DialectFile {

    /** Where the descriptions live, relative to the module directory Surefire runs in. */
    static final Path SOURCES = Path.of("src", "main", "sqlxwire");

    final String fileName;
    final CheckResult result;

    private DialectFile(String fileName, CheckResult result) {
        this.fileName = fileName;
        this.result = result;
    }

    static DialectFile check(String fileName) {
        Path file = SOURCES.resolve(fileName);
        assertTrue(Files.isRegularFile(file), () -> "missing description " + file.toAbsolutePath());
        return new DialectFile(fileName, WireCompiler.checkFile(file));
    }

    /** The file checks without errors or warnings; prints every diagnostic otherwise. */
    void assertClean() {
        assertFalse(result.hasErrors(), () -> fileName + " has errors:\n" + result.render());
        assertTrue(result.diagnostics().isEmpty(), () -> fileName + " has warnings:\n" + result.render());
    }

    ProtocolModel model() {
        return result.modelOrThrow();
    }

    MessageModel message(String name, String direction) {
        MessageModel message = model().message(name)
                .orElseThrow(() -> new AssertionError(fileName + ": no message " + name));
        assertEquals(direction, message.direction(), () -> name + " direction");
        return message;
    }

    StructModel struct(String name) {
        return model().struct(name).orElseThrow(() -> new AssertionError(fileName + ": no struct " + name));
    }

    FramingModel framing(String name) {
        return model().framing(name).orElseThrow(() -> new AssertionError(fileName + ": no framing " + name));
    }

    Field field(MessageModel message, String name) {
        return message.layout().field(name)
                .orElseThrow(() -> new AssertionError(message.name() + ": no field " + name));
    }

    Field field(StructModel struct, String name) {
        return struct.layout().field(name)
                .orElseThrow(() -> new AssertionError(struct.name() + ": no field " + name));
    }

    /** The protocol name, Java package and the sender of each direction. */
    void assertHeader(String protocol, String... directionsAndSenders) {
        ProtocolModel model = model();
        assertEquals(protocol, model.name());
        assertEquals("io.sqlxwire.protocols." + protocol, model.javaPackage());
        assertEquals(directionsAndSenders.length / 2, model.directions().size(), "direction count");
        for (int i = 0; i < directionsAndSenders.length; i += 2) {
            String name = directionsAndSenders[i];
            DirectionModel direction = model.directions().stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no direction " + name));
            assertEquals(DirectionModel.Sender.valueOf(directionsAndSenders[i + 1]), direction.sender(), name);
        }
        assertNotNull(model.machine(), "machine");
        assertFalse(model.signatures().isEmpty(), "signatures");
    }
}
