package io.sqlxwire.codegen.java.properties;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.TransformNames;
import io.sqlxwire.idl.model.TransformModel;
import javax.lang.model.element.Modifier;

/**
 * For a protocol with hand-written transforms: a nested {@code StandInTransforms} of the properties
 * test, and the static block that installs it unless the application installed its own. The
 * stand-in flips the lowest bit of every byte each way: its own inverse, so round trips hold, yet
 * not the identity, so a transform applied to the wrong bytes, twice or not at all shows. (It
 * keeps every character the arbitraries generate a valid character of the same charset.)
 */
final class StandInTransforms {

    static final String NAME = "StandInTransforms";

    private StandInTransforms() {}

    static TypeSpec of(GenerationContext context, ClassName test) {
        TypeSpec.Builder type = TypeSpec.classBuilder(test.nestedClass(NAME))
                .addModifiers(Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(TransformNames.transforms(context))
                .addJavadoc("Stands in for the application's transforms: flips the lowest bit of every byte, each way.\n");
        for (TransformModel transform : TransformNames.handWritten(context.model())) {
            type.addMethod(MethodSpec.methodBuilder(TransformNames.encodeMethod(transform.name()))
                    .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                    .addParameter(TypeName.INT, "offset").addParameter(TypeName.INT, "length")
                    .beginControlFlow("for (int i = offset; i < offset + length; i++)")
                    .addStatement("out.patch8(i, out.u8At(i) ^ 1)")
                    .endControlFlow()
                    .build());
            type.addMethod(MethodSpec.methodBuilder(TransformNames.decodeMethod(transform.name()))
                    .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .addParameter(byte[].class, "data")
                    .addParameter(TypeName.INT, "offset").addParameter(TypeName.INT, "length")
                    .beginControlFlow("for (int i = offset; i < offset + length; i++)")
                    .addStatement("data[i] ^= 1")
                    .endControlFlow()
                    .build());
        }
        return type.build();
    }

    /** Installs the stand-in when no implementation is installed yet (one the application installed is kept). */
    static CodeBlock install(GenerationContext context, ClassName test) {
        String any = TransformNames.handWritten(context.model()).get(0).name();
        return CodeBlock.builder()
                .beginControlFlow("try")
                .addStatement("$T.require($S)", TransformNames.registry(context), any)
                .nextControlFlow("catch ($T none)", IllegalStateException.class)
                .addStatement("$T.install(new $T())", TransformNames.registry(context), test.nestedClass(NAME))
                .endControlFlow()
                .build();
    }
}
