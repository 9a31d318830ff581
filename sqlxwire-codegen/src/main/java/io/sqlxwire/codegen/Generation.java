package io.sqlxwire.codegen;

import io.sqlxwire.codegen.java.ArbitraryGenerator;
import io.sqlxwire.codegen.java.ArtifactGenerator;
import io.sqlxwire.codegen.java.DecoderGenerator;
import io.sqlxwire.codegen.java.DetectorGenerator;
import io.sqlxwire.codegen.java.DispatcherGenerator;
import io.sqlxwire.codegen.java.EncoderGenerator;
import io.sqlxwire.codegen.java.EnumGenerator;
import io.sqlxwire.codegen.java.FramerGenerator;
import io.sqlxwire.codegen.java.MachineGenerator;
import io.sqlxwire.codegen.java.PropertyTestGenerator;
import io.sqlxwire.codegen.java.ProtocolGenerator;
import io.sqlxwire.codegen.java.RecordGenerator;
import io.sqlxwire.codegen.java.SessionGenerator;
import io.sqlxwire.codegen.java.TransformsGenerator;
import java.util.List;

/**
 * The configured generators, as the front ends (Maven plugin, CLI) run them: one list for the
 * main sources a protocol needs and one for its test sources. A new artifact generator becomes part of
 * every build by being added here, and nowhere else.
 */
public final class Generation {

    private Generation() {}

    /** Decoders, encoders, records, framing, dispatch and state machine: what application code uses. */
    public static ProtocolGenerator mainSources() {
        return new ProtocolGenerator(mainGenerators());
    }

    /** Property-test support (jqwik arbitraries and properties) for the main sources. */
    public static ProtocolGenerator testSources() {
        return new ProtocolGenerator(testGenerators());
    }

    /**
     * In dependency order (the output is sorted by name anyway): value classes and the session
     * first, then the transform escape hatch, the decoders and encoders that use them, the records
     * built on both, and the conversation (framings, dispatchers, machine) and the detector on top.
     */
    static List<ArtifactGenerator> mainGenerators() {
        return List.of(new EnumGenerator(), new SessionGenerator(), new TransformsGenerator(), new DecoderGenerator(),
                new EncoderGenerator(), new RecordGenerator(true), new FramerGenerator(), new DispatcherGenerator(),
                new MachineGenerator(), new DetectorGenerator());
    }

    static List<ArtifactGenerator> testGenerators() {
        return List.of(new ArbitraryGenerator(), new PropertyTestGenerator());
    }
}
