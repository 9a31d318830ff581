package io.sqlxwire.codegen.java;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Shared by the session, framing, dispatch and machine tests: the protocol descriptions and captures. */
final class ConversationFixtures {

    static final Path PROTOCOLS = Path.of("../protocols-idl/src/main/sqlxwire");
    static final Path CAPTURES = Path.of("/work/shared/captures/conv/local");

    private ConversationFixtures() {}

    static List<Path> protocolFiles() {
        try (Stream<Path> files = Files.list(PROTOCOLS)) {
            return files.filter(f -> f.toString().endsWith(".wire")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProtocolModel model(String fileName) {
        return model(PROTOCOLS.resolve(fileName));
    }

    static ProtocolModel model(Path file) {
        CheckResult result = WireCompiler.checkFile(file);
        if (result.hasErrors()) {
            throw new AssertionError(result.render());
        }
        return result.modelOrThrow();
    }

    static ProtocolModel modelOf(String source) {
        CheckResult result = WireCompiler.checkSource("test.wire", source);
        if (result.hasErrors()) {
            throw new AssertionError(result.render());
        }
        return result.modelOrThrow();
    }

    /** Everything the given generators' output needs compiled for one protocol: value types, and theirs. */
    static List<JavaFile> sources(ProtocolModel model, ArtifactGenerator... ours) {
        GenerationContext context = GenerationContext.of(model);
        List<JavaFile> files = new ArrayList<>();
        for (ArtifactGenerator generator : ours) {
            files.addAll(generator.generate(context));
        }
        files.addAll(new EnumGenerator().generate(context));
        return files;
    }

    /** The whole conversation: value types, decoders, session, framings, handlers, dispatchers, machine. */
    static List<JavaFile> conversation(ProtocolModel model) {
        return sources(model, new DecoderGenerator(), new SessionGenerator(), new FramerGenerator(),
                new DispatcherGenerator(), new MachineGenerator());
    }

    /**
     * Skips a test of the conversation code when the decoders it calls (another generator's output)
     * do not compile cleanly for this protocol yet, so such a test reports our code's problems only.
     */
    static void assumeDecodersCompile(ProtocolModel model) {
        String problem = null;
        try {
            InMemoryCompiler.compile(sources(model, new DecoderGenerator(), new SessionGenerator()));
        } catch (AssertionError | RuntimeException e) {
            problem = e.toString();
        }
        String why = problem;
        org.junit.jupiter.api.Assumptions.assumeTrue(why == null,
                () -> "the decoders of " + model.name() + " do not compile cleanly yet: " + why);
    }

    /** One TCP segment of a capture: who sent it and its bytes. */
    record Segment(boolean fromClient, byte[] bytes) {}

    static List<Segment> capture(String name) {
        List<Segment> segments = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(CAPTURES.resolve(name))) {
                if (line.startsWith("C ") || line.startsWith("S ")) {
                    segments.add(new Segment(line.charAt(0) == 'C', HexFormat.of().parseHex(line.substring(2).trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return segments;
    }
}
