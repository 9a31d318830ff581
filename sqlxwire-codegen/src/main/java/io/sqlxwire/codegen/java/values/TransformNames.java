package io.sqlxwire.codegen.java.values;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;

/**
 * Names of the hand-written transform escape hatch (DESIGN.md item 12), shared by the transforms
 * generator and the encoders and records that call it: the {@code <Stem>Transforms} interface the
 * user implements, the {@code <Stem>TransformRegistry} it is installed in, and one
 * {@code encodeX}/{@code decodeX} method pair per declared transform.
 */
public final class TransformNames {

    private TransformNames() {}

    public static ClassName transforms(GenerationContext context) {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "Transforms");
    }

    public static ClassName registry(GenerationContext context) {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "TransformRegistry");
    }

    public static String encodeMethod(String transform) {
        return "encode" + Naming.pascal(transform);
    }

    public static String decodeMethod(String transform) {
        return "decode" + Naming.pascal(transform);
    }

    /** The installed implementation, or an {@code IllegalStateException} naming the transform. */
    public static CodeBlock require(GenerationContext context, String transform) {
        return CodeBlock.of("$T.require($S)", registry(context), transform);
    }
}
