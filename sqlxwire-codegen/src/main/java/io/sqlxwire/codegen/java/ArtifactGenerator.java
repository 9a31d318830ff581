package io.sqlxwire.codegen.java;

import com.palantir.javapoet.JavaFile;
import java.util.List;

/** One kind of generated artifact (enums, decoders, encoders, records, framers, ...) for a protocol. */
public interface ArtifactGenerator {

    List<JavaFile> generate(GenerationContext context);
}
