package io.sqlxwire.codegen.java.values;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.framing.BuiltinTransforms;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TransformModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of the hand-written transform escape hatch (DESIGN.md item 12), shared by the transforms
 * generator and the encoders and records that call it: the {@code <Stem>Transforms} interface the
 * user implements, the {@code <Stem>TransformRegistry} it is installed in, and one
 * {@code encodeX}/{@code decodeX} method pair per declared transform.
 */
public final class TransformNames {

    private TransformNames() {}

    /**
     * The declared transforms the application implements: all of them except the built-in ones
     * ({@code zlib}), which generated framing code applies itself. A built-in name that a field
     * marks with {@code transform(zlib)} still needs an implementation: only whole framing bodies
     * are handled by the runtime.
     */
    public static List<TransformModel> handWritten(ProtocolModel model) {
        Set<String> onFields = new HashSet<>();
        for (StructModel struct : model.structs()) {
            collectFieldTransforms(struct.layout(), onFields);
        }
        for (MessageModel message : model.messages()) {
            collectFieldTransforms(message.layout(), onFields);
        }
        return model.transforms().stream()
                .filter(t -> !BuiltinTransforms.ZLIB.equals(t.name()) || onFields.contains(t.name()))
                .toList();
    }

    private static void collectFieldTransforms(Layout layout, Set<String> into) {
        if (layout == null) {
            return;
        }
        for (Field field : layout.fields()) {
            if (field.transform() != null) {
                into.add(field.transform());
            }
        }
    }

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
