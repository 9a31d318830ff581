package io.sqlxwire.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.values.TransformNames;
import io.sqlxwire.idl.model.TransformModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The escape hatch for bytes no declaration describes ({@code transform NAME;}): an interface
 * {@code <Stem>Transforms} with one {@code encodeX}/{@code decodeX} pair per declared transform, and
 * the {@code <Stem>TransformRegistry} the application installs its implementation in.
 *
 * <p>Why a registry rather than an argument: a transform is a fixed, stateless function of the
 * protocol (TDS password obfuscation, a compression codec), not per-connection state, and passing
 * it through every {@code wrap}, nested encoder and record {@code decode}/{@code encode} would
 * change the signatures of every layout that merely contains a transformed field. The registry
 * is installed once at startup; generated code that needs a transform and finds none installed
 * throws {@code IllegalStateException} naming it — never a silent pass-through.
 *
 * <p>Both methods work in place on the value's bytes, so they allocate nothing and keep the
 * value's length (what field transforms such as obfuscation need).
 */
public final class TransformsGenerator implements ArtifactGenerator {

    @Override
    public List<JavaFile> generate(GenerationContext context) {
        // Built-in transforms (zlib on a framing) are applied by generated framing code: nobody implements them.
        List<TransformModel> transforms = TransformNames.handWritten(context.model());
        if (transforms.isEmpty()) {
            return List.of();
        }
        return List.of(file(context, face(context, transforms)), file(context, registry(context)));
    }

    private static TypeSpec face(GenerationContext context, List<TransformModel> transforms) {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(TransformNames.transforms(context))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The hand-written transforms $L declares. Implement them and install the implementation\n"
                        + "once with {@link $T#install}; generated encoders and records call it for the fields\n"
                        + "marked {@code transform(...)}. Decoders expose those fields as they are on the wire.\n",
                        source(context), TransformNames.registry(context));
        for (TransformModel transform : transforms) {
            String doc = transform.doc() == null || transform.doc().isBlank() ? "" : transform.doc().strip() + "\n\n";
            type.addMethod(MethodSpec.methodBuilder(TransformNames.encodeMethod(transform.name()))
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc("$L", doc)
                    .addJavadoc("Transform {@code $L}, encoding: rewrites the {@code length} plain bytes just written at\n"
                            + "{@code offset} of {@code out} into their wire form, in place (read them with\n"
                            + "{@code out.u8At}, write them with {@code out.patch8}).\n", transform.name())
                    .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                    .addParameter(TypeName.INT, "offset").addParameter(TypeName.INT, "length")
                    .build());
            type.addMethod(MethodSpec.methodBuilder(TransformNames.decodeMethod(transform.name()))
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc("Transform {@code $L}, decoding: rewrites {@code length} bytes at {@code offset} of\n"
                            + "{@code data} (a copy of the wire bytes the caller owns) into their plain form, in place.\n",
                            transform.name())
                    .addParameter(byte[].class, "data")
                    .addParameter(TypeName.INT, "offset").addParameter(TypeName.INT, "length")
                    .build());
        }
        return type.build();
    }

    private static TypeSpec registry(GenerationContext context) {
        ClassName face = TransformNames.transforms(context);
        return TypeSpec.classBuilder(TransformNames.registry(context))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Holds the application's {@link $T}. Install it once at startup, before encoding or\n"
                        + "decoding records whose layouts use a transform.\n", face)
                .addField(FieldSpec.builder(face, "installed", Modifier.PRIVATE, Modifier.STATIC, Modifier.VOLATILE).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("install").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("Makes {@code transforms} the implementation generated code uses (replacing an earlier one).\n")
                        .addParameter(face, "transforms")
                        .beginControlFlow("if (transforms == null)")
                        .addStatement("throw new $T($S)", NullPointerException.class, "transforms")
                        .endControlFlow()
                        .addStatement("installed = transforms")
                        .build())
                .addMethod(MethodSpec.methodBuilder("require").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(face)
                        .addJavadoc("The installed implementation, for generated code.\n\n"
                                + "@param transform the transform about to be applied, named in the error\n"
                                + "@throws IllegalStateException when none is installed\n")
                        .addParameter(String.class, "transform")
                        .addStatement("$T transforms = installed", face)
                        .beginControlFlow("if (transforms == null)")
                        .addStatement("throw new $T(\"hand-written transform '\" + transform + \"' has no implementation: \"\n"
                                + "+ \"call $T.install(...) first\")", IllegalStateException.class, TransformNames.registry(context))
                        .endControlFlow()
                        .addStatement("return transforms")
                        .build())
                .build();
    }

    private static String source(GenerationContext context) {
        return context.model().sourceFile() == null ? "this protocol" : context.model().sourceFile();
    }

    private static JavaFile file(GenerationContext context, TypeSpec type) {
        return JavaFile.builder(context.javaPackage(), type)
                .addFileComment("Generated by SQLxWire from $L — do not edit.", context.model().sourceFile())
                .skipJavaLangImports(true)
                .build();
    }
}
