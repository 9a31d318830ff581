package io.sqlxwire.codegen.java;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.idl.model.ProtocolModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the artifact generators over a checked model and writes their files. Output is sorted by
 * type name so the same model always gives byte-identical files in the same order.
 */
public final class ProtocolGenerator {

    private final List<ArtifactGenerator> generators;

    public ProtocolGenerator(List<ArtifactGenerator> generators) {
        this.generators = List.copyOf(generators);
    }

    public List<JavaFile> generate(ProtocolModel model) {
        GenerationContext context = GenerationContext.of(model);
        List<JavaFile> files = new ArrayList<>();
        for (ArtifactGenerator generator : generators) {
            files.addAll(generator.generate(context));
        }
        files.sort(Comparator.comparing((JavaFile f) -> f.packageName()).thenComparing(f -> f.typeSpec().name()));
        return files;
    }

    public List<Path> writeTo(Path directory, ProtocolModel model) throws IOException {
        List<Path> written = new ArrayList<>();
        for (JavaFile file : generate(model)) {
            written.add(file.writeToPath(directory));
        }
        return written;
    }
}
